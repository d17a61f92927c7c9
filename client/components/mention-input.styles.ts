import { css } from 'lit';

export const mentionInputStyles = css`
  :host {
    display: block;
  }
  textarea {
    display: block;
  }
  kbd {
    padding: 0 0.3rem;
    font-family: var(--fl-font-mono);
    font-size: 0.95em;
    border: 1px solid var(--fl-border-strong);
    border-radius: 4px;
  }
`;
