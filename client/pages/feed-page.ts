import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { CHANNELS, SENTIMENTS, type Channel, type Insight, type Sentiment } from '../../shared/insights.js';
import { LIMITS } from '../../shared/limits.js';
import type { Team } from '../../shared/teams.js';
import { getCustomer } from '../api/customers.js';
import { getInsight, listInsights, type FeedFilters } from '../api/insights.js';
import { LiveController } from '../controllers/live.js';
import type { LiveEvent } from '../../shared/events.js';
import { listAllTeams } from '../api/teams.js';
import type { CustomerPicker } from '../components/customer-picker.js';
import '../components/customer-picker.js';
import '../components/empty-state.js';
import '../components/insight-card.js';
import '../components/raise-issue-dialog.js';
import { normalizeTag } from '../components/tag-input.js';
import { PagedListController } from '../controllers/paged-list.js';
import { RouteController } from '../controllers/route.js';
import { SessionController } from '../controllers/session.js';
import { toasts } from '../controllers/toasts.js';
import { emit, type FlEvent } from '../events.js';
import { plural } from '../format.js';
import { CHANNEL_LABELS, SENTIMENT_LABELS } from '../labels.js';
import { router } from '../router.js';
import { chips } from '../styles/chips.styles.js';
import { base, controls, listPage, messages, page } from '../styles/shared.styles.js';
import { feedPageStyles } from './feed-page.styles.js';

/** The filters the feed keeps in its URL, in the order their chips show. */
const FILTER_KEYS = ['q', 'channel', 'sentiment', 'team', 'tag', 'customerId'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The feed's filters from its URL; unknown values are dropped. */
export function filtersFromQuery(query: URLSearchParams): FeedFilters {
  const filters: FeedFilters = {};
  const get = (key: FilterKey) => query.get(key)?.trim() || undefined;
  const channel = get('channel');
  const sentiment = get('sentiment');
  if (channel && (CHANNELS as readonly string[]).includes(channel)) filters.channel = channel as Channel;
  if (sentiment && (SENTIMENTS as readonly string[]).includes(sentiment)) filters.sentiment = sentiment as Sentiment;
  const q = get('q');
  const team = get('team');
  const tag = get('tag');
  const customerId = get('customerId');
  if (q) filters.q = q.slice(0, LIMITS.searchQueryLength);
  if (team) filters.team = team;
  if (tag) filters.tag = tag.toLowerCase().slice(0, LIMITS.tagLength);
  if (customerId) filters.customerId = customerId;
  return filters;
}

const filterSignature = (f: FeedFilters) => JSON.stringify(FILTER_KEYS.map((k) => f[k] ?? ''));

/** Whether a just-posted insight belongs in a feed with these filters (text and team filters can't be judged here). */
function mayMatch(insight: Insight, f: FeedFilters): boolean {
  if (f.q || f.team || f.authorId) return false;
  if (f.channel && insight.channel !== f.channel) return false;
  if (f.sentiment && insight.sentiment !== f.sentiment) return false;
  if (f.tag && !insight.tags.includes(f.tag)) return false;
  if (f.customerId && insight.customer?.id !== f.customerId) return false;
  return true;
}

/**
 * `/`: the feed. Filters (text, channel, sentiment, team, tag, customer) live
 * in the URL, so they survive a reload and can be shared; more insights load
 * as the end comes into view (or with "Load more"). Cards can be selected to
 * raise one issue from several insights. A posted insight appears on top.
 */
export class FeedPage extends LitElement {
  static override styles = [base, page, controls, messages, chips, listPage, feedPageStyles];
  static override properties = {
    teams: { state: true },
    selected: { state: true },
    raiseOpen: { state: true },
    customerNames: { state: true },
    announce: { state: true },
    newCount: { state: true },
  };

  declare teams: Team[];
  declare selected: Map<string, Insight>;
  declare raiseOpen: boolean;
  declare customerNames: Map<string, string>;
  declare announce: string;
  /** Insights posted since the list loaded that the current filters may or may not include. */
  declare newCount: number;
  readonly #route = new RouteController(this);
  readonly #session = new SessionController(this);
  readonly #list = new PagedListController<Insight>(this, (cursor, signal) => listInsights(this.#filters, cursor, signal), (i) => i.id);
  #filters: FeedFilters = {};
  #signature: string | null = null;
  #observer: IntersectionObserver | null = null;
  #qTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #onPosted = (event: FlEvent<'fl-insight-posted'>) => this.#posted(event.detail.insight);
  /** Posts, replies, reactions, edits and deletions by anyone update the feed in place. */
  protected readonly liveUpdates = new LiveController(this, {
    types: ['insight.created', 'insight.updated', 'insight.deleted', 'insight.restored', 'reply.created', 'reply.deleted', 'reaction.changed', 'evidence.changed'],
    onEvent: (event) => void this.#onLive(event),
    onResync: () => void this.#list.reload(),
  });

  constructor() {
    super();
    this.teams = [];
    this.selected = new Map();
    this.raiseOpen = false;
    this.customerNames = new Map();
    this.announce = '';
    this.newCount = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('fl-insight-posted', this.#onPosted);
    listAllTeams().then(
      (teams) => (this.teams = teams),
      () => (this.teams = []),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('fl-insight-posted', this.#onPosted);
    this.#observer?.disconnect();
    this.#observer = null;
    clearTimeout(this.#qTimer);
  }

  protected override willUpdate(): void {
    if (this.#route.route.name !== 'feed') return;
    const filters = filtersFromQuery(this.#route.route.query);
    const signature = filterSignature(filters);
    if (signature === this.#signature) return;
    this.#signature = signature;
    this.#filters = filters;
    this.newCount = 0;
    this.selected = new Map();
    void this.#list.reload();
    if (filters.customerId && !this.customerNames.has(filters.customerId)) void this.#loadCustomerName(filters.customerId);
  }

  protected override firstUpdated(): void {
    const sentinel = this.renderRoot.querySelector('#sentinel');
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#autoLoad();
    }, { rootMargin: '600px 0px' });
    this.#observer.observe(sentinel);
  }

  protected override updated(_changed: PropertyValues<this>): void {
    this.#syncInputs();
    // A page too short to scroll keeps loading while the end is in view.
    const sentinel = this.renderRoot.querySelector('#sentinel');
    if (sentinel && sentinel.getBoundingClientRect().top < window.innerHeight + 600) this.#autoLoad();
  }

  /** The text filters follow the URL (back, forward, chips), but never while someone types in them. */
  #syncInputs(): void {
    const query = this.#route.route.query;
    for (const [id, value] of [
      ['filter-q', query.get('q') ?? ''],
      ['filter-tag', this.#filters.tag ?? ''],
    ] as const) {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
      if (input && (this.renderRoot as ShadowRoot).activeElement !== input && input.value !== value) input.value = value;
    }
  }

  #autoLoad(): void {
    const list = this.#list;
    if (list.nextCursor && !list.loading && !list.error) void list.loadMore();
  }

  async #loadCustomerName(id: string): Promise<void> {
    try {
      const customer = await getCustomer(id);
      this.customerNames = new Map(this.customerNames).set(id, customer.name);
    } catch {
      this.customerNames = new Map(this.customerNames).set(id, 'Unknown customer');
    }
  }

  get #active(): boolean {
    return FILTER_KEYS.some((k) => this.#filters[k]);
  }

  override render() {
    const n = this.selected.size;
    return html`
      <div class="page">
        <header class="page-head">
          <div>
            <h1>Feed</h1>
            <p class="lede">What customers told us, newest first. Select insights to raise one issue from them.</p>
          </div>
          <button class="primary" type="button" aria-keyshortcuts="c" @click=${() => emit(this, 'fl-compose', {})}>
            Post insight <kbd aria-hidden="true">c</kbd>
          </button>
        </header>
        ${this.#filterBar()}
        <p class="visually-hidden" role="status">${this.announce}</p>
        ${this.newCount > 0
          ? html`<p class="message info new-posts">
              ${plural(this.newCount, 'new insight')} posted since this list loaded.
              <button class="small" type="button" @click=${this.#showNew}>Show</button>
            </p>`
          : nothing}
        <section aria-label="Insights" aria-busy=${this.#list.loading ? 'true' : 'false'}>${this.#body()}</section>
        <div id="sentinel" aria-hidden="true"></div>
        ${n > 0
          ? html`<div class="selection-bar" role="region" aria-label="Selected insights">
              <span><strong>${plural(n, 'insight')}</strong> selected</span>
              <button class="primary" type="button" @click=${() => (this.raiseOpen = true)}>Raise issue from ${n} selected</button>
              <button type="button" @click=${this.#clearSelection}>Clear selection</button>
            </div>`
          : nothing}
      </div>
      <fl-raise-issue-dialog
        .insights=${[...this.selected.values()]}
        ?open=${this.raiseOpen}
        @fl-close=${() => (this.raiseOpen = false)}
        @fl-issue-raised=${this.#onRaised}
      ></fl-raise-issue-dialog>
    `;
  }

  #filterBar() {
    const f = this.#filters;
    return html`
      <form class="filters" role="search" aria-label="Filter insights" @submit=${this.#onFilterSubmit}>
        <div class="field q">
          <label for="filter-q">Search insights</label>
          <input id="filter-q" type="search" name="q" placeholder="Words customers used…" maxlength=${LIMITS.searchQueryLength}
            @input=${this.#onQInput} />
        </div>
        <div class="field">
          <label for="filter-channel">Channel</label>
          <select id="filter-channel" @change=${(e: Event) => this.#setFilter('channel', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!f.channel}>Any channel</option>
            ${CHANNELS.map((c) => html`<option value=${c} ?selected=${f.channel === c}>${CHANNEL_LABELS[c]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-sentiment">Sentiment</label>
          <select id="filter-sentiment" @change=${(e: Event) => this.#setFilter('sentiment', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!f.sentiment}>Any sentiment</option>
            ${SENTIMENTS.map((s) => html`<option value=${s} ?selected=${f.sentiment === s}>${SENTIMENT_LABELS[s]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-team">Team taking part</label>
          <select id="filter-team" @change=${(e: Event) => this.#setFilter('team', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!f.team}>Any team</option>
            ${this.teams.map((t) => html`<option value=${t.slug} ?selected=${f.team === t.slug || f.team === t.id}>${t.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-tag">Tag</label>
          <input id="filter-tag" type="text" name="tag" placeholder="e.g. billing" autocomplete="off" spellcheck="false" maxlength=${LIMITS.tagLength}
            @keydown=${this.#onTagKey} @change=${this.#onTagChange} />
        </div>
        <fl-customer-picker id="filter-customer" class="customer" label="Customer" @fl-customer-change=${this.#onCustomerFilter}></fl-customer-picker>
        <button class="visually-hidden" type="submit" tabindex="-1">Apply filters</button>
      </form>
      ${this.#active
        ? html`<div class="active-filters">
            <span class="muted">Showing</span>
            <ul class="chips" aria-label="Active filters">${FILTER_KEYS.filter((k) => f[k]).map((k) => this.#chip(k))}</ul>
            <button class="link" type="button" @click=${this.#clearFilters}>Clear filters</button>
          </div>`
        : nothing}
    `;
  }

  #chip(key: FilterKey) {
    const f = this.#filters;
    const value = f[key] ?? '';
    const words: Record<FilterKey, () => string> = {
      q: () => `“${value}”`,
      channel: () => `Channel: ${CHANNEL_LABELS[value as Channel] ?? value}`,
      sentiment: () => `Sentiment: ${SENTIMENT_LABELS[value as Sentiment] ?? value}`,
      team: () => `Team: ${this.teams.find((t) => t.slug === value || t.id === value)?.name ?? value}`,
      tag: () => `Tag: #${value}`,
      customerId: () => `Customer: ${this.customerNames.get(value) ?? '…'}`,
    };
    const label = words[key]();
    return html`<li>
      <button type="button" class="chip accent" aria-label=${`Remove filter ${label}`} @click=${() => this.#setFilter(key, '')}>
        ${label} <span aria-hidden="true">✕</span>
      </button>
    </li>`;
  }

  #body() {
    const list = this.#list;
    if (list.loading === 'initial' || (list.loading === 'reload' && list.items.length === 0)) return this.#skeletons();
    if (list.error && !list.loaded) {
      return html`<div class="message error" role="alert">
        The feed could not be loaded: ${list.error.message} <button class="small" type="button" @click=${() => list.reload()}>Try again</button>
      </div>`;
    }
    if (list.items.length === 0) {
      return this.#active
        ? html`<fl-empty-state heading="No insights match these filters.">
            <p>Try fewer filters, or <button class="link" type="button" @click=${this.#clearFilters}>clear all filters</button>.</p>
          </fl-empty-state>`
        : html`<fl-empty-state heading="Nothing posted yet.">
            <p>Press <kbd>c</kbd> to post what a customer told you — or use <button class="link" type="button" @click=${() => emit(this, 'fl-compose', {})}>Post insight</button>.</p>
          </fl-empty-state>`;
    }
    return html`
      <ol class="cards ${list.loading === 'reload' ? 'stale' : ''}">
        ${list.items.map(
          (i) => html`<li>
            <fl-insight-card
              .insight=${i}
              selectable
              tag-filters
              .selected=${this.selected.has(i.id)}
              @fl-insight-select=${this.#onSelect}
              @fl-tag-filter=${(e: FlEvent<'fl-tag-filter'>) => this.#setFilter('tag', e.detail.tag)}
              @fl-reactions-change=${this.#onReactions}
            ></fl-insight-card>
          </li>`,
        )}
      </ol>
      ${list.error && list.loaded
        ? html`<p class="message error" role="alert">More insights could not be loaded: ${list.error.message}</p>`
        : nothing}
      ${list.loading === 'more' ? this.#skeletons(2) : nothing}
      ${list.nextCursor
        ? html`<div class="load-more">
            <button type="button" ?disabled=${list.loading === 'more'} @click=${() => list.loadMore()}>${list.loading === 'more' ? 'Loading…' : 'Load more'}</button>
          </div>`
        : list.items.length > 5
          ? html`<p class="end muted">That is everything${this.#active ? ' matching these filters' : ''}.</p>`
          : nothing}
    `;
  }

  #skeletons(count = 4) {
    return html`
      <p class="visually-hidden" role="status">Loading insights…</p>
      <ol class="cards" aria-hidden="true">
        ${Array.from(
          { length: count },
          () => html`<li class="skeleton">
            <div class="line short"></div>
            <div class="line"></div>
            <div class="line"></div>
            <div class="line medium"></div>
          </li>`,
        )}
      </ol>
    `;
  }

  #navigateFilters(changes: Partial<Record<FilterKey, string>>, replace = false): void {
    const params = new URLSearchParams(this.#route.route.query);
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const search = params.toString();
    router.navigate(search ? `/?${search}` : '/', { replace });
  }

  #setFilter(key: FilterKey, value: string): void {
    clearTimeout(this.#qTimer);
    if (key === 'customerId' && !value) this.renderRoot.querySelector<CustomerPicker>('#filter-customer')?.reset();
    this.#navigateFilters({ [key]: value.trim() });
  }

  #clearFilters(): void {
    clearTimeout(this.#qTimer);
    this.renderRoot.querySelector<CustomerPicker>('#filter-customer')?.reset();
    const q = this.renderRoot.querySelector<HTMLInputElement>('#filter-q');
    if (q) q.value = '';
    const tag = this.renderRoot.querySelector<HTMLInputElement>('#filter-tag');
    if (tag) tag.value = '';
    router.navigate('/');
  }

  #onQInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#qTimer);
    this.#qTimer = setTimeout(() => this.#navigateFilters({ q: value.trim() ? value : '' }, true), 350);
  }

  #onFilterSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#qTimer);
    const q = this.renderRoot.querySelector<HTMLInputElement>('#filter-q')?.value ?? '';
    const tag = this.renderRoot.querySelector<HTMLInputElement>('#filter-tag')?.value ?? '';
    this.#navigateFilters({ q: q.trim(), tag: normalizeTag(tag) });
  }

  #onTagKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.#setFilter('tag', normalizeTag((event.target as HTMLInputElement).value));
  }

  #onTagChange(event: Event): void {
    const tag = normalizeTag((event.target as HTMLInputElement).value);
    if (tag !== (this.#filters.tag ?? '')) this.#setFilter('tag', tag);
  }

  #onCustomerFilter(event: FlEvent<'fl-customer-change'>): void {
    const choice = event.detail.choice;
    if (choice?.kind !== 'existing') return;
    this.customerNames = new Map(this.customerNames).set(choice.customer.id, choice.customer.name);
    (event.target as CustomerPicker).reset();
    this.#setFilter('customerId', choice.customer.id);
  }

  #onSelect(event: FlEvent<'fl-insight-select'>): void {
    const next = new Map(this.selected);
    const insight = this.#list.find(event.detail.id);
    if (event.detail.selected && insight) next.set(insight.id, insight);
    else next.delete(event.detail.id);
    this.selected = next;
    this.announce = next.size ? `${plural(next.size, 'insight')} selected.` : 'Selection cleared.';
  }

  #clearSelection(): void {
    this.selected = new Map();
    this.announce = 'Selection cleared.';
  }

  #onReactions(event: FlEvent<'fl-reactions-change'>): void {
    const insight = this.#list.find(event.detail.insightId);
    if (insight) this.#list.upsert({ ...insight, reactions: event.detail.reactions });
  }

  #onRaised(event: FlEvent<'fl-issue-raised'>): void {
    const { issue } = event.detail;
    this.raiseOpen = false;
    this.selected = new Map();
    toasts.show(`Issue “${issue.title}” was raised.`);
    router.navigate(`/issues/${encodeURIComponent(issue.id)}`);
  }

  #showNew(): void {
    this.newCount = 0;
    void this.#list.reload();
  }

  async #onLive(event: LiveEvent): Promise<void> {
    const insightId = (event.data as { insightId?: string }).insightId;
    if (!insightId) return;
    if (event.type === 'insight.deleted') {
      this.#list.remove(insightId);
      return;
    }
    const known = this.#list.find(insightId) !== undefined;
    if (!known && event.type !== 'insight.created' && event.type !== 'insight.restored') return;
    let fresh: Insight;
    try {
      const { replies: _replies, ...insight } = await getInsight(insightId);
      fresh = insight;
    } catch {
      return; // deleted meanwhile, or offline: the next event or a reload catches up
    }
    if (known) {
      this.#list.upsert(fresh);
    } else if (mayMatch(fresh, this.#filters)) {
      this.#list.upsert(fresh);
      if (fresh.author.id !== this.#session.user?.id) this.announce = `New insight from ${fresh.author.displayName}.`;
    } else if (!this.#filters.channel && !this.#filters.sentiment && !this.#filters.tag && !this.#filters.customerId) {
      // Filters the page cannot check itself (text, team, author): offer to reload instead of guessing.
      this.newCount += 1;
    }
  }

  #posted(insight: Insight): void {
    if (mayMatch(insight, this.#filters)) {
      this.#list.upsert(insight);
      this.announce = 'Your insight is now at the top of the feed.';
    }
  }
}

customElements.define('fl-feed-page', FeedPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-feed-page': FeedPage;
  }
}
