import { css } from 'lit';

export const customerPageStyles = css`
  .message:not(:empty) {
    margin-bottom: var(--fl-space-3);
  }
  .layout {
    display: grid;
    grid-template-columns: 20rem minmax(0, 1fr);
    gap: var(--fl-space-5);
    align-items: start;
  }
  .profile {
    display: grid;
    gap: var(--fl-space-4);
    position: sticky;
    top: var(--fl-space-4);
  }
  .profile header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-2);
  }
  h1 {
    font-size: var(--fl-text-xl);
    overflow-wrap: anywhere;
  }
  h1.edit-title {
    font-size: var(--fl-text-lg);
  }
  h2 {
    font-size: var(--fl-text-lg);
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--fl-space-2) var(--fl-space-3);
    margin: 0;
    font-size: var(--fl-text-sm);
  }
  dt {
    color: var(--fl-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  ul.handles {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .timeline {
    display: grid;
    gap: var(--fl-space-3);
    min-width: 0;
  }
  ol.timeline-list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--fl-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .issue-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--fl-space-1) var(--fl-space-3);
    padding: var(--fl-space-3) var(--fl-space-4);
    font-size: var(--fl-text-sm);
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border);
    border-left: 4px solid var(--fl-accent);
    border-radius: var(--fl-radius-sm);
  }
  .issue-row .kind-label {
    font-size: var(--fl-text-xs);
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--fl-accent);
  }
  .issue-row .title {
    font-weight: 600;
  }
  .issue-row .meta {
    flex-basis: 100%;
    font-size: var(--fl-text-xs);
  }
  .load-more {
    display: flex;
    justify-content: center;
  }
  .merge {
    display: grid;
    gap: var(--fl-space-3);
  }
  kbd {
    padding: 0 0.3rem;
    font-family: var(--fl-font-mono);
    border: 1px solid var(--fl-border-strong);
    border-radius: 4px;
  }
  @media (max-width: 56rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .profile {
      position: static;
    }
  }
`;
