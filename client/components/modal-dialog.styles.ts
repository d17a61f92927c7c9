import { css } from 'lit';

export const modalDialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    color: var(--fl-text);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow-lg);
  }
  :host([wide]) dialog {
    width: min(48rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: var(--fl-backdrop);
  }
  header {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--fl-space-3);
    padding: var(--fl-space-4) var(--fl-space-5);
    background: var(--fl-surface);
    border-bottom: 1px solid var(--fl-border);
  }
  h2 {
    margin: 0;
    font-size: var(--fl-text-lg);
    line-height: 1.3;
  }
  .close {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    font: inherit;
    font-size: 1.25rem;
    line-height: 1;
    color: var(--fl-text-muted);
    background: none;
    border: 1px solid transparent;
    border-radius: var(--fl-radius-sm);
    cursor: pointer;
  }
  .close:hover {
    color: var(--fl-text);
    background: var(--fl-surface-2);
  }
  .close:focus-visible {
    outline: 2px solid var(--fl-focus);
    outline-offset: 2px;
  }
  .body {
    padding: var(--fl-space-5);
  }
  footer {
    display: flex;
    justify-content: flex-end;
    gap: var(--fl-space-2);
    padding: 0 var(--fl-space-5) var(--fl-space-5);
  }
  footer:not(.filled) {
    display: none;
  }
`;
