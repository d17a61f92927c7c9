import { html, LitElement } from 'lit';
import { emit } from '../events.js';
import { base, controls } from '../styles/shared.styles.js';
import { copyFieldStyles } from './copy-field.styles.js';

/** Copies text, with the Clipboard API where allowed and the selection otherwise (plain-http intranets). */
async function copyText(input: HTMLInputElement, value: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(value);
      return true;
    }
  } catch {
    // Fall back to the selection below.
  }
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** A read-only value (an invite link, a new token) with a Copy button that says whether copying worked. */
export class CopyField extends LitElement {
  static override styles = [base, controls, copyFieldStyles];
  static override properties = {
    label: { type: String },
    value: { type: String },
    status: { state: true },
  };

  declare label: string;
  declare value: string;
  declare status: string;

  constructor() {
    super();
    this.label = 'Value';
    this.value = '';
    this.status = '';
  }

  override render() {
    return html`
      <div class="wrap">
        <label for="value">${this.label}</label>
        <div class="row">
          <input id="value" type="text" readonly .value=${this.value} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
          <button type="button" aria-label=${`Copy ${this.label.toLowerCase()}`} @click=${this.#copy}>Copy</button>
        </div>
        <p class="status" role="status">${this.status}</p>
      </div>
    `;
  }

  async #copy(): Promise<void> {
    const input = this.renderRoot.querySelector('input');
    if (!input) return;
    const ok = await copyText(input, this.value);
    this.status = ok ? 'Copied to the clipboard.' : 'Copying is blocked here: the text is selected, press Ctrl+C or Cmd+C.';
    if (!ok) {
      input.focus();
      input.select();
    }
    emit(this, 'fl-copy', { value: this.value, ok });
  }
}

customElements.define('fl-copy-field', CopyField);

declare global {
  interface HTMLElementTagNameMap {
    'fl-copy-field': CopyField;
  }
}
