import { css } from 'lit';

export const insightCardStyles = css`
  :host {
    display: block;
  }
  article {
    display: flex;
    gap: var(--fl-space-3);
    padding: var(--fl-space-4) var(--fl-space-5);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow);
  }
  article.selected {
    border-color: var(--fl-accent);
    box-shadow: 0 0 0 1px var(--fl-accent);
  }
  .select {
    padding-top: 0.15rem;
  }
  .select input {
    width: 1.125rem;
    height: 1.125rem;
    min-height: 0;
    margin: 0;
    cursor: pointer;
  }
  .main {
    display: grid;
    flex: 1;
    min-width: 0;
    gap: var(--fl-space-2);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--fl-space-1) var(--fl-space-2);
    font-size: var(--fl-text-sm);
  }
  h3.who {
    font-size: var(--fl-text-sm);
    font-weight: 700;
  }
  .when {
    color: var(--fl-text-muted);
    text-decoration: none;
  }
  .when:hover {
    text-decoration: underline;
  }
  .edited {
    font-size: var(--fl-text-xs);
  }
  .badges {
    display: inline-flex;
    gap: var(--fl-space-1);
    margin-left: auto;
  }
  .customer {
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
    line-height: 1.55;
  }
  .more {
    font-size: var(--fl-text-sm);
    font-weight: 600;
  }
  .teams {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-2);
    font-size: var(--fl-text-xs);
  }
  a.badge {
    text-decoration: none;
  }
  a.badge:hover {
    text-decoration: underline;
  }
  .issues li {
    max-width: 100%;
  }
  .issues a.status {
    max-width: 100%;
    white-space: normal;
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--fl-space-2) var(--fl-space-4);
    padding-top: var(--fl-space-1);
  }
  .replies {
    font-size: var(--fl-text-sm);
    font-weight: 600;
  }
  @media (max-width: 40rem) {
    article {
      padding: var(--fl-space-3);
    }
    .badges {
      margin-left: 0;
    }
  }
`;
