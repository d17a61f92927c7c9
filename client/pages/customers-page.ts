import { html, LitElement, nothing } from 'lit';
import { TIERS, type CreateCustomerBody, type CustomerSummary, type Tier } from '../../shared/customers.js';
import { LIMITS } from '../../shared/limits.js';
import { newIdempotencyKey } from '../api/http.js';
import { createCustomer, listCustomers } from '../api/customers.js';
import '../components/empty-state.js';
import '../components/loading-state.js';
import '../components/relative-time.js';
import { FormController } from '../controllers/form.js';
import { PagedListController } from '../controllers/paged-list.js';
import { RouteController } from '../controllers/route.js';
import { toasts } from '../controllers/toasts.js';
import { TIER_LABELS } from '../labels.js';
import { router } from '../router.js';
import { chips } from '../styles/chips.styles.js';
import { base, cards, controls, listPage, messages, tables, page } from '../styles/shared.styles.js';
import { customersPageStyles } from './customers-page.styles.js';

const isTier = (v: string | null): v is Tier => (TIERS as readonly (string | null)[]).includes(v);

/**
 * `/customers`: everyone who told us something, by name. Search (name,
 * company, email) and tier live in the URL; "New customer" adds one.
 */
export class CustomersPage extends LitElement {
  static override styles = [base, page, controls, messages, cards, tables, chips, listPage, customersPageStyles];
  static override properties = { formOpen: { state: true } };

  declare formOpen: boolean;
  readonly #route = new RouteController(this);
  readonly #list = new PagedListController<CustomerSummary>(
    this,
    (cursor, signal) => listCustomers({ q: this.#q, tier: this.#tier, cursor }, signal),
    (c) => c.id,
  );
  readonly #form = new FormController(this, 'customer', ['name', 'company', 'email', 'crmId', 'tier']);
  #q = '';
  #tier: Tier | '' = '';
  #signature: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #key = newIdempotencyKey();

  constructor() {
    super();
    this.formOpen = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override willUpdate(): void {
    const route = this.#route.route;
    if (route.name !== 'customers') return;
    const q = route.query.get('q')?.trim() ?? '';
    const tierParam = route.query.get('tier');
    const tier = isTier(tierParam) ? tierParam : '';
    const signature = `${q}\u0000${tier}`;
    if (signature === this.#signature) return;
    this.#signature = signature;
    this.#q = q;
    this.#tier = tier;
    void this.#list.reload();
  }

  /** The search box follows the URL (back, forward), but never while someone types in it. */
  protected override updated(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#customer-q');
    const value = this.#route.route.query.get('q') ?? '';
    if (input && (this.renderRoot as ShadowRoot).activeElement !== input && input.value !== value) input.value = value;
  }

  override render() {
    return html`
      <div class="page">
        <header class="page-head">
          <div>
            <h1>Customers</h1>
            <p class="lede">Everyone who told us something, with every touchpoint on their timeline.</p>
          </div>
          <button class="primary" type="button" aria-expanded=${this.formOpen ? 'true' : 'false'} aria-controls="new-customer" @click=${this.#toggleForm}>
            New customer
          </button>
        </header>
        <div id="new-customer">${this.formOpen ? this.#renderForm() : nothing}</div>
        <form class="filters" role="search" aria-label="Search customers" @submit=${this.#onSubmit}>
          <div class="field grow">
            <label for="customer-q">Search customers</label>
            <input id="customer-q" type="search" placeholder="Name, company or email" maxlength=${LIMITS.searchQueryLength}
              @input=${this.#onInput} />
          </div>
          <div class="field">
            <label for="customer-tier">Tier</label>
            <select id="customer-tier" @change=${(e: Event) => this.#navigate({ tier: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!this.#tier}>Any tier</option>
              ${TIERS.map((t) => html`<option value=${t} ?selected=${this.#tier === t}>${TIER_LABELS[t]}</option>`)}
            </select>
          </div>
        </form>
        ${this.#renderList()}
      </div>
    `;
  }

  #renderList() {
    const list = this.#list;
    if (list.loading === 'initial') return html`<div aria-busy="true"><fl-loading label="Loading customers…" rows="6"></fl-loading></div>`;
    if (list.error && !list.loaded) {
      return html`<div class="message error" role="alert">
        Customers could not be loaded: ${list.error.message} <button class="small" type="button" @click=${() => list.reload()}>Try again</button>
      </div>`;
    }
    if (list.items.length === 0) {
      return this.#q || this.#tier
        ? html`<fl-empty-state heading="No customer matches.">
            <p>Try part of a name, a company or an email, or <button class="link" type="button" @click=${() => this.#navigate({ q: '', tier: '' })}>clear the search</button>.</p>
          </fl-empty-state>`
        : html`<fl-empty-state heading="No customers yet.">
            <p>They are added when you post an insight with a new customer, or with “New customer”.</p>
          </fl-empty-state>`;
    }
    return html`
      <div class="table-wrap" aria-busy=${list.loading ? 'true' : 'false'}>
        <table>
          <caption class="visually-hidden">Customers${this.#q ? ` matching “${this.#q}”` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Tier</th>
              <th scope="col" class="num">Insights</th>
              <th scope="col">Last insight</th>
            </tr>
          </thead>
          <tbody>
            ${list.items.map(
              (c) => html`<tr>
                <th scope="row" class="name"><a href=${`/customers/${encodeURIComponent(c.id)}`}>${c.name}</a>${c.email ? html`<span class="email muted">${c.email}</span>` : nothing}</th>
                <td>${c.company ?? html`<span class="muted">—</span>`}</td>
                <td><span class="badge tier-${c.tier}">${TIER_LABELS[c.tier]}</span></td>
                <td class="num">${c.insightCount}</td>
                <td>${c.lastInsightAt ? html`<fl-time .datetime=${c.lastInsightAt}></fl-time>` : html`<span class="muted">Never</span>`}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${list.error && list.loaded ? html`<p class="message error" role="alert">${list.error.message}</p>` : nothing}
      ${list.nextCursor
        ? html`<div class="load-more">
            <button type="button" ?disabled=${list.loading === 'more'} @click=${() => list.loadMore()}>${list.loading === 'more' ? 'Loading…' : 'Load more'}</button>
          </div>`
        : nothing}
    `;
  }

  #renderForm() {
    const f = this.#form;
    return html`
      <form class="card new-form" novalidate aria-labelledby="new-heading" @submit=${this.#create}>
        <h2 id="new-heading">New customer</h2>
        ${f.summaryText()}
        <div class="grid-2">
          <div class="field">
            <label for="customer-name">Name</label>
            <input id="customer-name" name="name" required maxlength=${LIMITS.customerNameLength} autocomplete="off"
              aria-invalid=${f.invalid('name')} aria-describedby=${f.describedBy('name')} />
            ${f.errorText('name')}
          </div>
          <div class="field">
            <label for="customer-company">Company (optional)</label>
            <input id="customer-company" name="company" maxlength=${LIMITS.companyLength} autocomplete="off"
              aria-invalid=${f.invalid('company')} aria-describedby=${f.describedBy('company')} />
            ${f.errorText('company')}
          </div>
          <div class="field">
            <label for="customer-email">Email (optional)</label>
            <input id="customer-email" name="email" type="email" maxlength=${LIMITS.emailLength} autocomplete="off"
              aria-invalid=${f.invalid('email')} aria-describedby=${f.describedBy('email')} />
            ${f.errorText('email')}
          </div>
          <div class="field">
            <label for="customer-crmId">CRM id (optional)</label>
            <input id="customer-crmId" name="crmId" maxlength=${LIMITS.crmIdLength} autocomplete="off"
              aria-invalid=${f.invalid('crmId')} aria-describedby=${f.describedBy('crmId')} />
            ${f.errorText('crmId')}
          </div>
          <div class="field">
            <label for="customer-tier-new">Tier</label>
            <select id="customer-tier-new" name="tier" aria-invalid=${f.invalid('tier')} aria-describedby=${f.describedBy('tier')}>
              ${TIERS.map((t) => html`<option value=${t}>${TIER_LABELS[t]}</option>`)}
            </select>
            ${f.errorText('tier')}
          </div>
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${f.pending}>${f.pending ? 'Creating…' : 'Create customer'}</button>
          <button type="button" @click=${this.#toggleForm}>Cancel</button>
        </div>
      </form>
    `;
  }

  async #toggleForm(): Promise<void> {
    this.formOpen = !this.formOpen;
    this.#form.reset();
    if (!this.formOpen) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#customer-name')?.focus();
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const name = text('name');
    if (!name) {
      this.#form.invalidate({ name: 'Enter the customer’s name.' });
      return;
    }
    const body: CreateCustomerBody = {
      name,
      company: text('company') || null,
      email: text('email') || null,
      crmId: text('crmId') || null,
      tier: text('tier') as Tier,
    };
    const created = await this.#form.run(() => createCustomer(body, this.#key));
    if (!created) return;
    this.#key = newIdempotencyKey();
    this.formOpen = false;
    toasts.show(`Customer ${created.name} was created.`);
    router.navigate(`/customers/${encodeURIComponent(created.id)}`);
  }

  #navigate(changes: { q?: string; tier?: string }): void {
    const params = new URLSearchParams(this.#route.route.query);
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const search = params.toString();
    router.navigate(search ? `/customers?${search}` : '/customers', { replace: 'q' in changes && !('tier' in changes) });
  }

  #onInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#navigate({ q: value.trim() ? value : '' }), 300);
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#timer);
    this.#navigate({ q: this.renderRoot.querySelector<HTMLInputElement>('#customer-q')?.value.trim() ?? '' });
  }
}

customElements.define('fl-customers-page', CustomersPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-customers-page': CustomersPage;
  }
}
