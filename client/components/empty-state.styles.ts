import { css } from 'lit';

export const emptyStateStyles = css`
  :host {
    display: block;
  }
  div {
    padding: var(--fl-space-5);
    text-align: center;
    background: var(--fl-surface);
    border: 1px dashed var(--fl-border-strong);
    border-radius: var(--fl-radius);
  }
  p.heading {
    font-weight: 700;
  }
  ::slotted(*) {
    margin: var(--fl-space-2) 0 0;
    color: var(--fl-text-muted);
  }
`;
