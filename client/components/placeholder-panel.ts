import { html, LitElement } from 'lit';
import { base } from '../styles/shared.styles.js';
import { placeholderPanelStyles } from './placeholder-panel.styles.js';

/** A page that is not built yet: its heading and, in words, what it will hold. */
export class PlaceholderPanel extends LitElement {
  static override styles = [base, placeholderPanelStyles];
  static override properties = {
    heading: { type: String },
    summary: { type: String },
  };

  declare heading: string;
  declare summary: string;

  constructor() {
    super();
    this.heading = '';
    this.summary = '';
  }

  override render() {
    return html`
      <section aria-labelledby="heading">
        <span class="soon">Coming soon</span>
        <h1 id="heading">${this.heading}</h1>
        <p class="summary">${this.summary}</p>
        <slot></slot>
      </section>
    `;
  }
}

customElements.define('fl-placeholder', PlaceholderPanel);

declare global {
  interface HTMLElementTagNameMap {
    'fl-placeholder': PlaceholderPanel;
  }
}
