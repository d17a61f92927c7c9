import { css } from 'lit';

export const liveStatusStyles = css`
  :host {
    display: block;
  }
  .banner {
    margin: 0;
    padding: var(--fl-space-2) var(--fl-space-4);
    background: var(--fl-warning-soft, var(--fl-surface-2));
    color: var(--fl-text);
    font-size: var(--fl-text-sm);
    text-align: center;
    border-bottom: 1px solid var(--fl-border);
  }
  .dot {
    display: inline-block;
    width: 0.5rem;
    height: 0.5rem;
    margin-right: var(--fl-space-2);
    border-radius: 50%;
    background: var(--fl-warning, currentColor);
    vertical-align: middle;
  }
`;
