import { css } from 'lit';

/** Search hits wherever they show (palette, results page): highlighted words and clipped snippets. */
export const searchHitStyles = css`
  mark {
    padding: 0 0.12em;
    color: #1a1d23;
    background: #ffe066;
    border-radius: 2px;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }
  @media (prefers-color-scheme: dark) {
    mark {
      color: #fff7db;
      background: #7a5d0c;
    }
  }
  @media (forced-colors: active) {
    mark {
      color: MarkText;
      background: Mark;
    }
  }
  .kind-badge {
    display: inline-flex;
    align-items: center;
    padding: 0.05rem 0.45rem;
    font-size: var(--fl-text-xs);
    font-weight: 600;
    line-height: 1.4;
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border);
    border-radius: 999px;
    white-space: nowrap;
  }
  .kind-badge.issue {
    color: var(--fl-warning);
    background: var(--fl-warning-soft);
    border-color: transparent;
  }
  .kind-badge.customer {
    color: var(--fl-success);
    background: var(--fl-success-soft);
    border-color: transparent;
  }
  .kind-badge.insight {
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
    border-color: transparent;
  }
  .snippet {
    color: var(--fl-text-muted);
    overflow-wrap: anywhere;
  }
  code {
    font-family: var(--fl-font-mono);
    font-size: 0.92em;
  }
`;
