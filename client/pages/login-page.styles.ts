import { css } from 'lit';

/** The centred card of the signed-out pages (sign in, accept an invite). */
export const authPageStyles = css`
  :host {
    display: grid;
    place-items: center;
    min-height: calc(100vh - 4rem);
    padding: var(--fl-space-5) var(--fl-space-4);
  }
  .card {
    width: min(26rem, 100%);
    padding: var(--fl-space-6);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: var(--fl-space-2);
    margin-bottom: var(--fl-space-5);
    font-size: var(--fl-text-lg);
    font-weight: 800;
  }
  .logo {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    color: var(--fl-accent-text);
    background: var(--fl-accent);
    border-radius: 7px;
  }
  h1 {
    font-size: var(--fl-text-xl);
  }
  .lede {
    margin: var(--fl-space-2) 0 var(--fl-space-5);
    color: var(--fl-text-muted);
  }
  button[type='submit'] {
    width: 100%;
    min-height: 2.75rem;
    font-size: var(--fl-text-md);
  }
  .foot {
    margin-top: var(--fl-space-5);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
`;
