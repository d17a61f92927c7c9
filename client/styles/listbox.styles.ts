import { css } from 'lit';

/** The popup list of an autocomplete (customers, tags, @mentions). */
export const listbox = css`
  .combo {
    position: relative;
  }
  [role='listbox'] {
    position: absolute;
    top: calc(100% + 2px);
    left: 0;
    right: 0;
    z-index: 20;
    max-height: 14rem;
    margin: 0;
    padding: var(--fl-space-1);
    overflow-y: auto;
    list-style: none;
    background: var(--fl-surface);
    border: 1px solid var(--fl-border-strong);
    border-radius: var(--fl-radius-sm);
    box-shadow: var(--fl-shadow-lg);
  }
  [role='option'] {
    display: flex;
    align-items: baseline;
    gap: var(--fl-space-2);
    padding: var(--fl-space-2) var(--fl-space-3);
    font-size: var(--fl-text-sm);
    border-radius: 4px;
    cursor: pointer;
  }
  [role='option']:hover {
    background: var(--fl-surface-2);
  }
  [role='option'][aria-selected='true'] {
    color: var(--fl-accent-text);
    background: var(--fl-accent);
  }
  [role='option'][aria-selected='true'] .sub {
    color: inherit;
    opacity: 0.85;
  }
  [role='option'] .sub {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  [role='option'] .kind {
    margin-left: auto;
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  [role='option'][aria-selected='true'] .kind {
    color: inherit;
  }
  [role='option'].stacked {
    flex-wrap: wrap;
    gap: 0 var(--fl-space-2);
  }
  [role='option'].stacked .name {
    font-weight: 600;
  }
  [role='option'].stacked .sub {
    order: 3;
    flex-basis: 100%;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [role='option'].create {
    font-weight: 600;
  }
  .listbox-note {
    padding: var(--fl-space-2) var(--fl-space-3);
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
`;
