import { html, LitElement, type PropertyValues } from 'lit';
import { emit } from '../events.js';
import { modalDialogStyles } from './modal-dialog.styles.js';

/** The element that had focus, looking through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * A modal dialog on the native `<dialog>`: focus is trapped inside, Esc and
 * the close button close it, and focus returns to where it was. The parent
 * owns `open`; `fl-close` tells it the dialog closed by itself.
 *
 * Slotted content stays in the parent's shadow root, so its labels and
 * inputs tie together as usual.
 */
export class ModalDialog extends LitElement {
  static override styles = modalDialogStyles;
  static override properties = {
    open: { type: Boolean, reflect: true },
    heading: { type: String },
    wide: { type: Boolean, reflect: true },
    hasFooter: { state: true },
  };

  declare open: boolean;
  declare heading: string;
  declare wide: boolean;
  declare hasFooter: boolean;
  #returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    this.open = false;
    this.heading = '';
    this.wide = false;
    this.hasFooter = false;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  override render() {
    return html`
      <dialog aria-labelledby="heading" @close=${this.#onClose} @click=${this.#onClick}>
        <header>
          <h2 id="heading">${this.heading}</h2>
          <button class="close" type="button" aria-label="Close" title="Close (Esc)" @click=${() => this.close()}>✕</button>
        </header>
        <div class="body"><slot></slot></div>
        <footer class=${this.hasFooter ? 'filled' : ''}>
          <slot name="footer" @slotchange=${this.#onFooterChange}></slot>
        </footer>
      </dialog>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.#dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.#returnFocus = deepActiveElement();
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  close(): void {
    this.#dialog?.close();
  }

  #onClose(): void {
    this.open = false;
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target?.isConnected) target.focus();
    emit(this, 'fl-close', {});
  }

  /** A click on the backdrop (outside the dialog's box) closes it, like Esc. */
  #onClick(event: MouseEvent): void {
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.close();
  }

  #onFooterChange(event: Event): void {
    this.hasFooter = (event.target as HTMLSlotElement).assignedElements().length > 0;
  }
}

customElements.define('fl-dialog', ModalDialog);

declare global {
  interface HTMLElementTagNameMap {
    'fl-dialog': ModalDialog;
  }
}
