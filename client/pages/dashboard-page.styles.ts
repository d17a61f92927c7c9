import { css } from 'lit';

export const dashboardPageStyles = css`
  .page-head {
    margin-bottom: var(--fl-space-4);
  }
  .scope {
    margin-top: var(--fl-space-2);
    font-size: var(--fl-text-sm);
  }

  /* ——— Period and team ——— */
  form.pickers {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--fl-space-3) var(--fl-space-5);
    margin-bottom: var(--fl-space-5);
  }
  fieldset.periods {
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
  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
    padding: 3px;
    background: var(--fl-surface-2);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
  }
  .segment {
    position: relative;
    font-weight: 500;
  }
  .segment input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment span {
    display: inline-flex;
    align-items: center;
    min-height: 2rem;
    padding: 0 var(--fl-space-4);
    color: var(--fl-text-muted);
    border: 1px solid transparent;
    border-radius: var(--fl-radius-sm);
    white-space: nowrap;
  }
  @media (max-width: 30rem) {
    .segment span {
      padding: 0 var(--fl-space-3);
    }
  }
  .segment:hover span {
    color: var(--fl-text);
  }
  .segment input:checked + span {
    color: var(--fl-text);
    font-weight: 600;
    background: var(--fl-surface);
    border-color: var(--fl-border);
    box-shadow: var(--fl-shadow);
  }
  .segment input:focus-visible + span {
    outline: 2px solid var(--fl-focus);
    outline-offset: 1px;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--fl-space-3);
  }
  .range input {
    width: auto;
  }
  .range .field-error {
    flex-basis: 100%;
  }
  .range .field-error:empty {
    display: none;
  }
  .team select {
    width: auto;
    min-width: 12rem;
  }

  /* ——— Layout ——— */
  .content {
    display: grid;
    gap: var(--fl-space-6);
  }
  .content[aria-busy='true'] > :not(.message) {
    opacity: 0.7;
    transition: opacity 0.2s;
  }
  section {
    display: grid;
    gap: var(--fl-space-3);
    min-width: 0;
  }
  section > h2 {
    font-size: var(--fl-text-lg);
  }
  .note {
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  .note strong {
    color: var(--fl-text);
  }
  .note a {
    margin-left: var(--fl-space-1);
    font-weight: 600;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--fl-space-4);
  }
  .grid > .wide {
    grid-column: 1 / -1;
  }
  @media (max-width: 52rem) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  fl-chart {
    display: block;
    height: 16rem;
    min-width: 0;
  }
  .network fl-chart {
    height: 30rem;
  }
  .none {
    display: grid;
    place-items: center;
    min-height: 6rem;
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
    background: var(--fl-surface-2);
    border-radius: var(--fl-radius-sm);
  }
  .danger,
  .note strong.danger {
    color: var(--fl-danger);
    font-weight: 700;
  }
  .warning {
    color: var(--fl-warning);
  }

  /* ——— At a glance ——— */
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--fl-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .figure {
    display: grid;
    gap: var(--fl-space-1);
    height: 100%;
    padding: var(--fl-space-3) var(--fl-space-4);
    color: var(--fl-text);
    text-decoration: none;
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow);
  }
  .figure:hover {
    color: var(--fl-text);
    border-color: var(--fl-accent);
  }
  .figure:hover .figure-label {
    text-decoration: underline;
  }
  .figure-label {
    display: inline-flex;
    align-items: center;
    gap: var(--fl-space-2);
    font-size: var(--fl-text-sm);
    font-weight: 600;
    color: var(--fl-text-muted);
  }
  .figure-value {
    font-size: 2rem;
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .dot {
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    background: currentColor;
  }
  .dot-open {
    color: var(--fl-border-strong);
  }
  .dot-claimed {
    color: var(--fl-warning);
  }
  .dot-in_progress {
    color: var(--fl-accent);
  }
  .dot-resolved {
    color: var(--fl-success);
  }
  .dot-wont_fix {
    color: var(--fl-text-muted);
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--fl-space-3);
  }
  .stat {
    display: grid;
    gap: var(--fl-space-1);
    align-content: start;
    padding: var(--fl-space-4);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow);
  }
  .stat h3 {
    font-size: var(--fl-text-sm);
    color: var(--fl-text-muted);
  }
  .stat-value {
    font-size: var(--fl-text-xl);
    font-weight: 700;
  }
  .stat-words {
    font-size: var(--fl-text-sm);
  }
  .stat-about,
  .stat-none {
    font-size: var(--fl-text-xs);
    color: var(--fl-text-muted);
  }
  .stat-none {
    font-size: var(--fl-text-sm);
  }

  /* ——— Tables ——— */
  caption {
    padding: var(--fl-space-2) var(--fl-space-3);
    font-size: var(--fl-text-xs);
    font-weight: 600;
    color: var(--fl-text-muted);
  }
  tbody tr:last-child th {
    border-bottom: none;
  }
  tbody th {
    font-size: var(--fl-text-sm);
    font-weight: 600;
    text-transform: none;
    letter-spacing: normal;
    color: var(--fl-text);
    background: none;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  th.title {
    min-width: 16rem;
  }
  .tables {
    display: grid;
    gap: var(--fl-space-3);
  }
  .network-about {
    display: grid;
    gap: var(--fl-space-2);
  }
  .silos {
    font-size: var(--fl-text-sm);
  }
  .silos.has-silos {
    padding: var(--fl-space-2) var(--fl-space-3);
    color: var(--fl-warning);
    background: var(--fl-warning-soft);
    border-radius: var(--fl-radius-sm);
  }

  /* ——— Loading ——— */
  .skeleton {
    display: grid;
    gap: var(--fl-space-4);
  }
  .skeleton .figures {
    display: grid;
  }
  .bone {
    border-radius: var(--fl-radius);
    background: linear-gradient(90deg, var(--fl-skeleton) 0%, var(--fl-surface-2) 50%, var(--fl-skeleton) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .figure-bone {
    height: 5rem;
  }
  .chart-bone {
    height: 16rem;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
`;
