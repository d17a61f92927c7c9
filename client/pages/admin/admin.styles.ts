import { css } from 'lit';

/** Layout shared by the admin panels (users, teams, tokens). */
export const adminPanelStyles = css`
  :host {
    display: block;
  }
  section.panel {
    display: grid;
    gap: var(--fl-space-4);
  }
  .panel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--fl-space-3);
  }
  h2 {
    font-size: var(--fl-text-lg);
  }
  h3 {
    font-size: var(--fl-text-md);
  }
  .lede {
    color: var(--fl-text-muted);
    font-size: var(--fl-text-sm);
  }
  fieldset {
    margin: 0;
    padding: var(--fl-space-3);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius-sm);
  }
  legend {
    padding: 0 var(--fl-space-1);
    font-size: var(--fl-text-sm);
    font-weight: 600;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fl-space-2) var(--fl-space-4);
  }
  .checks label {
    display: inline-flex;
    align-items: center;
    gap: var(--fl-space-2);
    font-weight: 500;
  }
  .checks input {
    width: auto;
    min-height: 0;
  }
  .load-more {
    display: flex;
    justify-content: center;
  }
  .subtle-actions {
    display: flex;
    gap: var(--fl-space-2);
    justify-content: flex-end;
  }
  .result {
    display: grid;
    gap: var(--fl-space-3);
  }
  .result.warning {
    border-color: var(--fl-warning);
    background: var(--fl-warning-soft);
  }
  .you {
    margin-left: var(--fl-space-1);
  }
  .divider {
    margin: var(--fl-space-5) 0;
    border: 0;
    border-top: 1px solid var(--fl-border);
  }
  .dialog-section {
    display: grid;
    gap: var(--fl-space-3);
  }
`;
