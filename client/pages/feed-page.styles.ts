import { css } from 'lit';

export const feedPageStyles = css`
  .lede {
    margin-top: var(--fl-space-1);
    color: var(--fl-text-muted);
    font-size: var(--fl-text-sm);
  }
  kbd {
    padding: 0 0.35rem;
    font-family: var(--fl-font-mono);
    font-size: 0.9em;
    border: 1px solid currentColor;
    border-radius: 4px;
    opacity: 0.85;
  }
  form.filters {
    display: grid;
    grid-template-columns: minmax(12rem, 2fr) repeat(3, minmax(8rem, 1fr)) minmax(8rem, 1fr) minmax(12rem, 1.5fr);
    gap: var(--fl-space-3);
    align-items: start;
    padding: var(--fl-space-4);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
  }
  .active-filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-2);
    font-size: var(--fl-text-sm);
  }
  ol.cards {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--fl-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ol.cards.stale {
    opacity: 0.55;
    transition: opacity 0.2s;
  }
  li.skeleton {
    display: grid;
    gap: var(--fl-space-2);
    padding: var(--fl-space-4) var(--fl-space-5);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
  }
  .line {
    height: 0.85rem;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--fl-skeleton) 0%, var(--fl-surface-2) 50%, var(--fl-skeleton) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .line.short {
    width: 35%;
  }
  .line.medium {
    width: 65%;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  .load-more {
    display: flex;
    justify-content: center;
    padding: var(--fl-space-2) 0;
  }
  .end {
    text-align: center;
    font-size: var(--fl-text-sm);
  }
  #sentinel {
    height: 1px;
  }
  .selection-bar {
    position: sticky;
    bottom: var(--fl-space-4);
    z-index: 10;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-3);
    justify-self: center;
    padding: var(--fl-space-3) var(--fl-space-4);
    font-size: var(--fl-text-sm);
    background: var(--fl-surface);
    border: 1px solid var(--fl-accent);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow-lg);
  }
  @media (max-width: 40rem) {
    form.filters {
      padding: var(--fl-space-3);
    }
    .selection-bar {
      left: 0;
      right: 0;
      justify-self: stretch;
    }
  }
  @media (max-width: 64rem) {
    form.filters {
      grid-template-columns: repeat(auto-fit, minmax(min(9rem, 100%), 1fr));
    }
  }
`;
