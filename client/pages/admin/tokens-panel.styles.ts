import { css } from 'lit';

export const tokensPanelStyles = css`
  form.create {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
    align-items: end;
    max-width: 36rem;
  }
  form.create .field {
    flex: 1 1 16rem;
  }
  .confirm {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
    align-items: center;
    font-size: var(--fl-text-xs);
  }
`;
