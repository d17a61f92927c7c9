import { css } from 'lit';

export const placeholderPanelStyles = css`
  :host {
    display: block;
  }
  section {
    max-width: 44rem;
    padding: var(--fl-space-6);
    background: var(--fl-surface);
    border: 1px dashed var(--fl-border-strong);
    border-radius: var(--fl-radius);
  }
  h1 {
    font-size: var(--fl-text-xl);
  }
  .summary {
    margin-top: var(--fl-space-3);
    font-size: var(--fl-text-md);
  }
  .soon {
    display: inline-block;
    margin-bottom: var(--fl-space-3);
    padding: 0.1rem 0.6rem;
    font-size: var(--fl-text-xs);
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
    border-radius: 999px;
  }
  ::slotted(*) {
    margin-top: var(--fl-space-4);
    color: var(--fl-text-muted);
  }
`;
