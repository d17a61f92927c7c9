import { html, LitElement } from 'lit';
import '../components/placeholder-panel.js';
import { base } from '../styles/shared.styles.js';
import { insightPageStyles } from './insight-page.styles.js';

/** `/insights/:id`: not built yet; says what it will hold. */
export class InsightPage extends LitElement {
  static override styles = [base, insightPageStyles];
  static override properties = { insightId: { type: String, attribute: 'insight-id' } };

  declare insightId: string;

  constructor() {
    super();
    this.insightId = '';
  }

  override render() {
    return html`
      <fl-placeholder
        heading="Insight"
        summary="One thing a customer told us, with its whole thread: replies, @mentions of people and teams, “me too” reactions and the issues raised from it. Threads arrive soon."
      >
        <p>Insight <code>${this.insightId}</code>.</p>
      </fl-placeholder>
    `;
  }
}

customElements.define('fl-insight-page', InsightPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-insight-page': InsightPage;
  }
}
