import { css } from 'lit';

export const presenceAvatarsStyles = css`
  :host {
    display: inline-block;
  }
  .presence {
    display: inline-flex;
    align-items: center;
    gap: var(--fl-space-1);
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .label {
    margin-right: var(--fl-space-1);
  }
  .avatar,
  .more {
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    background: var(--fl-accent-soft);
    color: var(--fl-accent);
    font-weight: 600;
    border: 2px solid var(--fl-surface);
  }
`;
