import { css } from 'lit';

export const teamsPanelStyles = css`
  ul.team-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
    gap: var(--fl-space-4);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .team {
    display: grid;
    grid-template-rows: auto 1fr auto auto;
    gap: var(--fl-space-2);
    padding: var(--fl-space-4);
  }
  .team-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
    align-items: baseline;
    justify-content: space-between;
  }
  .desc {
    font-size: var(--fl-text-sm);
  }
  .meta,
  .names {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .team .actions {
    justify-content: flex-end;
  }
  .create-form {
    max-width: 44rem;
  }
  ul.members {
    display: grid;
    gap: var(--fl-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.members li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--fl-space-3);
    padding: var(--fl-space-2) var(--fl-space-3);
    background: var(--fl-surface-2);
    border-radius: var(--fl-radius-sm);
  }
  .member-name {
    display: grid;
  }
  .member-name .muted {
    font-size: var(--fl-text-xs);
  }
  form.add-member {
    gap: var(--fl-space-1);
  }
  .add-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
    align-items: end;
  }
  .add-row .field {
    flex: 1 1 14rem;
  }
`;
