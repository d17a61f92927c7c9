import { html, LitElement } from 'lit';
import { emptyStateStyles } from './empty-state.styles.js';

/** Nothing to show yet: what is missing and (slotted) what to do about it. */
export class EmptyState extends LitElement {
  static override styles = emptyStateStyles;
  static override properties = { heading: { type: String } };

  declare heading: string;

  constructor() {
    super();
    this.heading = '';
  }

  override render() {
    return html`<div><p class="heading">${this.heading}</p><slot></slot></div>`;
  }
}

customElements.define('fl-empty-state', EmptyState);

declare global {
  interface HTMLElementTagNameMap {
    'fl-empty-state': EmptyState;
  }
}
