import { css } from 'lit';

export const insightComposerStyles = css`
  :host {
    display: contents;
  }
  form {
    gap: var(--fl-space-4);
  }
  fieldset.pills {
    display: grid;
    gap: var(--fl-space-2);
    margin: 0;
    padding: 0;
    border: none;
    min-width: 0;
  }
  legend {
    margin-bottom: var(--fl-space-1);
    padding: 0;
    font-size: var(--fl-text-sm);
    font-weight: 600;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
  }
  label.pill {
    position: relative;
    display: inline-flex;
    font-weight: 500;
    cursor: pointer;
  }
  label.pill input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    min-height: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  label.pill span {
    display: inline-flex;
    align-items: center;
    min-height: 2rem;
    padding: 0 var(--fl-space-3);
    font-size: var(--fl-text-sm);
    color: var(--fl-text);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border-strong);
    border-radius: 999px;
  }
  label.pill:hover span {
    background: var(--fl-surface-2);
  }
  label.pill input:checked + span {
    font-weight: 700;
    color: var(--fl-accent-text);
    background: var(--fl-accent);
    border-color: var(--fl-accent);
  }
  label.pill.sentiment-negative input:checked + span {
    color: var(--fl-surface);
    background: var(--fl-danger);
    border-color: var(--fl-danger);
  }
  label.pill.sentiment-positive input:checked + span {
    color: var(--fl-surface);
    background: var(--fl-success);
    border-color: var(--fl-success);
  }
  label.pill input:focus-visible + span {
    outline: 2px solid var(--fl-focus);
    outline-offset: 2px;
  }
  .restored {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
    align-items: baseline;
    padding: var(--fl-space-2) var(--fl-space-3);
    font-size: var(--fl-text-sm);
    background: var(--fl-accent-soft);
    border-radius: var(--fl-radius-sm);
  }
  .footer-note {
    margin-right: auto;
    align-self: center;
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  kbd {
    padding: 0 0.3rem;
    font-family: var(--fl-font-mono);
    border: 1px solid var(--fl-border-strong);
    border-radius: 4px;
  }
`;
