import { html, LitElement } from 'lit';
import '../components/placeholder-panel.js';
import { base } from '../styles/shared.styles.js';
import { dashboardPageStyles } from './dashboard-page.styles.js';

/** `/dashboard`: not built yet; says what it will hold. */
export class DashboardPage extends LitElement {
  static override styles = [base, dashboardPageStyles];

  override render() {
    return html`
      <fl-placeholder
        heading="Dashboard"
        summary="For leads: issues by status, median time to claim and to resolve, open issues past their team’s target, the top issues by evidence, and how teams work together (the silo index). The dashboard arrives soon."
      >
        <p>You will pick a period (7, 30 or 90 days) and a team.</p>
      </fl-placeholder>
    `;
  }
}

customElements.define('fl-dashboard-page', DashboardPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-dashboard-page': DashboardPage;
  }
}
