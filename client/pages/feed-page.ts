import { html, LitElement } from 'lit';
import '../components/placeholder-panel.js';
import { base } from '../styles/shared.styles.js';
import { feedPageStyles } from './feed-page.styles.js';

/** `/`: not built yet; says what it will hold. */
export class FeedPage extends LitElement {
  static override styles = [base, feedPageStyles];

  override render() {
    return html`
      <fl-placeholder
        heading="Feed"
        summary="What customers told us, newest first. Posting insights arrives soon."
      >
        <p>You will filter it by team, tag, channel and sentiment, and press <kbd>c</kbd> anywhere to post what a customer said in under 30 seconds.</p>
      </fl-placeholder>
    `;
  }
}

customElements.define('fl-feed-page', FeedPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-feed-page': FeedPage;
  }
}
