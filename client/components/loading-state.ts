import { html, LitElement } from 'lit';
import { loadingStateStyles } from './loading-state.styles.js';

/** "Loading…" in words for everyone, with skeleton rows for the eye. Put it inside an `aria-busy` region. */
export class LoadingState extends LitElement {
  static override styles = loadingStateStyles;
  static override properties = {
    label: { type: String },
    rows: { type: Number },
  };

  declare label: string;
  declare rows: number;

  constructor() {
    super();
    this.label = 'Loading…';
    this.rows = 3;
  }

  override render() {
    return html`
      <p class="label" role="status">${this.label}</p>
      <div aria-hidden="true">${Array.from({ length: this.rows }, () => html`<div class="bar"></div>`)}</div>
    `;
  }
}

customElements.define('fl-loading', LoadingState);

declare global {
  interface HTMLElementTagNameMap {
    'fl-loading': LoadingState;
  }
}
