import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { CustomerSummary } from '../../shared/customers.js';
import { LIMITS } from '../../shared/limits.js';
import { listCustomers } from '../api/customers.js';
import { emit, type CustomerChoice } from '../events.js';
import { TIER_LABELS } from '../labels.js';
import { listbox } from '../styles/listbox.styles.js';
import { base, controls } from '../styles/shared.styles.js';
import { customerPickerStyles } from './customer-picker.styles.js';

type Option = { kind: 'existing'; customer: CustomerSummary } | { kind: 'create'; name: string };

/**
 * Picks a customer by typing part of a name, company or email: an ARIA
 * combobox over GET /api/customers?q=, navigable with the arrow keys, Enter to
 * pick, Esc to close. With `allow-create`, the last option creates a new
 * customer from the typed name (with an optional company). Reports
 * `fl-customer-change`; the parent owns `choice`.
 */
export class CustomerPicker extends LitElement {
  static override styles = [base, controls, listbox, customerPickerStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    label: { type: String },
    hint: { type: String },
    error: { type: String },
    allowCreate: { type: Boolean, attribute: 'allow-create' },
    excludeId: { type: String, attribute: 'exclude-id' },
    choice: { attribute: false },
    text: { state: true },
    options: { state: true },
    open: { state: true },
    active: { state: true },
    loading: { state: true },
    failed: { state: true },
  };

  declare label: string;
  declare hint: string;
  declare error: string;
  declare allowCreate: boolean;
  declare excludeId: string;
  declare choice: CustomerChoice | null;
  declare text: string;
  declare options: Option[];
  declare open: boolean;
  declare active: number;
  declare loading: boolean;
  declare failed: string;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | null = null;

  constructor() {
    super();
    this.label = 'Customer';
    this.hint = '';
    this.error = '';
    this.allowCreate = false;
    this.excludeId = '';
    this.choice = null;
    this.text = '';
    this.options = [];
    this.open = false;
    this.active = -1;
    this.loading = false;
    this.failed = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The input shows the chosen customer's name; a parent that clears the choice clears the text.
    if (changed.has('choice')) {
      const c = this.choice;
      if (c) this.text = c.kind === 'existing' ? c.customer.name : c.name;
      else if (changed.get('choice')) this.text = '';
    }
  }

  override render() {
    const c = this.choice;
    const describedBy = ['hint', this.error ? 'error' : '', c ? 'chosen' : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for="input">${this.label}</label>
        <div class="combo">
          <input
            id="input"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            maxlength=${LIMITS.customerNameLength}
            aria-autocomplete="list"
            aria-expanded=${this.open ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : ''}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            placeholder="Type a name, company or email"
            .value=${this.text}
            @input=${this.#onInput}
            @keydown=${this.#onKeyDown}
            @focus=${this.#onFocus}
            @blur=${() => (this.open = false)}
          />
          ${this.open ? this.#listbox() : nothing}
        </div>
        ${this.hint ? html`<p class="hint" id="hint">${this.hint}</p>` : nothing}
        ${c ? this.#chosen(c) : nothing}
        ${this.error ? html`<p class="field-error" id="error">${this.error}</p>` : nothing}
      </div>
    `;
  }

  #chosen(c: CustomerChoice) {
    if (c.kind === 'existing') {
      return html`<p class="chosen" id="chosen">
        <span aria-hidden="true">✓</span>
        <span>Linked to <strong>${c.customer.name}</strong>${c.customer.company ? ` · ${c.customer.company}` : ''} · ${TIER_LABELS[c.customer.tier]}</span>
        <button class="link" type="button" @click=${this.#clear}>Clear<span class="visually-hidden"> customer</span></button>
      </p>`;
    }
    return html`
      <p class="chosen new" id="chosen">
        <span aria-hidden="true">＋</span>
        <span>A new customer <strong>${c.name}</strong> will be created.</span>
        <button class="link" type="button" @click=${this.#clear}>Clear<span class="visually-hidden"> customer</span></button>
      </p>
      <div class="field company">
        <label for="company">Company of ${c.name} (optional)</label>
        <input id="company" type="text" autocomplete="off" maxlength=${LIMITS.companyLength} .value=${c.company} @input=${this.#onCompany} />
      </div>
    `;
  }

  #listbox() {
    const typed = this.text.trim();
    return html`
      <ul id="listbox" role="listbox" aria-label=${`${this.label} suggestions`}>
        ${this.options.map((o, index) =>
          o.kind === 'existing'
            ? html`<li
                id=${`option-${index}`}
                role="option"
                class="stacked"
                aria-selected=${index === this.active ? 'true' : 'false'}
                @mousedown=${(e: MouseEvent) => e.preventDefault()}
                @click=${() => this.#pick(o)}
              >
                <span class="name">${o.customer.name}</span>
                <span class="sub">${[o.customer.company, o.customer.email].filter(Boolean).join(' · ')}</span>
                ${o.customer.tier !== 'standard' ? html`<span class="kind">${TIER_LABELS[o.customer.tier]}</span>` : nothing}
              </li>`
            : html`<li
                id=${`option-${index}`}
                role="option"
                class="create"
                aria-selected=${index === this.active ? 'true' : 'false'}
                @mousedown=${(e: MouseEvent) => e.preventDefault()}
                @click=${() => this.#pick(o)}
              >
                Create new customer “${o.name}”
              </li>`,
        )}
        ${this.loading && this.options.length === 0 ? html`<li class="listbox-note" role="presentation">Searching…</li>` : nothing}
        ${this.failed ? html`<li class="listbox-note" role="presentation">${this.failed}</li>` : nothing}
        ${!this.loading && !this.failed && this.options.length === 0
          ? html`<li class="listbox-note" role="presentation">${typed ? `No customer matches “${typed}”.` : 'Type to search customers.'}</li>`
          : nothing}
      </ul>
    `;
  }

  #onFocus(): void {
    if (!this.choice && this.text.trim()) this.#search();
  }

  #onInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    if (this.choice) emit(this, 'fl-customer-change', { choice: null });
    this.choice = null;
    clearTimeout(this.#timer);
    if (!this.text.trim()) {
      this.open = false;
      this.options = [];
      return;
    }
    this.open = true;
    this.#withCreate([...this.options.filter((o) => o.kind === 'existing')]);
    this.#timer = setTimeout(() => this.#search(), 150);
  }

  #withCreate(existing: Option[]): void {
    const typed = this.text.trim();
    const create: Option[] = this.allowCreate && typed ? [{ kind: 'create', name: typed }] : [];
    this.options = [...existing, ...create];
    this.active = this.options.length ? Math.min(Math.max(this.active, 0), this.options.length - 1) : -1;
  }

  async #search(): Promise<void> {
    const q = this.text.trim();
    if (!q) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.failed = '';
    this.open = true;
    try {
      const page = await listCustomers({ q, limit: 6 }, abort.signal);
      if (abort.signal.aborted) return;
      this.active = 0;
      this.#withCreate(page.items.filter((c) => c.id !== this.excludeId).map((customer) => ({ kind: 'existing', customer })));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failed = error instanceof Error ? `Customers could not be searched: ${error.message}` : 'Customers could not be searched.';
      this.#withCreate([]);
    } finally {
      if (this.#abort === abort) {
        this.loading = false;
        this.#abort = null;
      }
    }
  }

  #onKeyDown(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open) {
          this.open = true;
          if (this.text.trim()) void this.#search();
          return;
        }
        if (count) this.active = (this.active + 1) % count;
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (this.open && count) this.active = (this.active - 1 + count) % count;
        return;
      case 'Enter': {
        // Never sends the form from here; Ctrl/Cmd+Enter is the form's to handle.
        if (event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        const option = this.open ? this.options[this.active] : undefined;
        if (option) this.#pick(option);
        return;
      }
      case 'Escape':
        if (this.open) {
          // Closes the list, not the dialog around it.
          event.preventDefault();
          event.stopPropagation();
          this.open = false;
        }
        return;
    }
  }

  #pick(option: Option): void {
    const choice: CustomerChoice =
      option.kind === 'existing'
        ? { kind: 'existing', customer: { id: option.customer.id, name: option.customer.name, company: option.customer.company, tier: option.customer.tier } }
        : { kind: 'new', name: option.name, company: '' };
    this.choice = choice;
    this.open = false;
    emit(this, 'fl-customer-change', { choice });
  }

  #onCompany(event: InputEvent): void {
    if (this.choice?.kind !== 'new') return;
    const choice: CustomerChoice = { ...this.choice, company: (event.target as HTMLInputElement).value };
    this.choice = choice;
    emit(this, 'fl-customer-change', { choice });
  }

  async #clear(): Promise<void> {
    this.choice = null;
    this.text = '';
    this.options = [];
    emit(this, 'fl-customer-change', { choice: null });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#input')?.focus();
  }

  /** What is typed but not picked from the list (empty when a customer is chosen). */
  get typedText(): string {
    return this.choice ? '' : this.text.trim();
  }

  /** Empties the picker (after a post, or when a filter is cleared). */
  reset(): void {
    this.choice = null;
    this.text = '';
    this.options = [];
    this.open = false;
  }
}

customElements.define('fl-customer-picker', CustomerPicker);

declare global {
  interface HTMLElementTagNameMap {
    'fl-customer-picker': CustomerPicker;
  }
}
