import { css } from 'lit';

export const searchPageStyles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 19rem;
    gap: var(--fl-space-5);
    align-items: start;
  }
  @media (max-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .page-head {
    margin-bottom: var(--fl-space-4);
  }
  form.search-form {
    display: flex;
    gap: var(--fl-space-2);
    margin-bottom: var(--fl-space-3);
  }
  form.search-form input {
    flex: 1;
    min-width: 0;
    min-height: 2.5rem;
    font-size: var(--fl-text-md);
  }
  form.search-form button {
    min-height: 2.5rem;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-2);
    margin-bottom: var(--fl-space-3);
  }
  .filters-label {
    font-size: var(--fl-text-xs);
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--fl-text-muted);
  }
  .chip.filter {
    gap: var(--fl-space-1);
    padding-right: 0.2rem;
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
    border-color: transparent;
  }
  .chip.filter .name {
    font-weight: 700;
  }
  .chip .remove {
    display: inline-grid;
    place-items: center;
    width: 1.3rem;
    min-height: 1.3rem;
    padding: 0;
    font-size: 0.7rem;
    color: inherit;
    background: none;
    border: none;
    border-radius: 50%;
  }
  .chip .remove:hover:not(:disabled) {
    color: var(--fl-accent-text);
    background: var(--fl-accent);
  }
  .tabs {
    display: flex;
    gap: var(--fl-space-1);
    margin-bottom: var(--fl-space-4);
    overflow-x: auto;
    border-bottom: 1px solid var(--fl-border);
  }
  .tabs [role='tab'] {
    gap: var(--fl-space-2);
    min-height: 2.5rem;
    margin-bottom: -1px;
    padding: 0 var(--fl-space-3);
    color: var(--fl-text-muted);
    background: none;
    border: none;
    border-bottom: 2px solid transparent;
    border-radius: var(--fl-radius-sm) var(--fl-radius-sm) 0 0;
  }
  .tabs [role='tab']:hover:not(:disabled) {
    color: var(--fl-text);
    background: var(--fl-surface-2);
  }
  .tabs [role='tab'][aria-selected='true'] {
    color: var(--fl-accent);
    border-bottom-color: var(--fl-accent);
  }
  .tabs [role='tab']:focus-visible {
    outline-offset: -2px;
  }
  .tabs .count {
    min-width: 1.5rem;
    padding: 0.05rem 0.4rem;
    font-size: var(--fl-text-xs);
    font-variant-numeric: tabular-nums;
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
    border-radius: 999px;
  }
  .tabs [aria-selected='true'] .count {
    color: var(--fl-accent);
    background: var(--fl-accent-soft);
  }
  .results-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2) var(--fl-space-4);
    align-items: end;
    justify-content: space-between;
  }
  .results-head .tabs {
    flex: 1 1 24rem;
  }
  .summary {
    margin-bottom: var(--fl-space-3);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  .sort {
    display: inline-flex;
    margin-bottom: var(--fl-space-4);
    gap: var(--fl-space-2);
    align-items: baseline;
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  .capped {
    margin-bottom: var(--fl-space-3);
  }
  ol.results {
    display: grid;
    gap: var(--fl-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .result {
    display: grid;
    gap: var(--fl-space-1);
    padding: var(--fl-space-3) var(--fl-space-4);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
  }
  .result:focus-within {
    border-color: var(--fl-border-strong);
  }
  .meta {
    display: flex;
    align-items: center;
    gap: var(--fl-space-2);
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .result .title {
    font-size: var(--fl-text-md);
    overflow-wrap: anywhere;
  }
  .result .title a {
    text-decoration: none;
  }
  .result .title a:hover {
    text-decoration: underline;
  }
  .result .snippet {
    font-size: var(--fl-text-sm);
    line-height: 1.5;
  }
  .load-more {
    display: flex;
    justify-content: center;
    margin-top: var(--fl-space-4);
  }
  .message p + p,
  .message p + button {
    margin-top: var(--fl-space-2);
  }
  fl-empty-state .link {
    font-size: inherit;
  }
  kbd {
    padding: 0 0.35rem;
    font-family: var(--fl-font-mono);
    border: 1px solid var(--fl-border-strong);
    border-radius: 4px;
  }
  aside.help {
    padding: var(--fl-space-4);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
  }
  aside.help h2 {
    margin-bottom: var(--fl-space-3);
    font-size: var(--fl-text-md);
  }
  .help-body {
    display: grid;
    gap: var(--fl-space-3);
  }
  .help-heading {
    font-size: var(--fl-text-sm);
  }
  dl.syntax {
    display: grid;
    gap: var(--fl-space-2);
    margin: 0;
    font-size: var(--fl-text-sm);
  }
  dl.syntax div {
    display: grid;
    gap: 0;
  }
  dl.syntax dt code {
    color: var(--fl-accent);
  }
  dl.syntax dd {
    margin: 0;
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
`;
