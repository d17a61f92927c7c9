import { html, LitElement } from 'lit';
import { base } from '../styles/shared.styles.js';
import { notFoundPageStyles } from './not-found-page.styles.js';

/** Any path that is not a client route. */
export class NotFoundPage extends LitElement {
  static override styles = [base, notFoundPageStyles];

  override render() {
    return html`
      <section aria-labelledby="heading">
        <h1 id="heading">Page not found</h1>
        <p>There is no page at <code>${location.pathname}</code>. It may have moved, or the link may be mistyped.</p>
        <p><a href="/">Go to the feed</a></p>
      </section>
    `;
  }
}

customElements.define('fl-not-found-page', NotFoundPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-not-found-page': NotFoundPage;
  }
}
