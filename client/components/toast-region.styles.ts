import { css } from 'lit';

export const toastRegionStyles = css`
  :host {
    position: fixed;
    right: var(--fl-space-4);
    bottom: var(--fl-space-4);
    z-index: 50;
    display: block;
    max-width: min(26rem, calc(100vw - 2rem));
  }
  .region {
    display: grid;
    gap: var(--fl-space-2);
  }
  .toast {
    display: flex;
    align-items: center;
    gap: var(--fl-space-3);
    padding: var(--fl-space-3) var(--fl-space-3) var(--fl-space-3) var(--fl-space-4);
    font-size: var(--fl-text-sm);
    color: var(--fl-text);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-left: 4px solid var(--fl-success);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow-lg);
  }
  .toast.error {
    border-left-color: var(--fl-danger);
  }
  .toast span {
    flex: 1;
  }
  .toast a {
    font-weight: 600;
    white-space: nowrap;
  }
  button.dismiss {
    min-height: 1.75rem;
    padding: 0 var(--fl-space-2);
    color: var(--fl-text-muted);
    background: none;
    border-color: transparent;
  }
`;
