import { css } from 'lit';

export const appHeaderStyles = css`
  :host {
    display: block;
    background: var(--fl-surface);
    border-bottom: 1px solid var(--fl-border);
  }
  header {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: var(--fl-space-3) var(--fl-space-4);
    max-width: var(--fl-content-width);
    margin: 0 auto;
    padding: var(--fl-space-3) var(--fl-space-5);
  }
  .brand {
    display: inline-flex;
    align-items: center;
    gap: var(--fl-space-2);
    font-size: var(--fl-text-lg);
    font-weight: 800;
    letter-spacing: -0.01em;
    color: var(--fl-text);
    text-decoration: none;
    border-radius: var(--fl-radius-sm);
  }
  .brand:hover {
    color: var(--fl-text);
  }
  .logo {
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    font-size: var(--fl-text-md);
    color: var(--fl-accent-text);
    background: var(--fl-accent);
    border-radius: 6px;
  }
  nav ul {
    display: flex;
    gap: var(--fl-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  nav a {
    display: block;
    padding: var(--fl-space-2) var(--fl-space-3);
    font-size: var(--fl-text-sm);
    font-weight: 600;
    color: var(--fl-text-muted);
    text-decoration: none;
    border-radius: var(--fl-radius-sm);
  }
  nav a:hover {
    color: var(--fl-text);
    background: var(--fl-surface-2);
  }
  nav a[aria-current='page'] {
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
  }
  form.search {
    position: relative;
    display: block;
    flex: 1 1 10rem;
    min-width: 8rem;
    max-width: 20rem;
    margin-left: auto;
  }
  form.search input {
    padding-right: 2.5rem;
  }
  form.search kbd {
    position: absolute;
    top: 50%;
    right: var(--fl-space-2);
    transform: translateY(-50%);
    padding: 0 0.4rem;
    font-family: var(--fl-font-mono);
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
    border: 1px solid var(--fl-border-strong);
    border-radius: 4px;
    pointer-events: none;
  }
  .me {
    display: flex;
    flex-shrink: 0;
    align-items: center;
    gap: var(--fl-space-2);
  }
  .name {
    max-width: 12rem;
    overflow: hidden;
    font-size: var(--fl-text-sm);
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .role {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  button.icon {
    width: 2.25rem;
    padding: 0;
  }
  @media (max-width: 68rem) {
    header {
      flex-wrap: wrap;
    }
    nav {
      order: 3;
      width: 100%;
      overflow-x: auto;
    }
  }
  @media (max-width: 40rem) {
    header {
      padding: var(--fl-space-3);
    }
    form.search {
      order: 4;
      max-width: none;
      flex-basis: 100%;
    }
    .me {
      margin-left: auto;
    }
    .role,
    button.icon {
      display: none;
    }
    .name {
      max-width: 7rem;
    }
  }
  @media (max-width: 28rem) {
    /* On a phone, the bell and sign-out stay on the brand's line. */
    .name {
      display: none;
    }
  }
`;
