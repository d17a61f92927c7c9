import { css } from 'lit';

export const usersPanelStyles = css`
  form.search {
    display: flex;
    gap: var(--fl-space-2);
    max-width: 28rem;
  }
  .who {
    display: grid;
  }
  .who .email {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  tr.inactive td {
    color: var(--fl-text-muted);
  }
  td.teams {
    max-width: 16rem;
  }
  .invite-form {
    max-width: 44rem;
  }
`;
