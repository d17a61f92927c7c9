import { css } from 'lit';

export const insightPageStyles = css`
  .message:not(:empty) {
    margin-bottom: var(--fl-space-3);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 18rem;
    gap: var(--fl-space-5);
    align-items: start;
  }
  .main {
    display: grid;
    gap: var(--fl-space-5);
    min-width: 0;
  }
  .side {
    display: grid;
    gap: var(--fl-space-4);
    position: sticky;
    top: var(--fl-space-4);
  }
  .side-card {
    display: grid;
    gap: var(--fl-space-3);
    padding: var(--fl-space-4);
  }
  .side-card h2 {
    font-size: var(--fl-text-sm);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--fl-text-muted);
  }
  .side-card button {
    justify-self: start;
  }
  .small {
    font-size: var(--fl-text-sm);
  }
  .issue-list {
    display: grid;
    gap: var(--fl-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--fl-text-sm);
  }
  .issue-list li {
    display: grid;
    gap: var(--fl-space-1);
    justify-items: start;
  }
  article.insight {
    display: grid;
    gap: var(--fl-space-3);
  }
  article.insight header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--fl-space-1) var(--fl-space-2);
    font-size: var(--fl-text-sm);
  }
  h1.who {
    font-size: var(--fl-text-md);
  }
  .handle {
    font-weight: 400;
    font-size: var(--fl-text-sm);
  }
  .badges {
    display: inline-flex;
    gap: var(--fl-space-1);
    margin-left: auto;
  }
  .customer,
  .source {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--fl-space-1) var(--fl-space-2);
    font-size: var(--fl-text-sm);
  }
  .customer a {
    font-weight: 600;
  }
  .body {
    font-size: 1.0625rem;
    line-height: 1.6;
  }
  article.insight footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--fl-space-3);
    padding-top: var(--fl-space-3);
    border-top: 1px solid var(--fl-border);
  }
  a.badge {
    text-decoration: none;
  }
  .deleted {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--fl-space-3);
  }
  form.edit {
    gap: var(--fl-space-4);
  }
  .edit-title {
    font-size: var(--fl-text-lg);
  }
  .replies {
    display: grid;
    gap: var(--fl-space-3);
  }
  .replies h2 {
    font-size: var(--fl-text-lg);
  }
  ol.reply-list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--fl-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  article.reply {
    display: grid;
    gap: var(--fl-space-2);
    padding: var(--fl-space-3) var(--fl-space-4);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-left: 3px solid var(--fl-border-strong);
    border-radius: var(--fl-radius-sm);
  }
  article.reply.deleted {
    display: block;
    border-style: dashed;
    background: transparent;
    font-style: italic;
  }
  article.reply header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--fl-space-1) var(--fl-space-2);
    font-size: var(--fl-text-sm);
  }
  .edited {
    font-size: var(--fl-text-xs);
  }
  .reply-actions {
    display: inline-flex;
    gap: var(--fl-space-3);
    margin-left: auto;
  }
  .reply-actions button.link {
    font-size: var(--fl-text-xs);
  }
  button.link.danger-link {
    color: var(--fl-danger);
  }
  .reply-form {
    display: grid;
    gap: var(--fl-space-3);
    padding: var(--fl-space-4);
  }
  .reply-form .actions {
    justify-content: flex-end;
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
    .side {
      position: static;
    }
  }
`;
