import { css } from 'lit';

/**
 * Styles shared by many elements: shadow roots do not see document styles, so
 * each element adopts the pieces it needs (adoptedStyleSheets, CSP-safe).
 */
export const base = css`
  :host,
  *,
  *::before,
  *::after {
    /* Not inherit: slotted content inherits from the slot's side of the flat tree. */
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--fl-focus);
    outline-offset: 2px;
  }
  h1,
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--fl-accent);
  }
  a:hover {
    color: var(--fl-accent-hover);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--fl-text-muted);
  }
  code,
  .mono {
    font-family: var(--fl-font-mono);
    font-size: 0.92em;
  }
`;

export const controls = css`
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--fl-space-2);
    min-height: 2.25rem;
    padding: 0 var(--fl-space-4);
    font: inherit;
    font-size: var(--fl-text-sm);
    font-weight: 600;
    line-height: 1;
    color: var(--fl-text);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border-strong);
    border-radius: var(--fl-radius-sm);
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: var(--fl-surface-2);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.primary {
    color: var(--fl-accent-text);
    background: var(--fl-accent);
    border-color: var(--fl-accent);
  }
  button.primary:hover:not(:disabled) {
    background: var(--fl-accent-hover);
    border-color: var(--fl-accent-hover);
  }
  button.danger {
    color: var(--fl-danger);
    border-color: currentColor;
  }
  button.danger:hover:not(:disabled) {
    background: var(--fl-danger-soft);
  }
  button.small {
    min-height: 1.875rem;
    padding: 0 var(--fl-space-3);
    font-size: var(--fl-text-xs);
  }
  button.link {
    min-height: 0;
    padding: 0;
    color: var(--fl-accent);
    background: none;
    border: none;
    font-weight: 500;
    text-decoration: underline;
  }
  label {
    font-size: var(--fl-text-sm);
    font-weight: 600;
  }
  input,
  select,
  textarea {
    width: 100%;
    min-height: 2.25rem;
    padding: var(--fl-space-2) var(--fl-space-3);
    font: inherit;
    font-size: var(--fl-text-sm);
    color: var(--fl-text);
    background: var(--fl-surface);
    line-height: 1.25;
    border: 1px solid var(--fl-border-strong);
    border-radius: var(--fl-radius-sm);
    accent-color: var(--fl-accent);
  }
  select[multiple] {
    min-height: 7rem;
  }
  textarea {
    min-height: 5rem;
    line-height: 1.5;
    resize: vertical;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--fl-danger);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--fl-focus);
    outline-offset: 0;
    border-color: var(--fl-focus);
  }
  form {
    display: grid;
    gap: var(--fl-space-4);
  }
  .field {
    display: grid;
    gap: var(--fl-space-1);
    align-content: start;
  }
  .hint {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .field-error {
    font-size: var(--fl-text-xs);
    font-weight: 600;
    color: var(--fl-danger);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-3);
    align-items: end;
  }
  .grid-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--fl-space-4);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
    align-items: center;
  }
`;

export const messages = css`
  .message {
    padding: var(--fl-space-3) var(--fl-space-4);
    border: 1px solid transparent;
    border-radius: var(--fl-radius-sm);
    font-size: var(--fl-text-sm);
  }
  .message.error {
    color: var(--fl-danger);
    background: var(--fl-danger-soft);
    border-color: var(--fl-danger);
  }
  .message.success {
    color: var(--fl-success);
    background: var(--fl-success-soft);
    border-color: var(--fl-success);
  }
  .message.warning {
    color: var(--fl-warning);
    background: var(--fl-warning-soft);
    border-color: var(--fl-warning);
  }
  .message:empty {
    display: none;
  }
`;

export const tables = css`
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    background: var(--fl-surface);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--fl-text-sm);
  }
  caption {
    text-align: left;
  }
  th,
  td {
    padding: var(--fl-space-2) var(--fl-space-3);
    text-align: left;
    vertical-align: middle;
    border-bottom: 1px solid var(--fl-border);
  }
  th {
    font-size: var(--fl-text-xs);
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
  }
  tbody tr:last-child td {
    border-bottom: none;
  }
`;

export const cards = css`
  .card {
    padding: var(--fl-space-5);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow);
  }
  .badge {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    font-size: var(--fl-text-xs);
    font-weight: 600;
    border-radius: 999px;
    background: var(--fl-surface-2);
    color: var(--fl-text-muted);
    border: 1px solid var(--fl-border);
  }
  .badge.accent {
    background: var(--fl-accent-soft);
    color: var(--fl-accent);
    border-color: transparent;
  }
  .badge.danger {
    background: var(--fl-danger-soft);
    color: var(--fl-danger);
    border-color: transparent;
  }
`;

/** What every page element starts with: a block host, its title, the line under it, breadcrumbs. */
export const page = css`
  :host {
    display: block;
  }
  h1 {
    font-size: var(--fl-text-xl);
  }
  .lede {
    margin-top: var(--fl-space-1);
    color: var(--fl-text-muted);
  }
  .crumbs {
    margin-bottom: var(--fl-space-3);
    font-size: var(--fl-text-sm);
  }
  .crumbs a {
    text-decoration: none;
  }
  .crumbs a:hover {
    text-decoration: underline;
  }
`;

/** A list page: its parts in one column, the title row with the title left and its actions right, wrapping when narrow. */
export const listPage = css`
  .page {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--fl-space-4);
  }
  .page-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--fl-space-3);
  }
`;
