import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { LIMITS } from '../../shared/limits.js';
import { parseSearch, SEARCH_FILTERS, type SearchFilter } from '../../shared/search-query.js';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchSort } from '../../shared/search.js';
import type { ApiError } from '../api/http.js';
import { search } from '../api/search.js';
import '../components/empty-state.js';
import '../components/loading-state.js';
import '../components/relative-time.js';
import { countText, FILTER_HELP, highlighted, KIND_WORDS, snippetOf, SYNTAX_HELP, withoutFilter } from '../components/search-hit.js';
import { searchHitStyles } from '../components/search-hit.styles.js';
import { PagedListController } from '../controllers/paged-list.js';
import { RouteController } from '../controllers/route.js';
import { router } from '../router.js';
import { chips } from '../styles/chips.styles.js';
import { base, controls, messages, page } from '../styles/shared.styles.js';
import { searchPageStyles } from './search-page.styles.js';

const PAGE = 20;

type Tab = SearchKind | 'all';
const TABS: readonly Tab[] = ['all', ...SEARCH_KINDS];

const tabWords = (tab: Tab) => (tab === 'all' ? 'All' : KIND_WORDS[tab].many);

const kindOf = (query: URLSearchParams): Tab => {
  const kind = query.get('kind') ?? '';
  return (SEARCH_KINDS as readonly string[]).includes(kind) ? (kind as SearchKind) : 'all';
};

const sortOf = (query: URLSearchParams): SearchSort => (query.get('sort') === 'newest' ? 'newest' : 'relevance');

const hrefOf = (q: string, tab: Tab, sort: SearchSort) => {
  const params = new URLSearchParams();
  params.set('q', q);
  if (tab !== 'all') params.set('kind', tab);
  if (sort !== 'relevance') params.set('sort', sort);
  return `/search?${params.toString()}`;
};

/**
 * `/search?q=&kind=&sort=`: a search form prefilled from the URL, tabs per
 * kind with their counts and best match or newest first (both live in the
 * URL), hits with the matching words
 * marked, "Load more" by cursor, the filters read from the query as chips
 * that can be removed, and how the search language works.
 */
export class SearchPage extends LitElement {
  static override styles = [base, page, controls, messages, chips, searchHitStyles, searchPageStyles];
  static override properties = {
    query: { type: String },
    counts: { state: true },
    capped: { state: true },
  };

  declare query: string;
  /** Matches of each kind for the current query (the same whatever the tab); null before the first answer. */
  declare counts: Record<SearchKind, number> | null;
  declare capped: boolean;

  readonly #route = new RouteController(this);
  readonly #list = new PagedListController<SearchHit>(this, (cursor, signal) => this.#fetch(cursor, signal), (hit) => `${hit.kind}:${hit.id}`);
  #loadedKey = '';
  #countsFor = '';
  /** The list's error came from "Load more": the results shown still stand. */
  #moreFailed = false;

  constructor() {
    super();
    this.query = '';
    this.counts = null;
    this.capped = false;
  }

  get #q(): string {
    return this.query.trim();
  }

  get #tab(): Tab {
    return kindOf(this.#route.route.query);
  }

  get #sort(): SearchSort {
    return sortOf(this.#route.route.query);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#loadedKey = '';
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.#route.route.name !== 'search') return;
    const q = this.#q;
    const key = JSON.stringify([q, this.#tab, this.#sort]);
    if (key === this.#loadedKey) return;
    this.#loadedKey = key;
    // Another tab of the same query keeps its counts; a new query starts afresh.
    if (this.#countsFor !== q) {
      this.counts = null;
      this.capped = false;
    }
    this.#moreFailed = false;
    if (q) void this.#list.reload();
  }

  async #fetch(cursor: string | null, signal: AbortSignal) {
    const q = this.#q;
    const tab = this.#tab;
    const answer = await search({ q, kind: tab === 'all' ? null : tab, sort: this.#sort, limit: PAGE, cursor }, signal);
    if (!signal.aborted) {
      this.counts = answer.counts;
      this.capped = answer.capped;
      this.#countsFor = q;
    }
    return answer;
  }

  override render() {
    const q = this.#q;
    return html`
      <div class="page-head">
        <h1>Search</h1>
        <p class="lede">Everything customers told us and what became of it: insights, replies, issues and customers.</p>
      </div>
      <div class="layout">
        <div class="main-column">
          <form class="search-form" role="search" aria-label="Search query" @submit=${this.#onSubmit}>
            <label for="q" class="visually-hidden">Search for</label>
            <input
              id="q"
              name="q"
              type="search"
              autocomplete="off"
              spellcheck="false"
              enterkeyhint="search"
              maxlength=${LIMITS.searchQueryLength}
              placeholder="Words, “phrases”, -leave-out, prefix*, tag:billing…"
              .value=${this.query}
            />
            <button class="primary" type="submit">Search</button>
          </form>
          ${this.#renderFilters(q)}
          ${q ? this.#renderResults(q) : this.#renderIntro()}
        </div>
        ${this.#renderHelp()}
      </div>
    `;
  }

  #renderIntro() {
    return html`
      <fl-empty-state heading="What are you looking for?">
        <p>Type words above and press Enter: every word must match. Or press <kbd>/</kbd> anywhere for quick search.</p>
      </fl-empty-state>
    `;
  }

  #renderFilters(q: string) {
    if (!q) return nothing;
    const filters = Object.entries(parseSearch(q).filters) as [SearchFilter, string][];
    if (filters.length === 0) return nothing;
    return html`
      <div class="filters">
        <span class="filters-label" id="filters-label">Filters</span>
        <ul class="chips" aria-labelledby="filters-label">
          ${filters.map(
            ([name, value]) => html`
              <li class="chip filter">
                <span><span class="name">${name}:</span> ${value}</span>
                <button type="button" class="remove" aria-label=${`Remove filter ${name}: ${value}`} title="Remove this filter" @click=${() => this.#removeFilter(name)}>
                  <span aria-hidden="true">✕</span>
                </button>
              </li>
            `,
          )}
        </ul>
      </div>
    `;
  }

  #renderResults(q: string) {
    const tab = this.#tab;
    const newest = this.#sort === 'newest';
    return html`
      <div class="results-head">
        <div role="tablist" aria-label="Kind of result" class="tabs" @keydown=${this.#onTabKey}>
          ${TABS.map((t) => {
            const count = this.#countOf(t);
            return html`
              <button
                role="tab"
                type="button"
                id=${`tab-${t}`}
                aria-controls="results-panel"
                aria-selected=${t === tab ? 'true' : 'false'}
                tabindex=${t === tab ? '0' : '-1'}
                @click=${() => this.#setTab(t)}
              >
                ${tabWords(t)}${count === null ? nothing : html` <span class="count">${countText(count, this.capped)}</span>`}
              </button>
            `;
          })}
        </div>
        <label class="sort">
          Sort
          <select .value=${this.#sort} @change=${this.#onSort}>
            <option value="relevance" ?selected=${!newest}>Best match</option>
            <option value="newest" ?selected=${newest}>Newest</option>
          </select>
        </label>
      </div>
      <div role="tabpanel" id="results-panel" aria-labelledby=${`tab-${tab}`}>${this.#renderPanel(q, tab)}</div>
    `;
  }

  #countOf(tab: Tab): number | null {
    const counts = this.counts;
    if (!counts) return null;
    return tab === 'all' ? SEARCH_KINDS.reduce((n, k) => n + (counts[k] ?? 0), 0) : (counts[tab] ?? 0);
  }

  #renderPanel(q: string, tab: Tab) {
    const list = this.#list;
    if (list.error && !this.#moreFailed) return this.#errorBox(list.error);
    if (list.loading === 'initial' || list.loading === 'reload' || !list.loaded) {
      return html`<div aria-busy="true"><fl-loading label=${`Searching for “${q}”…`} rows="4"></fl-loading></div>`;
    }
    if (list.items.length === 0) return this.#renderEmpty(q, tab);
    const total = this.#countOf(tab) ?? list.items.length;
    const what = tab === 'all' ? 'matches' : KIND_WORDS[tab].many.toLowerCase();
    const newest = this.#sort === 'newest';
    return html`
      <p class="summary" role="status">
        ${list.nextCursor ? `Showing ${list.items.length} of ${countText(total, this.capped)} ${what}` : `${countText(total, this.capped)} ${total === 1 ? 'match' : what}`}
        for “${q}”, ${newest ? 'newest' : 'best'} first.
      </p>
      ${this.capped
        ? html`<p class="message warning capped">
            ${newest
              ? 'So many things match that only the most recent of them were counted: the counts are lower bounds. “Load more” still goes back through all of them.'
              : 'So many things match that only the most recent of them were ranked: the counts are lower bounds. Add a word or a filter to narrow the search.'}
          </p>`
        : nothing}
      <ol class="results" aria-busy=${list.loading ? 'true' : 'false'}>
        ${list.items.map((hit, i) => this.#renderHit(hit, i))}
      </ol>
      ${list.error && this.#moreFailed ? html`<p class="message error" role="alert">More results could not be loaded: ${list.error.message}</p>` : nothing}
      ${list.nextCursor
        ? html`<div class="load-more">
            <button type="button" ?disabled=${list.loading === 'more'} @click=${this.#loadMore}>${list.loading === 'more' ? 'Loading…' : 'Load more'}</button>
          </div>`
        : nothing}
    `;
  }

  #renderHit(hit: SearchHit, index: number) {
    return html`
      <li class="result">
        <div class="meta">
          <span class=${`kind-badge ${hit.kind}`}>${KIND_WORDS[hit.kind].one}</span>
          <fl-time .datetime=${hit.at}></fl-time>
        </div>
        <h2 class="title"><a href=${hit.url} data-index=${index}>${highlighted(hit.title)}</a></h2>
        ${snippetOf(hit) ? html`<p class="snippet">${highlighted(snippetOf(hit))}</p>` : nothing}
      </li>
    `;
  }

  #renderEmpty(q: string, tab: Tab) {
    const all = this.#countOf('all') ?? 0;
    if (tab !== 'all' && all > 0) {
      return html`<fl-empty-state heading=${`No ${KIND_WORDS[tab].many.toLowerCase()} match “${q}”.`}>
        <p>Other kinds do: <button type="button" class="link" @click=${() => this.#setTab('all', true)}>show all ${countText(all, this.capped)} matches</button>.</p>
      </fl-empty-state>`;
    }
    return html`<fl-empty-state heading=${`No matches for “${q}”.`}>
      <p>Check the spelling, use fewer words, remove a filter, or end a word with <code>*</code> to match its beginning (<code>integr*</code>).</p>
    </fl-empty-state>`;
  }

  #errorBox(error: ApiError) {
    return html`<div class="message error" role="alert">
      <p>This search could not run: ${error.message}</p>
      ${error.status === 400
        ? html`<p class="hint-line">Change the search above; “How to search” lists the filters and their values.</p>`
        : html`<button class="small" type="button" @click=${this.#retry}>Try again</button>`}
    </div>`;
  }

  #retry(): void {
    this.#moreFailed = false;
    void this.#list.reload();
  }

  #renderHelp() {
    return html`
      <aside class="help" aria-labelledby="search-help-summary">
        <h2 id="search-help-summary">How to search</h2>
        <div class="help-body">
          <dl class="syntax">
            ${SYNTAX_HELP.map((s) => html`<div><dt><code>${s.syntax}</code></dt><dd>${s.does}</dd></div>`)}
          </dl>
          <h3 class="help-heading">Filters</h3>
          <dl class="syntax">
            ${SEARCH_FILTERS.map((f) => html`<div><dt><code>${FILTER_HELP[f].example}</code></dt><dd>${FILTER_HELP[f].does}</dd></div>`)}
          </dl>
          <p class="hint">Filters combine with words and with each other: <code>export team:product sentiment:negative after:2026-10-01</code>.</p>
        </div>
      </aside>
    `;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#q');
    const q = input?.value.trim() ?? '';
    if (!q) {
      router.navigate('/search');
      return;
    }
    const href = hrefOf(q, this.#tab, this.#sort);
    if (href === location.pathname + location.search) this.#retry();
    else router.navigate(href);
  }

  async #removeFilter(name: SearchFilter): Promise<void> {
    const q = withoutFilter(this.#q, name).trim();
    router.navigate(q ? hrefOf(q, this.#tab, this.#sort) : '/search');
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#q');
    if (input) input.value = q;
    // The chip is gone: the next chip, or the search box, takes the focus.
    const next = this.renderRoot.querySelector<HTMLElement>('.chip .remove') ?? input;
    next?.focus();
  }

  #setTab(tab: Tab, focus = false): void {
    router.navigate(hrefOf(this.#q, tab, this.#sort), { replace: true });
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onSort(event: Event): void {
    const sort = sortOf(new URLSearchParams({ sort: (event.target as HTMLSelectElement).value }));
    router.navigate(hrefOf(this.#q, this.#tab, sort), { replace: true });
  }

  #onTabKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = TABS.indexOf(this.#tab);
    let next: Tab | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = TABS[(at + 1) % TABS.length];
        break;
      case 'ArrowLeft':
        next = TABS[(at - 1 + TABS.length) % TABS.length];
        break;
      case 'Home':
        next = TABS[0];
        break;
      case 'End':
        next = TABS[TABS.length - 1];
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) this.#setTab(next, true);
  }

  async #loadMore(): Promise<void> {
    const before = this.#list.items.length;
    this.#moreFailed = true;
    await this.#list.loadMore();
    await this.updateComplete;
    // The button may be gone; reading goes on at the first new result.
    if (this.#list.items.length > before) this.renderRoot.querySelector<HTMLElement>(`.result a[data-index="${before}"]`)?.focus();
  }
}

customElements.define('fl-search-page', SearchPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-search-page': SearchPage;
  }
}
