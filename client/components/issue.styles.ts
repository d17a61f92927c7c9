import { css } from 'lit';

/** Status and kind badges shared by the issue card, the issues list and the issue page. */
export const issueBadges = css`
  .status,
  .kind,
  .tier {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.05rem 0.5rem;
    font-size: var(--fl-text-xs);
    font-weight: 700;
    line-height: 1.5;
    white-space: nowrap;
    border: 1px solid transparent;
    border-radius: 999px;
  }
  .status::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    background: currentColor;
    border-radius: 50%;
  }
  .status-open {
    color: var(--fl-text);
    background: var(--fl-surface-2);
    border-color: var(--fl-border-strong);
  }
  .status-claimed {
    color: var(--fl-warning);
    background: var(--fl-warning-soft);
  }
  .status-in_progress {
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
  }
  .status-resolved {
    color: var(--fl-success);
    background: var(--fl-success-soft);
  }
  .status-wont_fix {
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
  }
  .kind {
    font-weight: 600;
    color: var(--fl-text-muted);
    background: var(--fl-surface);
    border-color: var(--fl-border);
  }
  .tier {
    font-weight: 600;
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
  }
  .tier-enterprise {
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
  }
  .tier-key {
    color: var(--fl-warning);
    background: var(--fl-warning-soft);
  }
  .score {
    display: inline-grid;
    place-items: center;
    min-width: 2.25rem;
    padding: 0 0.4rem;
    font-size: var(--fl-text-sm);
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    color: var(--fl-text);
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius-sm);
  }
  .score.overridden {
    border-color: var(--fl-warning);
  }
`;
