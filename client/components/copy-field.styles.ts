import { css } from 'lit';

export const copyFieldStyles = css`
  :host {
    display: block;
  }
  .wrap {
    display: grid;
    gap: var(--fl-space-1);
  }
  .row {
    display: flex;
    gap: var(--fl-space-2);
  }
  input {
    flex: 1;
    min-width: 0;
    font-family: var(--fl-font-mono);
  }
  .status {
    min-height: 1.2em;
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
`;
