import { html, LitElement } from 'lit';
import { StoreController } from '../controllers/store.js';
import { toasts } from '../controllers/toasts.js';
import { base, controls } from '../styles/shared.styles.js';
import { toastRegionStyles } from './toast-region.styles.js';

/** The toasts of the tab, in a polite live region at the bottom of the screen. */
export class ToastRegion extends LitElement {
  static override styles = [base, controls, toastRegionStyles];
  readonly #store = new StoreController(this, toasts);

  override render() {
    return html`
      <div class="region" role="status" aria-live="polite">
        ${this.#store.store.items.map(
          (t) => html`
            <div class="toast ${t.tone}">
              <span>${t.message}</span>
              ${t.href ? html`<a href=${t.href}>${t.linkText ?? 'Open'}</a>` : ''}
              <button class="dismiss" type="button" aria-label="Dismiss" @click=${() => toasts.dismiss(t.id)}>✕</button>
            </div>
          `,
        )}
      </div>
    `;
  }
}

customElements.define('fl-toasts', ToastRegion);

declare global {
  interface HTMLElementTagNameMap {
    'fl-toasts': ToastRegion;
  }
}
