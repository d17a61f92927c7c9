import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { CHANNELS, SENTIMENTS, type Channel, type CreateInsightBody, type Sentiment } from '../../shared/insights.js';
import { LIMITS } from '../../shared/limits.js';
import { newIdempotencyKey } from '../api/http.js';
import { createInsight } from '../api/insights.js';
import { FormController } from '../controllers/form.js';
import { session } from '../controllers/session.js';
import { toasts } from '../controllers/toasts.js';
import { emit, type CustomerChoice, type FlEvent } from '../events.js';
import { formatRelative } from '../format.js';
import { CHANNEL_LABELS, SENTIMENT_LABELS } from '../labels.js';
import { base, controls, messages } from '../styles/shared.styles.js';
import type { CustomerPicker } from './customer-picker.js';
import './customer-picker.js';
import { insightComposerStyles } from './insight-composer.styles.js';
import type { MentionInput } from './mention-input.js';
import './mention-input.js';
import './modal-dialog.js';
import type { TagInput } from './tag-input.js';
import './tag-input.js';

/** What the composer keeps in localStorage between reloads, per person. */
interface Draft {
  key: string;
  body: string;
  channel: Channel;
  sentiment: Sentiment;
  tags: string[];
  sourceUrl: string;
  customer: CustomerChoice | null;
  savedAt: string;
}

const draftKey = () => `frontline.composer.draft.${session.user?.id ?? 'anonymous'}`;
const channelKey = () => `frontline.composer.channel.${session.user?.id ?? 'anonymous'}`;

function readJson<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: the draft lives only in the page then.
  }
}

const isChannel = (v: unknown): v is Channel => (CHANNELS as readonly unknown[]).includes(v);
const isSentiment = (v: unknown): v is Sentiment => (SENTIMENTS as readonly unknown[]).includes(v);

/**
 * The composer: post what a customer said in under 30 seconds, from anywhere
 * (`c`). Markdown body with @mentions, channel and sentiment as radio groups,
 * tags with suggestions, an existing or new customer, an optional source link.
 * Ctrl/Cmd+Enter posts; the draft (with its Idempotency-Key) survives a
 * reload. After posting it closes, shows a toast and reports
 * `fl-insight-posted` (which reaches `window`, so an open feed shows it).
 */
export class InsightComposer extends LitElement {
  static override styles = [base, controls, messages, insightComposerStyles];
  static override properties = {
    open: { type: Boolean, reflect: true },
    body: { state: true },
    channel: { state: true },
    sentiment: { state: true },
    tags: { state: true },
    sourceUrl: { state: true },
    customer: { state: true },
    savedAt: { state: true },
    restored: { state: true },
  };

  declare open: boolean;
  declare body: string;
  declare channel: Channel;
  declare sentiment: Sentiment;
  declare tags: string[];
  declare sourceUrl: string;
  declare customer: CustomerChoice | null;
  declare savedAt: string;
  declare restored: boolean;
  readonly #form = new FormController(this, 'compose', ['body', 'channel', 'sentiment', 'tags', 'customer', 'sourceUrl']);
  #key = newIdempotencyKey();

  constructor() {
    super();
    this.open = false;
    this.body = '';
    this.channel = 'call';
    this.sentiment = 'neutral';
    this.tags = [];
    this.sourceUrl = '';
    this.customer = null;
    this.savedAt = '';
    this.restored = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.#loadDraft();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void this.#focusBody();
  }

  async #focusBody(): Promise<void> {
    await this.renderRoot.querySelector('fl-dialog')?.updateComplete;
    const body = this.renderRoot.querySelector<MentionInput>('#compose-body');
    await body?.updateComplete;
    body?.focus();
  }

  #loadDraft(): void {
    this.#form.reset();
    const draft = readJson<Partial<Draft>>(draftKey());
    const lastChannel = readJson<unknown>(channelKey());
    if (draft && typeof draft.key === 'string') {
      this.#key = draft.key;
      this.body = typeof draft.body === 'string' ? draft.body : '';
      this.channel = isChannel(draft.channel) ? draft.channel : 'call';
      this.sentiment = isSentiment(draft.sentiment) ? draft.sentiment : 'neutral';
      this.tags = Array.isArray(draft.tags) ? draft.tags.filter((t): t is string => typeof t === 'string').slice(0, LIMITS.tagsPerInsight) : [];
      this.sourceUrl = typeof draft.sourceUrl === 'string' ? draft.sourceUrl : '';
      this.customer = draft.customer && typeof draft.customer === 'object' ? draft.customer : null;
      this.savedAt = typeof draft.savedAt === 'string' ? draft.savedAt : '';
      this.restored = true;
    } else if (!this.#hasContent()) {
      this.channel = isChannel(lastChannel) ? lastChannel : 'call';
      this.restored = false;
    }
  }

  #hasContent(): boolean {
    return Boolean(this.body.trim() || this.tags.length || this.sourceUrl.trim() || this.customer);
  }

  #saveDraft(): void {
    if (!this.#hasContent()) {
      writeStorage(draftKey(), null);
      this.savedAt = '';
      return;
    }
    this.savedAt = new Date().toISOString();
    const draft: Draft = {
      key: this.#key,
      body: this.body,
      channel: this.channel,
      sentiment: this.sentiment,
      tags: this.tags,
      sourceUrl: this.sourceUrl,
      customer: this.customer,
      savedAt: this.savedAt,
    };
    writeStorage(draftKey(), JSON.stringify(draft));
  }

  #clearDraft(): void {
    writeStorage(draftKey(), null);
    this.#key = newIdempotencyKey();
    this.body = '';
    this.sentiment = 'neutral';
    this.tags = [];
    this.sourceUrl = '';
    this.customer = null;
    this.savedAt = '';
    this.restored = false;
    this.#form.reset();
    this.renderRoot.querySelector<CustomerPicker>('fl-customer-picker')?.reset();
  }

  /** A radio group drawn as pills (channel, sentiment): arrow keys move, the choice is kept in the draft. */
  #pills<V extends string>(key: 'channel' | 'sentiment', legend: string, values: readonly V[], labels: Record<V, string>, current: string, extraClass: (v: V) => string, pick: (v: V) => void) {
    const f = this.#form;
    return html`<fieldset id=${`compose-${key}`} class="pills" aria-invalid=${f.invalid(key)}>
      <legend>${legend}</legend>
      <div class="options">
        ${values.map(
          (v) => html`<label class=${`pill ${extraClass(v)}`.trim()}>
            <input type="radio" name=${key} value=${v} .checked=${current === v} @change=${() => pick(v)} />
            <span>${labels[v]}</span>
          </label>`,
        )}
      </div>
      ${f.errorText(key)}
    </fieldset>`;
  }

  override render() {
    return html`
      <fl-dialog heading="Post an insight" wide ?open=${this.open} @fl-close=${this.#onClose}>${this.open ? this.#content() : nothing}</fl-dialog>
    `;
  }

  /** Only while open: a closed composer leaves no fields in the page. */
  #content() {
    const f = this.#form;
    return html`
      <form id="compose-form" novalidate aria-label="Post an insight" @submit=${this.#onSubmit} @keydown=${this.#onKeyDown}>
        ${this.restored && this.savedAt
          ? html`<p class="restored">
              Your draft from ${formatRelative(this.savedAt)} is back.
              <button class="link" type="button" @click=${this.#discard}>Discard draft</button>
            </p>`
          : nothing}
        ${f.summaryText()}
        <fl-mention-input
          id="compose-body"
          label="What did the customer say?"
          rows="6"
          maxlength=${LIMITS.insightBodyLength}
          placeholder="Their words, as close as you can."
          .value=${this.body}
          .error=${f.errorFor('body') ?? ''}
          hint="Markdown works; @mention a person or a team to pull them in."
          @input=${this.#onBodyInput}
        ></fl-mention-input>
        ${this.#pills('channel', 'Channel', CHANNELS, CHANNEL_LABELS, this.channel, () => '', (channel) => this.#set({ channel }))}
        ${this.#pills('sentiment', 'Sentiment', SENTIMENTS, SENTIMENT_LABELS, this.sentiment, (v) => `sentiment-${v}`, (sentiment) => this.#set({ sentiment }))}
        <div class="grid-2">
          <fl-tag-input id="compose-tags" .tags=${this.tags} .error=${f.errorFor('tags') ?? ''} @fl-tags-change=${this.#onTags}></fl-tag-input>
          <fl-customer-picker
            id="compose-customer"
            label="Customer (optional)"
            allow-create
            .choice=${this.customer}
            .error=${f.errorFor('customer') ?? f.errorFor('customerId') ?? ''}
            @fl-customer-change=${this.#onCustomer}
          ></fl-customer-picker>
        </div>
        <div class="field">
          <label for="compose-sourceUrl">Source link (optional)</label>
          <input
            id="compose-sourceUrl"
            type="url"
            inputmode="url"
            autocomplete="off"
            placeholder="https://…"
            maxlength=${LIMITS.sourceUrlLength}
            .value=${this.sourceUrl}
            aria-invalid=${f.invalid('sourceUrl')}
            aria-describedby=${f.describedBy('sourceUrl', 'compose-sourceUrl-hint')}
            @input=${(e: InputEvent) => this.#set({ sourceUrl: (e.target as HTMLInputElement).value })}
          />
          <p class="hint" id="compose-sourceUrl-hint">The ticket, chat transcript or post it came from.</p>
          ${f.errorText('sourceUrl')}
        </div>
      </form>
      <p slot="footer" class="footer-note" aria-live="polite">
        ${this.savedAt ? 'Draft saved. ' : ''}<kbd>Ctrl</kbd>+<kbd>Enter</kbd> posts
      </p>
      <button slot="footer" type="button" @click=${this.#close}>Close</button>
      <button slot="footer" class="primary" type="submit" form="compose-form" ?disabled=${f.pending}>${f.pending ? 'Posting…' : 'Post insight'}</button>
    `;
  }

  #set(changes: Partial<Pick<Draft, 'channel' | 'sentiment' | 'sourceUrl'>>): void {
    Object.assign(this, changes);
    this.#saveDraft();
  }

  #onBodyInput(event: Event): void {
    this.body = (event.currentTarget as MentionInput).value;
    this.#saveDraft();
  }

  #onTags(event: FlEvent<'fl-tags-change'>): void {
    this.tags = event.detail.tags;
    this.#saveDraft();
  }

  #onCustomer(event: FlEvent<'fl-customer-change'>): void {
    this.customer = event.detail.choice;
    this.#saveDraft();
  }

  #onKeyDown(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void this.#post();
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#post();
  }

  #discard(): void {
    this.#clearDraft();
    void this.#focusBody();
  }

  #close(): void {
    this.open = false;
  }

  /** The inner dialog's `fl-close` bubbles on to the shell, which owns `open`. */
  #onClose(): void {
    this.open = false;
    this.restored = this.#hasContent();
  }

  async #post(): Promise<void> {
    if (this.#form.pending) return;
    const tagInput = this.renderRoot.querySelector<TagInput>('fl-tag-input');
    const picker = this.renderRoot.querySelector<CustomerPicker>('fl-customer-picker');
    const problems: Record<string, string> = {};
    if (tagInput && !tagInput.commit()) problems.tags = tagInput.error || 'Check the tag being typed.';
    if (!this.body.trim()) problems.body = 'Write what the customer said.';
    if (picker?.typedText) problems.customer = `Pick “${picker.typedText}” from the list (an existing customer or “Create new customer”), or clear the field.`;
    if (Object.keys(problems).length) {
      this.#form.invalidate(problems);
      return;
    }
    const c = this.customer;
    const body: CreateInsightBody = {
      body: this.body.trim(),
      channel: this.channel,
      sentiment: this.sentiment,
      tags: this.tags,
      ...(this.sourceUrl.trim() ? { sourceUrl: this.sourceUrl.trim() } : {}),
      ...(c?.kind === 'existing' ? { customerId: c.customer.id } : {}),
      ...(c?.kind === 'new' ? { customer: { name: c.name, ...(c.company.trim() ? { company: c.company.trim() } : {}) } } : {}),
    };
    const insight = await this.#form.run(() => createInsight(body, this.#key));
    if (!insight) return;
    writeStorage(channelKey(), JSON.stringify(this.channel));
    this.#clearDraft();
    this.open = false;
    toasts.show('Your insight was posted.', { href: `/insights/${encodeURIComponent(insight.id)}`, linkText: 'Open thread' });
    emit(this, 'fl-insight-posted', { insight });
  }
}

customElements.define('fl-insight-composer', InsightComposer);

declare global {
  interface HTMLElementTagNameMap {
    'fl-insight-composer': InsightComposer;
  }
}
