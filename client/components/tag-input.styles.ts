import { css } from 'lit';

export const tagInputStyles = css`
  :host {
    display: block;
  }
  .box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-1);
    min-height: 2.25rem;
    padding: 0.2rem var(--fl-space-2);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border-strong);
    border-radius: var(--fl-radius-sm);
    cursor: text;
  }
  .box.invalid {
    border-color: var(--fl-danger);
  }
  .box:focus-within {
    outline: 2px solid var(--fl-focus);
    outline-offset: 0;
    border-color: var(--fl-focus);
  }
  .box input {
    flex: 1;
    min-width: 8rem;
    min-height: 1.75rem;
    padding: 0 var(--fl-space-1);
    border: none;
    background: transparent;
  }
  .box input:focus-visible {
    outline: none;
  }
  .chip .remove {
    display: inline-grid;
    place-items: center;
    width: 1.1rem;
    height: 1.1rem;
    min-height: 0;
    margin-left: 0.15rem;
    padding: 0;
    font-size: 0.65rem;
    color: inherit;
    background: none;
    border: none;
    border-radius: 50%;
  }
  .chip .remove:hover {
    color: var(--fl-danger);
    background: var(--fl-danger-soft);
  }
`;
