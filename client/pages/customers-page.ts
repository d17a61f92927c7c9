import { html, LitElement } from 'lit';
import '../components/placeholder-panel.js';
import { base } from '../styles/shared.styles.js';
import { customersPageStyles } from './customers-page.styles.js';

/** `/customers`: not built yet; says what it will hold. */
export class CustomersPage extends LitElement {
  static override styles = [base, customersPageStyles];

  override render() {
    return html`
      <fl-placeholder
        heading="Customers"
        summary="Everyone who has told us something, with their company, tier and handles. The customer list arrives soon."
      >
        <p>Duplicates will be mergeable here, so one customer keeps one timeline.</p>
      </fl-placeholder>
    `;
  }
}

customElements.define('fl-customers-page', CustomersPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-customers-page': CustomersPage;
  }
}
