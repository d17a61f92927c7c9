import { html, LitElement } from 'lit';
import '../components/placeholder-panel.js';
import { base } from '../styles/shared.styles.js';
import { customerPageStyles } from './customer-page.styles.js';

/** `/customers/:id`: not built yet; says what it will hold. */
export class CustomerPage extends LitElement {
  static override styles = [base, customerPageStyles];
  static override properties = { customerId: { type: String, attribute: 'customer-id' } };

  declare customerId: string;

  constructor() {
    super();
    this.customerId = '';
  }

  override render() {
    return html`
      <fl-placeholder
        heading="Customer"
        summary="A customer’s timeline: every insight and issue that involves them, newest first. Customer pages arrive soon."
      >
        <p>Customer <code>${this.customerId}</code>.</p>
      </fl-placeholder>
    `;
  }
}

customElements.define('fl-customer-page', CustomerPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-customer-page': CustomerPage;
  }
}
