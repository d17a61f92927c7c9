import { css } from 'lit';

export const shortcutsListStyles = css`
  :host {
    display: block;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--fl-space-3) var(--fl-space-5);
    margin: 0;
    align-items: center;
  }
  dt {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-1);
    align-items: center;
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  dd {
    margin: 0;
  }
  kbd {
    display: inline-block;
    min-width: 1.75rem;
    padding: 0.1rem 0.45rem;
    font-family: var(--fl-font-mono);
    font-size: var(--fl-text-sm);
    text-align: center;
    color: var(--fl-text);
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border-strong);
    border-bottom-width: 2px;
    border-radius: var(--fl-radius-sm);
  }
  .hint {
    margin-top: var(--fl-space-4);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
`;
