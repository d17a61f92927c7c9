import { css } from 'lit';

export const adminPageStyles = css`
  :host {
    display: block;
  }
  .page-head {
    margin-bottom: var(--fl-space-5);
  }
  h1 {
    font-size: var(--fl-text-xl);
  }
  .lede {
    margin-top: var(--fl-space-1);
    color: var(--fl-text-muted);
  }
  [role='tablist'] {
    display: flex;
    gap: var(--fl-space-1);
    margin-bottom: var(--fl-space-5);
    border-bottom: 1px solid var(--fl-border);
    overflow-x: auto;
  }
  [role='tab'] {
    min-height: 2.5rem;
    margin-bottom: -1px;
    padding: 0 var(--fl-space-4);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
    background: none;
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: var(--fl-radius-sm) var(--fl-radius-sm) 0 0;
  }
  [role='tab']:hover:not([aria-selected='true']) {
    color: var(--fl-text);
    background: var(--fl-surface-2);
  }
  [role='tab'][aria-selected='true'] {
    color: var(--fl-accent);
    border-bottom-color: var(--fl-accent);
  }
  [role='tabpanel']:focus-visible {
    outline-offset: 6px;
  }
  .not-allowed {
    max-width: 40rem;
  }
`;
