import { css } from 'lit';

export const issuesPageStyles = css`
  .page-head {
    margin-bottom: var(--fl-space-4);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--fl-space-3) var(--fl-space-5);
    margin-bottom: var(--fl-space-4);
  }
  .views {
    display: inline-flex;
    padding: 3px;
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
  }
  .views [role='tab'] {
    min-height: 2rem;
    padding: 0 var(--fl-space-4);
    color: var(--fl-text-muted);
    background: none;
    border: 1px solid transparent;
  }
  .views [role='tab']:hover:not([aria-selected='true']) {
    color: var(--fl-text);
  }
  .views [role='tab'][aria-selected='true'] {
    color: var(--fl-text);
    background: var(--fl-surface);
    border-color: var(--fl-border);
    box-shadow: var(--fl-shadow);
  }
  form.filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--fl-space-3);
  }
  form.filters select {
    width: auto;
    min-width: 9rem;
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: var(--fl-space-2);
    min-height: 2.25rem;
    font-weight: 500;
  }
  label.check input {
    width: auto;
    min-height: 0;
  }
  .hint {
    margin-bottom: var(--fl-space-2);
  }
  .board {
    display: grid;
    grid-template-columns: repeat(5, minmax(12rem, 1fr));
    gap: var(--fl-space-3);
    overflow-x: auto;
    padding-bottom: var(--fl-space-2);
  }
  .column {
    display: flex;
    flex-direction: column;
    gap: var(--fl-space-2);
    min-width: 0;
    padding: var(--fl-space-2);
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
  }
  .column h2 {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--fl-space-2);
    padding: var(--fl-space-1) var(--fl-space-1) var(--fl-space-1);
    font-size: var(--fl-text-sm);
  }
  .column h2 .status {
    font-size: var(--fl-text-sm);
  }
  .count {
    font-size: var(--fl-text-xs);
    font-weight: 700;
    color: var(--fl-text-muted);
    font-variant-numeric: tabular-nums;
  }
  ol.cards {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--fl-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .column-empty {
    padding: var(--fl-space-3) var(--fl-space-2);
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
    text-align: center;
    border: 1px dashed var(--fl-border-strong);
    border-radius: var(--fl-radius-sm);
  }
  button.more {
    align-self: center;
  }
  th.num,
  td.num {
    text-align: right;
  }
  td.nowrap {
    white-space: nowrap;
    color: var(--fl-text-muted);
  }
  td.person {
    white-space: nowrap;
  }
  .col-title {
    min-width: 14rem;
  }
  td.col-title a {
    font-weight: 600;
  }
  th button.sort {
    min-height: 0;
    padding: 0;
    gap: var(--fl-space-1);
    font-size: inherit;
    font-weight: inherit;
    letter-spacing: inherit;
    text-transform: inherit;
    color: inherit;
    background: none;
    border: none;
  }
  th button.sort:hover {
    color: var(--fl-text);
  }
  th button.sort[aria-pressed='true'] {
    color: var(--fl-accent);
  }
  .arrow {
    font-size: 0.7rem;
  }
  .load-more {
    display: flex;
    justify-content: center;
    margin-top: var(--fl-space-4);
  }
  fl-empty-state .link {
    font-size: inherit;
  }
  @media (max-width: 40rem) {
    .toolbar {
      align-items: stretch;
    }
  }
`;
