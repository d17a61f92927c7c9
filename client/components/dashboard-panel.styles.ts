import { css } from 'lit';

export const dashboardPanelStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  section {
    display: grid;
    gap: var(--fl-space-3);
    height: 100%;
    align-content: start;
    padding: var(--fl-space-4) var(--fl-space-5) var(--fl-space-5);
    background: var(--fl-surface);
    border: 1px solid var(--fl-border);
    border-radius: var(--fl-radius);
    box-shadow: var(--fl-shadow);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--fl-space-2) var(--fl-space-4);
  }
  h2,
  h3 {
    font-size: var(--fl-text-md);
  }
  h2 {
    font-size: var(--fl-text-lg);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fl-space-3);
  }
  .csv {
    font-size: var(--fl-text-xs);
    font-weight: 600;
  }
  /* Out of sight but read by assistive technology; shown while keyboard focus is inside. */
  .table.hidden:not(:focus-within) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
