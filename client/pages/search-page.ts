import { html, LitElement } from 'lit';
import '../components/placeholder-panel.js';
import { base } from '../styles/shared.styles.js';
import { searchPageStyles } from './search-page.styles.js';

/** `/search?q=`: not built yet; says what it will hold for the query. */
export class SearchPage extends LitElement {
  static override styles = [base, searchPageStyles];
  static override properties = { query: { type: String } };

  declare query: string;

  constructor() {
    super();
    this.query = '';
  }

  override render() {
    const summary = this.query
      ? `Results for “${this.query}” will appear here: insights, replies, issues and customers, with the matching words highlighted. Search arrives soon.`
      : 'Full-text search over insights, replies, issues and customers. Search arrives soon.';
    return html`
      <fl-placeholder heading="Search" summary=${summary}>
        <p>Press <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd> anywhere to jump to the search box.</p>
      </fl-placeholder>
    `;
  }
}

customElements.define('fl-search-page', SearchPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-search-page': SearchPage;
  }
}
