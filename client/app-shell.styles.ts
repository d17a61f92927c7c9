import { css } from 'lit';

export const appShellStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  .skip-link {
    position: absolute;
    top: var(--fl-space-2);
    left: var(--fl-space-2);
    z-index: 100;
    padding: var(--fl-space-2) var(--fl-space-4);
    font-weight: 700;
    color: var(--fl-accent-text);
    background: var(--fl-accent);
    border-radius: var(--fl-radius-sm);
    transform: translateY(-200%);
  }
  .skip-link:focus {
    transform: none;
  }
  main {
    display: block;
    max-width: var(--fl-content-width);
    margin: 0 auto;
    padding: var(--fl-space-6) var(--fl-space-5);
  }
  main:focus {
    outline: none;
  }
  main.bare {
    max-width: none;
    padding: 0;
  }
  .boot {
    display: grid;
    place-items: center;
    min-height: 60vh;
    color: var(--fl-text-muted);
  }
  .boot .card {
    display: grid;
    gap: var(--fl-space-3);
    max-width: 30rem;
    padding: var(--fl-space-6);
    text-align: center;
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
  }
  .dialog-text {
    display: grid;
    gap: var(--fl-space-3);
  }
  kbd {
    padding: 0 0.35rem;
    font-family: var(--fl-font-mono);
    border: 1px solid var(--fl-border-strong);
    border-radius: 4px;
  }
  @media (max-width: 52rem) {
    main {
      padding: var(--fl-space-5) var(--fl-space-3);
    }
  }
`;
