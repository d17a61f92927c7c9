import { css } from 'lit';

export const notFoundPageStyles = css`
  :host {
    display: block;
  }
  section {
    max-width: 40rem;
  }
  h1 {
    font-size: var(--fl-text-xl);
  }
  p {
    margin-top: var(--fl-space-3);
  }
`;
