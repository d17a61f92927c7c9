import { css } from 'lit';

export const loadingStateStyles = css`
  :host {
    display: block;
  }
  .label {
    margin-bottom: var(--fl-space-3);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  .bar {
    height: 2.25rem;
    margin-bottom: var(--fl-space-2);
    border-radius: var(--fl-radius-sm);
    background: linear-gradient(90deg, var(--fl-skeleton) 0%, var(--fl-surface-2) 50%, var(--fl-skeleton) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .bar:nth-child(even) {
    width: 92%;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
`;
