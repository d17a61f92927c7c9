import { css } from 'lit';

export const notificationBellStyles = css`
  :host {
    display: inline-block;
  }
  button.bell {
    position: relative;
    width: 2.25rem;
    padding: 0;
  }
  button.bell[aria-expanded='true'] {
    background: var(--fl-surface-2);
  }
  .count {
    position: absolute;
    top: -0.45rem;
    right: -0.45rem;
    min-width: 1.2rem;
    height: 1.2rem;
    padding: 0 0.3rem;
    font-size: 0.6875rem;
    font-weight: 800;
    line-height: 1.2rem;
    text-align: center;
    color: var(--fl-surface);
    background: var(--fl-danger);
    border: 2px solid var(--fl-surface);
    border-radius: 999px;
    box-sizing: content-box;
  }
  dialog {
    position: fixed;
    inset: 4rem 1rem auto auto;
    width: min(26rem, calc(100vw - 2rem));
    max-width: none;
    max-height: min(36rem, calc(100vh - 5rem));
    margin: 0;
    padding: 0;
    overflow: hidden;
    color: var(--fl-text);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow-lg);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 12%);
  }
  header {
    display: flex;
    align-items: center;
    gap: var(--fl-space-2);
    padding: var(--fl-space-3) var(--fl-space-3) var(--fl-space-3) var(--fl-space-4);
    border-bottom: 1px solid var(--fl-border);
  }
  h2 {
    font-size: var(--fl-text-md);
  }
  .unread-count {
    flex: 1;
    white-space: nowrap;
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .close {
    width: 2rem;
    min-height: 2rem;
    padding: 0;
    font-size: 1rem;
    color: var(--fl-text-muted);
    border-color: transparent;
    background: none;
  }
  .body {
    overflow-y: auto;
    padding: var(--fl-space-2);
  }
  .body > .message,
  .body > fl-loading {
    margin: var(--fl-space-2);
  }
  .empty {
    display: grid;
    gap: var(--fl-space-2);
    padding: var(--fl-space-5) var(--fl-space-4);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
    text-align: center;
  }
  .empty strong {
    color: var(--fl-text);
  }
  ul.items {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item a {
    display: flex;
    gap: var(--fl-space-3);
    padding: var(--fl-space-3);
    font-size: var(--fl-text-sm);
    color: var(--fl-text);
    text-decoration: none;
    border-radius: var(--fl-radius-sm);
  }
  .item a:hover {
    color: var(--fl-text);
    background: var(--fl-surface-2);
  }
  .item a:focus-visible {
    outline-offset: -2px;
  }
  .item.unread a {
    background: var(--fl-accent-soft);
  }
  .item.unread a:hover {
    background: var(--fl-surface-2);
  }
  .dot {
    flex: none;
    width: 0.5rem;
    height: 0.5rem;
    margin-top: 0.45rem;
    border-radius: 50%;
  }
  .item.unread .dot {
    background: var(--fl-accent);
  }
  .what {
    display: grid;
    gap: 0.15rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .item.unread .text {
    font-weight: 600;
  }
  .note {
    display: -webkit-box;
    overflow: hidden;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    color: var(--fl-text);
  }
  .kind-loop_closed .note {
    padding-left: var(--fl-space-2);
    border-left: 3px solid var(--fl-success);
  }
  .when {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .more {
    display: flex;
    justify-content: center;
    padding: var(--fl-space-2);
  }
  @media (max-width: 40rem) {
    dialog {
      inset: 3.5rem 0.5rem auto 0.5rem;
      width: auto;
      max-width: none;
    }
  }
`;
