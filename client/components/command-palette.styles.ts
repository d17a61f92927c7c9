import { css } from 'lit';

export const commandPaletteStyles = css`
  :host {
    display: contents;
  }
  dialog {
    width: min(42rem, calc(100vw - 2rem));
    max-height: min(40rem, calc(100vh - 4rem));
    margin: max(2rem, 10vh) auto auto;
    padding: 0;
    overflow: hidden;
    color: var(--fl-text);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow-lg);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: var(--fl-backdrop);
  }
  .bar {
    display: flex;
    flex: none;
    align-items: center;
    gap: var(--fl-space-3);
    padding: var(--fl-space-3) var(--fl-space-4);
    border-bottom: 1px solid var(--fl-border);
  }
  .bar:focus-within {
    box-shadow: inset 0 -2px 0 var(--fl-focus);
  }
  .glass {
    position: relative;
    flex: none;
    width: 1.1rem;
    height: 1.1rem;
  }
  .glass::before {
    content: '';
    position: absolute;
    top: 0;
    left: 0;
    width: 0.75rem;
    height: 0.75rem;
    border: 2px solid var(--fl-text-muted);
    border-radius: 50%;
  }
  .glass::after {
    content: '';
    position: absolute;
    right: 0.05rem;
    bottom: 0.1rem;
    width: 0.4rem;
    height: 2px;
    background: var(--fl-text-muted);
    border-radius: 1px;
    transform: rotate(45deg);
  }
  .bar input {
    flex: 1;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0;
    font-size: var(--fl-text-md);
    background: transparent;
    border: none;
  }
  .bar input:focus-visible {
    outline: none;
  }
  kbd {
    display: inline-block;
    min-width: 1.4em;
    padding: 0 0.35rem;
    font-family: var(--fl-font-mono);
    font-size: var(--fl-text-xs);
    line-height: 1.5;
    text-align: center;
    color: var(--fl-text-muted);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border-strong);
    border-radius: 4px;
  }
  button.esc {
    flex: none;
    min-height: 1.6rem;
    padding: 0 0.45rem;
    font-family: var(--fl-font-mono);
    font-size: var(--fl-text-xs);
    font-weight: 500;
    color: var(--fl-text-muted);
  }
  .body {
    position: relative;
    flex: 1;
    min-height: 6rem;
    padding: var(--fl-space-2) var(--fl-space-2) var(--fl-space-3);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .progress {
    position: absolute;
    top: 0;
    left: 0;
    width: 30%;
    height: 2px;
    background: var(--fl-accent);
    animation: sweep 1s ease-in-out infinite;
  }
  @keyframes sweep {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(340%);
    }
  }
  .status {
    padding: var(--fl-space-2) var(--fl-space-3);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  .status:empty {
    display: none;
  }
  .message {
    margin: var(--fl-space-1) var(--fl-space-2);
  }
  [role='listbox'].stale {
    opacity: 0.6;
  }
  .group + .group {
    margin-top: var(--fl-space-2);
  }
  .group-head {
    display: flex;
    align-items: center;
    gap: var(--fl-space-2);
    padding: var(--fl-space-2) var(--fl-space-3) var(--fl-space-1);
    font-size: var(--fl-text-xs);
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--fl-text-muted);
  }
  .group-head .count {
    padding: 0 0.4rem;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0;
    background: var(--fl-surface-2);
    border-radius: 999px;
  }
  [role='option'] {
    border-radius: var(--fl-radius-sm);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--fl-accent-soft);
    box-shadow: inset 3px 0 0 var(--fl-accent);
  }
  .hit {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.1rem var(--fl-space-3);
    padding: var(--fl-space-2) var(--fl-space-3);
  }
  .hit .title {
    overflow: hidden;
    font-size: var(--fl-text-sm);
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .hit .when {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
    white-space: nowrap;
  }
  .hit .snippet {
    display: -webkit-box;
    grid-column: 1 / -1;
    overflow: hidden;
    font-size: var(--fl-text-sm);
    line-height: 1.45;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
  }
  .see-all {
    margin-top: var(--fl-space-2);
    padding: var(--fl-space-2) var(--fl-space-3);
    font-size: var(--fl-text-sm);
    font-weight: 600;
    color: var(--fl-accent);
    border-top: 1px solid var(--fl-border);
    border-radius: 0 0 var(--fl-radius-sm) var(--fl-radius-sm);
  }
  footer {
    display: grid;
    flex: none;
    gap: var(--fl-space-1);
    padding: var(--fl-space-2) var(--fl-space-4);
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
    border-top: 1px solid var(--fl-border);
  }
  footer kbd {
    padding: 0 0.25rem;
  }
  footer code {
    color: var(--fl-text);
  }
  @media (max-width: 40rem) {
    dialog {
      margin-top: var(--fl-space-3);
      max-height: calc(100vh - 1.5rem);
    }
    footer .keys {
      display: none;
    }
  }
`;
