import { LitElement, html, nothing } from 'lit';
import { live, type LiveStatus } from '../api/live.js';
import { session } from '../controllers/session.js';
import { liveStatusStyles } from './live-status.styles.js';

/**
 * `<fl-live-status>`: says "Reconnecting…" while the live connection is down
 * (screens then catch up by themselves when it returns), and treats a
 * server-side sign-out (deactivated account) like an expired session.
 */
export class LiveStatusBanner extends LitElement {
  static override styles = liveStatusStyles;
  static override properties = { status: { state: true } };
  declare status: LiveStatus;
  #stop: (() => void) | null = null;

  constructor() {
    super();
    this.status = live.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stop = live.onStatus((status) => {
      this.status = status;
      if (status === 'signed-out') session.expired();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = null;
  }

  override render() {
    if (this.status !== 'reconnecting') return nothing;
    return html`<p class="banner" role="status"><span class="dot" aria-hidden="true"></span>Reconnecting… changes made elsewhere will appear when the connection is back.</p>`;
  }
}

customElements.define('fl-live-status', LiveStatusBanner);

declare global {
  interface HTMLElementTagNameMap {
    'fl-live-status': LiveStatusBanner;
  }
}
