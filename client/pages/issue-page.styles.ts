import { css } from 'lit';

export const issuePageStyles = css`
  .conflict {
    display: grid;
    gap: var(--fl-space-2);
    justify-items: start;
    margin-bottom: var(--fl-space-4);
    color: var(--fl-text);
  }
  .conflict strong {
    color: var(--fl-warning);
  }
  .head {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--fl-space-2) var(--fl-space-4);
    margin-bottom: var(--fl-space-5);
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-2) var(--fl-space-3);
  }
  h1 {
    font-size: var(--fl-text-xl);
    overflow-wrap: anywhere;
  }
  .title-row .status {
    font-size: var(--fl-text-sm);
  }
  .byline {
    grid-column: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-1) var(--fl-space-2);
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  .byline strong {
    color: var(--fl-text);
  }
  .head-actions {
    grid-column: 2;
    grid-row: 1;
  }
  form.edit {
    margin-bottom: var(--fl-space-5);
  }
  .grid-3 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--fl-space-4);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 20rem;
    gap: var(--fl-space-5);
    align-items: start;
  }
  .main,
  .side {
    display: grid;
    gap: var(--fl-space-5);
    min-width: 0;
  }
  .side {
    gap: var(--fl-space-4);
  }
  .card {
    padding: var(--fl-space-4);
    box-shadow: none;
  }
  h2 {
    display: flex;
    align-items: center;
    gap: var(--fl-space-2);
    margin-bottom: var(--fl-space-3);
    font-size: var(--fl-text-md);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--fl-focus);
  }
  h2 .count {
    font-size: var(--fl-text-sm);
    font-weight: 600;
    color: var(--fl-text-muted);
  }
  h3 {
    font-size: var(--fl-text-sm);
  }
  .resolution-resolved {
    border-left: 4px solid var(--fl-success);
  }
  .resolution-wont_fix {
    border-left: 4px solid var(--fl-border-strong);
  }
  .small-text {
    margin-top: var(--fl-space-2);
    font-size: var(--fl-text-xs);
  }
  /* Status and moves */
  .actions-card {
    display: grid;
    gap: var(--fl-space-3);
  }
  .actions-card h2 {
    margin-bottom: 0;
  }
  .current {
    display: flex;
    align-items: center;
    gap: var(--fl-space-2);
    font-size: var(--fl-text-sm);
  }
  .done:focus {
    outline: none;
  }
  .done:focus-visible {
    outline: 2px solid var(--fl-focus);
  }
  .moves {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2);
  }
  .moves-hint {
    display: grid;
    gap: var(--fl-space-1);
    margin: 0;
    padding-left: var(--fl-space-4);
  }
  /* Priority */
  .score-line {
    display: flex;
    align-items: center;
    gap: var(--fl-space-3);
    font-size: var(--fl-text-sm);
  }
  .score.big {
    min-width: 3.25rem;
    min-height: 2.5rem;
    font-size: var(--fl-text-lg);
  }
  .override {
    display: grid;
    gap: var(--fl-space-1);
    margin-top: var(--fl-space-3);
    padding: var(--fl-space-2) var(--fl-space-3);
    font-size: var(--fl-text-sm);
    background: var(--fl-warning-soft);
    border-left: 3px solid var(--fl-warning);
    border-radius: var(--fl-radius-sm);
  }
  .override-reason {
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .reasons-heading {
    margin-top: var(--fl-space-3);
    font-size: var(--fl-text-xs);
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--fl-text-muted);
  }
  .reasons {
    margin: var(--fl-space-1) 0 var(--fl-space-3);
    padding-left: var(--fl-space-4);
    font-size: var(--fl-text-sm);
  }
  /* Details */
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
  }
  /* Evidence */
  .evidence-list {
    display: grid;
    gap: var(--fl-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .insight {
    display: grid;
    gap: var(--fl-space-2);
  }
  .insight.deleted {
    background: var(--fl-surface-2);
    border-style: dashed;
  }
  .insight.deleted .excerpt {
    color: var(--fl-text-muted);
  }
  .insight-head,
  .insight-foot,
  .customer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-1) var(--fl-space-2);
    font-size: var(--fl-text-sm);
  }
  .insight-foot {
    font-size: var(--fl-text-xs);
  }
  .author {
    font-weight: 700;
  }
  .excerpt {
    max-height: 9.5em;
    overflow: hidden;
  }
  .spacer {
    flex: 1;
  }
  .sentiment {
    padding: 0.05rem 0.5rem;
    font-weight: 700;
    border-radius: 999px;
    background: var(--fl-surface-2);
    color: var(--fl-text-muted);
  }
  .sentiment-negative {
    color: var(--fl-danger);
    background: var(--fl-danger-soft);
  }
  .sentiment-positive {
    color: var(--fl-success);
    background: var(--fl-success-soft);
  }
  /* History */
  .timeline {
    position: relative;
    display: grid;
    gap: var(--fl-space-4);
    margin: 0;
    padding: 0 0 0 var(--fl-space-5);
    list-style: none;
  }
  .timeline::before {
    content: '';
    position: absolute;
    top: 0.5rem;
    bottom: 0.5rem;
    left: 0.4rem;
    width: 2px;
    background: var(--fl-border);
  }
  .step {
    position: relative;
  }
  .step .dot {
    position: absolute;
    top: 0.4rem;
    left: calc(-1 * var(--fl-space-5) + 0.1rem);
    width: 0.75rem;
    height: 0.75rem;
    background: var(--fl-surface);
    border: 2px solid var(--fl-border-strong);
    border-radius: 50%;
  }
  .step-resolved .dot {
    border-color: var(--fl-success);
    background: var(--fl-success);
  }
  .step-claimed .dot,
  .step-in_progress .dot {
    border-color: var(--fl-accent);
  }
  .step-body {
    display: grid;
    gap: var(--fl-space-1);
    font-size: var(--fl-text-sm);
  }
  .transition {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-1);
  }
  .note {
    padding: var(--fl-space-2) var(--fl-space-3);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius-sm);
  }
  @media (max-width: 56rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .side {
      grid-row: 1;
    }
  }
`;
