import { css } from 'lit';

/** Chips and badges of insights: tags, channel, sentiment, teams, issue statuses. */
export const chips = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-1) var(--fl-space-2);
    align-items: center;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--fl-space-1);
    min-height: 1.625rem;
    padding: 0 0.6rem;
    font: inherit;
    font-size: var(--fl-text-xs);
    font-weight: 600;
    line-height: 1;
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border);
    border-radius: 999px;
    text-decoration: none;
    white-space: nowrap;
  }
  a.chip:hover,
  button.chip:hover:not(:disabled) {
    color: var(--fl-text);
    border-color: var(--fl-border-strong);
    background: var(--fl-surface-2);
  }
  button.chip {
    cursor: pointer;
    min-height: 1.625rem;
  }
  .chip.tag::before {
    content: '#';
    opacity: 0.7;
  }
  .chip.accent {
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
    border-color: transparent;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    padding: 0.1rem 0.5rem;
    font-size: var(--fl-text-xs);
    font-weight: 600;
    line-height: 1.4;
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border);
    border-radius: 999px;
    white-space: nowrap;
  }
  .badge.negative {
    color: var(--fl-danger);
    background: var(--fl-danger-soft);
    border-color: transparent;
  }
  .badge.positive {
    color: var(--fl-success);
    background: var(--fl-success-soft);
    border-color: transparent;
  }
  .badge.team {
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
    border-color: transparent;
  }
  .badge.tier-key,
  .badge.tier-enterprise {
    color: var(--fl-warning);
    background: var(--fl-warning-soft);
    border-color: transparent;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.1rem 0.5rem;
    font-size: var(--fl-text-xs);
    font-weight: 600;
    border-radius: 999px;
    border: 1px solid var(--fl-border);
    color: var(--fl-text);
    background: var(--fl-surface);
    text-decoration: none;
    white-space: nowrap;
  }
  .status::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--fl-border-strong);
  }
  .status.open::before {
    background: var(--fl-accent);
  }
  .status.claimed::before,
  .status.in_progress::before {
    background: var(--fl-warning);
  }
  .status.resolved::before {
    background: var(--fl-success);
  }
  .status.wont_fix::before {
    background: var(--fl-text-muted);
  }
  a.status:hover {
    border-color: var(--fl-border-strong);
    color: var(--fl-text);
  }
`;
