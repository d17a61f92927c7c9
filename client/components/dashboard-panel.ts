import { html, LitElement, nothing } from 'lit';
import { base, controls } from '../styles/shared.styles.js';
import { dashboardPanelStyles } from './dashboard-panel.styles.js';

export interface CsvLink {
  href: string;
  label: string;
}

/**
 * One card of the dashboard: a heading, a chart (default slot), and the same
 * figures as a table (`slot="table"`). The table is always in the page for
 * assistive technology; for the eye it hides until "Show table" is pressed or
 * keyboard focus enters one of its links. `csv` adds "Export CSV" links.
 * With `table-only` the table is the card's content and always shows.
 */
export class DashboardPanel extends LitElement {
  static override styles = [base, controls, dashboardPanelStyles];
  static override properties = {
    heading: { type: String },
    level: { type: Number },
    csv: { attribute: false },
    tableOnly: { type: Boolean, attribute: 'table-only' },
    tableShown: { type: Boolean, attribute: 'table-shown' },
  };

  declare heading: string;
  /** 2 for a card that is a section of its own, 3 inside a section. */
  declare level: number;
  /** CSV exports of the card's tables: `{ href, label }`, label like "Export CSV" or "Teams as CSV". */
  declare csv: readonly CsvLink[];
  declare tableOnly: boolean;
  /** Whether the table shows for the eye too (the "Show table" toggle). */
  declare tableShown: boolean;

  constructor() {
    super();
    this.heading = '';
    this.level = 3;
    this.csv = [];
    this.tableOnly = false;
    this.tableShown = false;
  }

  override render() {
    const heading = this.level === 2 ? html`<h2 id="heading">${this.heading}</h2>` : html`<h3 id="heading">${this.heading}</h3>`;
    const shown = this.tableOnly || this.tableShown;
    return html`
      <section aria-labelledby="heading">
        <div class="head">
          ${heading}
          <div class="tools">
            ${this.tableOnly
              ? nothing
              : html`<button type="button" class="small" aria-expanded=${shown ? 'true' : 'false'} aria-label=${`${shown ? 'Hide table' : 'Show table'}: ${this.heading}`}
                  @click=${() => (this.tableShown = !this.tableShown)}>${shown ? 'Hide table' : 'Show table'}</button>`}
            ${this.csv.map((link) => html`<a class="csv" href=${link.href} download aria-label=${`${link.label}: ${this.heading}`}>${link.label}</a>`)}
          </div>
        </div>
        <slot name="about"></slot>
        <slot></slot>
        <div class=${shown ? 'table' : 'table hidden'}><slot name="table"></slot></div>
      </section>
    `;
  }
}

customElements.define('fl-dashboard-panel', DashboardPanel);

declare global {
  interface HTMLElementTagNameMap {
    'fl-dashboard-panel': DashboardPanel;
  }
}
