import { css } from 'lit';

export const issueCardStyles = css`
  :host {
    display: block;
  }
  a {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--fl-space-2);
    padding: var(--fl-space-3);
    color: var(--fl-text);
    text-decoration: none;
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow);
  }
  a:hover {
    color: var(--fl-text);
    border-color: var(--fl-border-strong);
  }
  a:hover .title {
    color: var(--fl-accent);
    text-decoration: underline;
  }
  a:focus-visible {
    outline: 2px solid var(--fl-focus);
    outline-offset: 2px;
  }
  .top {
    display: flex;
    align-items: flex-start;
    gap: var(--fl-space-2);
  }
  .title {
    flex: 1;
    min-width: 0;
    font-size: var(--fl-text-sm);
    font-weight: 700;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .reason {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .meta {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: var(--fl-space-1) var(--fl-space-2);
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .team {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .foot {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--fl-space-2);
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .who {
    font-weight: 600;
    color: var(--fl-text);
  }
  .numbers {
    margin-left: auto;
    white-space: nowrap;
  }
`;
