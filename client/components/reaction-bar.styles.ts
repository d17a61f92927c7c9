import { css } from 'lit';

export const reactionBarStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
  }
  button.reaction {
    min-height: 1.875rem;
    padding: 0 var(--fl-space-3);
    gap: 0.35rem;
    font-size: var(--fl-text-xs);
    font-weight: 600;
    color: var(--fl-text-muted);
    border-color: var(--fl-border);
    border-radius: 999px;
  }
  button.reaction.mine {
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
    border-color: var(--fl-accent);
  }
  button.reaction.mine:hover:not(:disabled) {
    background: var(--fl-accent-soft);
  }
  .count {
    min-width: 1ch;
    font-variant-numeric: tabular-nums;
  }
  .error {
    margin-top: var(--fl-space-1);
    font-size: var(--fl-text-xs);
    color: var(--fl-danger);
  }
`;
