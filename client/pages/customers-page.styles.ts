import { css } from 'lit';

export const customersPageStyles = css`
  h2 {
    font-size: var(--fl-text-lg);
  }
  .lede {
    margin-top: var(--fl-space-1);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  form.filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-3);
    align-items: end;
  }
  form.filters .grow {
    flex: 1 1 18rem;
  }
  form.filters .field:not(.grow) {
    flex: 0 1 12rem;
  }
  th.name {
    font-size: var(--fl-text-sm);
    font-weight: 600;
    text-transform: none;
    letter-spacing: normal;
    color: var(--fl-text);
    background: none;
  }
  th.name .email {
    display: block;
    font-size: var(--fl-text-xs);
    font-weight: 400;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .new-form {
    display: grid;
    gap: var(--fl-space-4);
  }
  .load-more {
    display: flex;
    justify-content: center;
  }
`;
