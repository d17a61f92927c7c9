import { css } from 'lit';

export const searchPageStyles = css`
  :host {
    display: block;
  }
  kbd {
    padding: 0 0.35rem;
    font-family: var(--fl-font-mono);
    border: 1px solid var(--fl-border-strong);
    border-radius: 4px;
  }
`;
