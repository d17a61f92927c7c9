import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { TIERS, type Tier } from '../../shared/customers.js';
import type { Insight } from '../../shared/insights.js';
import type { IssueSummary } from '../../shared/issues.js';
import { LIMITS } from '../../shared/limits.js';
import { getCustomer, mergeCustomer, updateCustomer, type CustomerWithTimeline, type TimelineItem, type UpdateCustomerInput } from '../api/customers.js';
import { ApiError } from '../api/http.js';
import type { CustomerPicker } from '../components/customer-picker.js';
import '../components/customer-picker.js';
import '../components/empty-state.js';
import '../components/insight-card.js';
import '../components/loading-state.js';
import '../components/modal-dialog.js';
import '../components/relative-time.js';
import { FormController } from '../controllers/form.js';
import { LiveController } from '../controllers/live.js';
import type { CustomerChoice, FlEvent } from '../events.js';
import { ISSUE_KIND_LABELS, issueStatusLabel, TIER_LABELS } from '../labels.js';
import { chips } from '../styles/chips.styles.js';
import { base, cards, controls, messages, page } from '../styles/shared.styles.js';
import { customerPageStyles } from './customer-page.styles.js';

const keyOf = (item: TimelineItem) => `${item.type}:${item.type === 'insight' ? item.insight.id : item.issue.id}`;

/** Handles as text, one per line: "twitter: @ada". */
const handlesToText = (handles: Record<string, string>) =>
  Object.entries(handles)
    .map(([network, handle]) => `${network}: ${handle}`)
    .join('\n');

function handlesFromText(text: string): Record<string, string> | string {
  const handles: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf(':');
    if (at <= 0 || !line.slice(at + 1).trim()) return `Write each handle as “network: handle”, e.g. “twitter: @ada”. This line is not: “${line}”.`;
    handles[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return handles;
}

/**
 * `/customers/:id`: a customer's profile (editable), merging a duplicate into
 * it, and its timeline: every insight from them and every issue those feed,
 * newest first. A merged customer's link shows the survivor, with a note.
 */
export class CustomerPage extends LitElement {
  static override styles = [base, page, controls, messages, cards, chips, customerPageStyles];
  static override properties = {
    customerId: { type: String, attribute: 'customer-id' },
    customer: { state: true },
    timeline: { state: true },
    nextCursor: { state: true },
    loadError: { state: true },
    loadingMore: { state: true },
    moreError: { state: true },
    editing: { state: true },
    mergeOpen: { state: true },
    mergeChoice: { state: true },
    status: { state: true },
  };

  declare customerId: string;
  declare customer: CustomerWithTimeline | null;
  declare timeline: TimelineItem[];
  declare nextCursor: string | null;
  declare loadError: ApiError | null;
  declare loadingMore: boolean;
  declare moreError: string;
  declare editing: boolean;
  declare mergeOpen: boolean;
  declare mergeChoice: CustomerChoice | null;
  declare status: string;
  readonly #edit = new FormController(this, 'profile', ['name', 'company', 'email', 'crmId', 'tier', 'handles']);
  readonly #merge = new FormController(this, 'merge', ['fromId']);
  #abort: AbortController | null = null;

  constructor() {
    super();
    this.customerId = '';
    this.customer = null;
    this.timeline = [];
    this.nextCursor = null;
    this.loadError = null;
    this.loadingMore = false;
    this.moreError = '';
    this.editing = false;
    this.mergeOpen = false;
    this.mergeChoice = null;
    this.status = '';
  }

  /** New insights about this customer, issues they feed, and profile changes arrive live (not while editing). */
  protected readonly liveUpdates = new LiveController(this, {
    types: ['insight.created', 'insight.updated', 'insight.deleted', 'customer.updated', 'customer.merged', 'issue.created', 'issue.transitioned', 'evidence.changed'],
    onEvent: (event) => {
      const c = this.customer;
      if (!c || this.editing) return;
      const data = event.data as { customerId?: string | null; insightId?: string; issueId?: string; fromId?: string };
      const inTimeline = (kind: string, id?: string) => id !== undefined && this.timeline.some((item) => keyOf(item) === `${kind}:${id}`);
      const concerns =
        data.customerId === c.id ||
        data.fromId === c.id ||
        inTimeline('insight', data.insightId) ||
        inTimeline('issue', data.issueId) ||
        event.type === 'issue.created' ||
        event.type === 'evidence.changed';
      if (concerns) void this.#load();
    },
    onResync: () => void this.#load(),
  });

  readonly #onPosted = (event: FlEvent<'fl-insight-posted'>) => {
    const { insight } = event.detail;
    if (!this.customer || insight.customer?.id !== this.customer.id) return;
    this.timeline = [{ type: 'insight', at: insight.createdAt, insight }, ...this.timeline.filter((i) => keyOf(i) !== `insight:${insight.id}`)];
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('fl-insight-posted', this.#onPosted);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('fl-insight-posted', this.#onPosted);
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && this.customerId) {
      this.customer = null;
      this.editing = false;
      this.status = '';
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loadError = null;
    try {
      const customer = await getCustomer(this.customerId, null, abort.signal);
      if (abort.signal.aborted) return;
      this.customer = customer;
      this.timeline = customer.timeline.items;
      this.nextCursor = customer.timeline.nextCursor;
      this.moreError = '';
      document.title = `${customer.name} · Frontline`;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loadError = error instanceof ApiError ? error : new ApiError(0, 'network', 'The customer could not be loaded.');
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  async #loadMore(): Promise<void> {
    const c = this.customer;
    if (!c || !this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await getCustomer(c.id, this.nextCursor);
      const seen = new Set(this.timeline.map(keyOf));
      this.timeline = [...this.timeline, ...page.timeline.items.filter((i) => !seen.has(keyOf(i)))];
      this.nextCursor = page.timeline.nextCursor;
    } catch (error) {
      this.moreError = `More of the timeline could not be loaded: ${error instanceof ApiError ? error.message : 'try again.'}`;
    } finally {
      this.loadingMore = false;
    }
  }

  override render() {
    const c = this.customer;
    if (!c) {
      if (this.loadError?.status === 404) {
        return html`
          <nav class="crumbs" aria-label="Breadcrumb"><a href="/customers">← Customers</a></nav>
          <fl-empty-state heading="This customer does not exist."><p><a href="/customers">Find them in the list of customers</a>.</p></fl-empty-state>
        `;
      }
      if (this.loadError) {
        return html`<div class="message error" role="alert">
          The customer could not be loaded: ${this.loadError.message} <button class="small" type="button" @click=${() => this.#load()}>Try again</button>
        </div>`;
      }
      return html`<div aria-busy="true"><fl-loading label="Loading the customer…" rows="6"></fl-loading></div>`;
    }
    return html`
      <nav class="crumbs" aria-label="Breadcrumb"><a href="/customers">← Customers</a></nav>
      ${c.mergedInto
        ? html`<p class="message warning" role="note">The customer at this link was merged into <strong>${c.name}</strong>: this is their timeline now.</p>`
        : nothing}
      <p class="message success" role="status">${this.status}</p>
      <div class="layout">
        <section class="card profile" aria-labelledby="customer-name">${this.editing ? this.#renderEdit(c) : this.#renderProfile(c)}</section>
        <section class="timeline" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Timeline</h2>
          ${this.#renderTimeline()}
        </section>
      </div>
      ${this.#renderMergeDialog(c)}
    `;
  }

  #renderProfile(c: CustomerWithTimeline) {
    const handles = Object.entries(c.handles);
    return html`
      <header>
        <h1 id="customer-name">${c.name}</h1>
        <span class="badge tier-${c.tier}">${TIER_LABELS[c.tier]}</span>
      </header>
      <dl>
        <dt>Company</dt>
        <dd>${c.company ?? html`<span class="muted">Not set</span>`}</dd>
        <dt>Email</dt>
        <dd>${c.email ? html`<a href=${`mailto:${c.email}`}>${c.email}</a>` : html`<span class="muted">Not set</span>`}</dd>
        <dt>Handles</dt>
        <dd>
          ${handles.length
            ? html`<ul class="handles">${handles.map(([network, handle]) => html`<li><span class="muted">${network}</span> ${handle}</li>`)}</ul>`
            : html`<span class="muted">None</span>`}
        </dd>
        <dt>CRM id</dt>
        <dd>${c.crmId ? html`<code>${c.crmId}</code>` : html`<span class="muted">Not set</span>`}</dd>
        <dt>Customer since</dt>
        <dd><fl-time .datetime=${c.createdAt}></fl-time></dd>
      </dl>
      <div class="actions">
        <button type="button" class="small" @click=${this.#startEdit}>Edit<span class="visually-hidden"> ${c.name}</span></button>
        <button type="button" class="small" @click=${this.#openMerge}>Merge a duplicate into this customer</button>
      </div>
    `;
  }

  #renderEdit(c: CustomerWithTimeline) {
    const f = this.#edit;
    return html`
      <form novalidate aria-labelledby="customer-name" @submit=${this.#saveEdit}>
        <h1 id="customer-name" class="edit-title">Edit ${c.name}</h1>
        ${f.summaryText()}
        <div class="field">
          <label for="profile-name">Name</label>
          <input id="profile-name" name="name" required maxlength=${LIMITS.customerNameLength} .value=${c.name}
            aria-invalid=${f.invalid('name')} aria-describedby=${f.describedBy('name')} />
          ${f.errorText('name')}
        </div>
        <div class="field">
          <label for="profile-company">Company</label>
          <input id="profile-company" name="company" maxlength=${LIMITS.companyLength} .value=${c.company ?? ''}
            aria-invalid=${f.invalid('company')} aria-describedby=${f.describedBy('company')} />
          ${f.errorText('company')}
        </div>
        <div class="field">
          <label for="profile-email">Email</label>
          <input id="profile-email" name="email" type="email" maxlength=${LIMITS.emailLength} .value=${c.email ?? ''}
            aria-invalid=${f.invalid('email')} aria-describedby=${f.describedBy('email')} />
          ${f.errorText('email')}
        </div>
        <div class="field">
          <label for="profile-handles">Handles</label>
          <textarea id="profile-handles" name="handles" rows="3" .value=${handlesToText(c.handles)}
            aria-invalid=${f.invalid('handles')} aria-describedby=${f.describedBy('handles', 'profile-handles-hint')}></textarea>
          <p class="hint" id="profile-handles-hint">One per line, like “twitter: @ada”. At most ${LIMITS.customerHandles}.</p>
          ${f.errorText('handles')}
        </div>
        <div class="field">
          <label for="profile-crmId">CRM id</label>
          <input id="profile-crmId" name="crmId" maxlength=${LIMITS.crmIdLength} .value=${c.crmId ?? ''}
            aria-invalid=${f.invalid('crmId')} aria-describedby=${f.describedBy('crmId')} />
          ${f.errorText('crmId')}
        </div>
        <div class="field">
          <label for="profile-tier">Tier</label>
          <select id="profile-tier" name="tier" aria-invalid=${f.invalid('tier')} aria-describedby=${f.describedBy('tier')}>
            ${TIERS.map((t) => html`<option value=${t} ?selected=${t === c.tier}>${TIER_LABELS[t]}</option>`)}
          </select>
          ${f.errorText('tier')}
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Saving…' : 'Save'}</button>
          <button type="button" @click=${() => (this.editing = false)}>Cancel</button>
        </div>
      </form>
    `;
  }

  #renderTimeline() {
    if (this.timeline.length === 0) {
      return html`<fl-empty-state heading="Nothing on this timeline yet.">
        <p>Press <kbd>c</kbd> to post what ${this.customer?.name ?? 'this customer'} told you, and pick them as the customer.</p>
      </fl-empty-state>`;
    }
    return html`
      <ol class="timeline-list">
        ${this.timeline.map((item) => html`<li class=${item.type}>${item.type === 'insight' ? this.#insightItem(item.insight) : this.#issueItem(item.issue, item.at)}</li>`)}
      </ol>
      ${this.moreError ? html`<p class="message error" role="alert">${this.moreError}</p>` : nothing}
      ${this.nextCursor
        ? html`<div class="load-more">
            <button type="button" ?disabled=${this.loadingMore} @click=${this.#loadMore}>${this.loadingMore ? 'Loading…' : 'Load more'}</button>
          </div>`
        : nothing}
    `;
  }

  #insightItem(insight: Insight) {
    return html`<fl-insight-card .insight=${insight} hide-customer></fl-insight-card>`;
  }

  #issueItem(issue: IssueSummary, at: string) {
    return html`
      <div class="issue-row">
        <span class="kind-label">Issue</span>
        <a class="title" href=${`/issues/${encodeURIComponent(issue.id)}`}>${issue.title}</a>
        <span class="status ${issue.status}">${issueStatusLabel(issue.status)}</span>
        <span class="meta muted">
          ${ISSUE_KIND_LABELS[issue.kind] ?? issue.kind}${issue.team ? ` · ${issue.team.name}` : ''} · priority ${Math.round(issue.priority.score)} ·
          ${issue.evidenceCount} ${issue.evidenceCount === 1 ? 'insight' : 'insights'} · raised <fl-time .datetime=${at}></fl-time>
        </span>
      </div>
    `;
  }

  #renderMergeDialog(c: CustomerWithTimeline) {
    return html`
      <fl-dialog heading=${`Merge a duplicate into ${c.name}`} ?open=${this.mergeOpen} @fl-close=${() => (this.mergeOpen = false)}>
        ${this.mergeOpen ? this.#mergeContent(c) : nothing}
      </fl-dialog>
    `;
  }

  #mergeContent(c: CustomerWithTimeline) {
    const f = this.#merge;
    const from = this.mergeChoice?.kind === 'existing' ? this.mergeChoice.customer : null;
    return html`
      <div class="merge">
        <p>Pick the duplicate. Its insights move to <strong>${c.name}</strong>, and links to it lead here.</p>
        ${f.summaryText()}
        <fl-customer-picker
          id="merge-fromId"
          label="Duplicate customer"
          exclude-id=${c.id}
          .choice=${this.mergeChoice}
          .error=${f.errorFor('fromId') ?? ''}
          @fl-customer-change=${(e: FlEvent<'fl-customer-change'>) => (this.mergeChoice = e.detail.choice)}
        ></fl-customer-picker>
        ${from
          ? html`<p class="message warning">
              <strong>${from.name}</strong>${from.company ? ` (${from.company})` : ''} will be merged into <strong>${c.name}</strong>. This cannot be undone.
            </p>`
          : nothing}
      </div>
      <button slot="footer" type="button" @click=${() => (this.mergeOpen = false)}>Cancel</button>
      <button slot="footer" class="primary" type="button" ?disabled=${!from || f.pending} @click=${this.#mergeNow}>
        ${f.pending ? 'Merging…' : from ? `Merge ${from.name} into ${c.name}` : 'Merge'}
      </button>
    `;
  }

  async #startEdit(): Promise<void> {
    this.#edit.reset();
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#profile-name')?.focus();
  }

  async #saveEdit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const c = this.customer;
    if (!c) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const handles = handlesFromText(String(data.get('handles') ?? ''));
    const problems: Record<string, string> = {};
    if (!text('name')) problems.name = 'Enter the customer’s name.';
    if (typeof handles === 'string') problems.handles = handles;
    if (Object.keys(problems).length || typeof handles === 'string') {
      this.#edit.invalidate(problems);
      return;
    }
    const body: UpdateCustomerInput = {
      name: text('name'),
      company: text('company') || null,
      email: text('email') || null,
      crmId: text('crmId') || null,
      tier: text('tier') as Tier,
      handles,
    };
    const saved = await this.#edit.run(() => updateCustomer(c.id, body));
    if (!saved) return;
    this.customer = { ...c, ...saved, mergedInto: c.mergedInto };
    this.editing = false;
    this.status = `${saved.name} was saved.`;
  }

  async #openMerge(): Promise<void> {
    this.#merge.reset();
    this.mergeChoice = null;
    this.renderRoot.querySelector<CustomerPicker>('#merge-fromId')?.reset();
    this.mergeOpen = true;
    await this.updateComplete;
    await this.renderRoot.querySelector('fl-dialog')?.updateComplete;
    this.renderRoot.querySelector<CustomerPicker>('#merge-fromId')?.focus();
  }

  async #mergeNow(): Promise<void> {
    const c = this.customer;
    const from = this.mergeChoice?.kind === 'existing' ? this.mergeChoice.customer : null;
    if (!c || !from) return;
    const merged = await this.#merge.run(() => mergeCustomer(c.id, from.id));
    if (!merged) return;
    this.mergeOpen = false;
    this.mergeChoice = null;
    this.status = `${from.name} was merged into this customer.`;
    await this.#load();
  }
}

customElements.define('fl-customer-page', CustomerPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-customer-page': CustomerPage;
  }
}
