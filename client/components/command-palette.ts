import { html, LitElement, nothing } from 'lit';
import { LIMITS } from '../../shared/limits.js';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResults } from '../../shared/search.js';
import { ApiError } from '../api/http.js';
import { search } from '../api/search.js';
import { router } from '../router.js';
import { base, controls, messages } from '../styles/shared.styles.js';
import { commandPaletteStyles } from './command-palette.styles.js';
import './relative-time.js';
import { countText, filterNamesLine, highlighted, KIND_WORDS, snippetOf } from './search-hit.js';
import { searchHitStyles } from './search-hit.styles.js';

/** Quiet time after the last key press before asking the server. */
const DEBOUNCE_MS = 150;
/** Hits asked for at first, across kinds; a kind with matches but none among them is asked for on its own. */
const FIRST_PAGE = 20;
/** Hits shown under each kind's heading. */
const PER_GROUP = 4;

interface Group {
  kind: SearchKind;
  count: number;
  hits: SearchHit[];
}

interface Shown {
  query: string;
  total: number;
  capped: boolean;
  groups: Group[];
}

type Option = { type: 'hit'; key: string; hit: SearchHit } | { type: 'all'; key: 'all' };

/** The element that had focus, looking through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

function shownOf(query: string, answer: SearchResults, hits: SearchHit[]): Shown {
  const groups = SEARCH_KINDS.map((kind) => ({ kind, count: answer.counts[kind] ?? 0, hits: hits.filter((h) => h.kind === kind).slice(0, PER_GROUP) })).filter(
    (g) => g.hits.length > 0,
  );
  const total = SEARCH_KINDS.reduce((n, kind) => n + (answer.counts[kind] ?? 0), 0);
  return { query, total, capped: answer.capped, groups };
}

/**
 * The quick search opened by `/` or Ctrl/Cmd+K: a modal dialog with an ARIA
 * combobox whose listbox fills as the person types (debounced, older answers
 * dropped), hits grouped by kind with their counts. Arrow keys move the
 * active option, Enter opens it (or, with none active, the results page),
 * Esc closes. Call `show()`; it closes itself.
 */
/** While typing, the last word is still being written: search it as a prefix ("expo" finds "export"). */
const asYouType = (q: string): string => (/(^|\s)[\p{L}\p{N}]{2,}$/u.test(q) ? `${q}*` : q);

export class CommandPalette extends LitElement {
  static override styles = [base, controls, messages, searchHitStyles, commandPaletteStyles];
  static override properties = {
    text: { state: true },
    shown: { state: true },
    loading: { state: true },
    error: { state: true },
    activeKey: { state: true },
  };

  declare text: string;
  declare shown: Shown | null;
  declare loading: boolean;
  declare error: string;
  /** The active option ('all' or `kind:id`), kept across answers that add groups. */
  declare activeKey: string | null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | null = null;
  #seq = 0;
  #returnFocus: HTMLElement | null = null;
  #navigating = false;

  constructor() {
    super();
    this.text = '';
    this.shown = null;
    this.loading = false;
    this.error = '';
    this.activeKey = null;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  get isOpen(): boolean {
    return this.#dialog?.open ?? false;
  }

  /** Opens the palette with the last query selected, so typing replaces it. */
  async show(): Promise<void> {
    await this.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    this.#returnFocus = deepActiveElement();
    this.#navigating = false;
    this.activeKey = null;
    dialog.showModal();
    const input = this.#input;
    input?.focus();
    input?.select();
    const q = this.text.trim();
    if (q && this.shown?.query !== q) void this.#run(q);
  }

  close(): void {
    this.#dialog?.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  get #options(): Option[] {
    const shown = this.shown;
    if (!shown || shown.groups.length === 0) return [];
    const hits: Option[] = shown.groups.flatMap((g) => g.hits.map((hit) => ({ type: 'hit' as const, key: `${hit.kind}:${hit.id}`, hit })));
    return [...hits, { type: 'all', key: 'all' }];
  }

  override render() {
    const options = this.#options;
    const activeIndex = options.findIndex((o) => o.key === this.activeKey);
    const expanded = options.length > 0;
    return html`
      <dialog aria-labelledby="palette-title" @close=${this.#onClose} @click=${this.#onBackdrop}>
        <h2 id="palette-title" class="visually-hidden">Search Frontline</h2>
        <div class="bar">
          <span class="glass" aria-hidden="true"></span>
          <input
            type="text"
            role="combobox"
            aria-label="Search Frontline"
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls="palette-results"
            aria-activedescendant=${activeIndex >= 0 ? `palette-option-${activeIndex}` : nothing}
            aria-describedby="palette-help"
            autocomplete="off"
            spellcheck="false"
            enterkeyhint="search"
            maxlength=${LIMITS.searchQueryLength}
            placeholder="Search insights, replies, issues and customers…"
            .value=${this.text}
            @input=${this.#onInput}
            @keydown=${this.#onKeyDown}
          />
          <button class="esc" type="button" title="Close (Esc)" aria-label="Close" @click=${() => this.close()}>Esc</button>
        </div>
        <div class="body" aria-busy=${this.loading ? 'true' : 'false'}>
          ${this.loading ? html`<div class="progress" aria-hidden="true"></div>` : nothing}
          <p class="status" role="status">${this.#statusWords()}</p>
          ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : nothing}
          ${this.#renderList(options, activeIndex)}
        </div>
        <footer id="palette-help">
          <p class="keys"><kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close · Enter with nothing chosen shows all results.</p>
          <p>All words must match. <code>"a phrase"</code> <code>-leave-out</code> <code>prefix*</code> · ${filterNamesLine()}</p>
        </footer>
      </dialog>
    `;
  }

  #statusWords(): string {
    const q = this.text.trim();
    if (!q) return 'Type to search insights, replies, issues and customers.';
    const shown = this.shown;
    if (this.error) return '';
    if (!shown || shown.query !== q) return this.loading ? 'Searching…' : '';
    if (shown.total === 0) return `No matches for “${shown.query}”. Check the spelling, use fewer words, or end a word with * to match its beginning.`;
    const count = countText(shown.total, shown.capped);
    return `${count} ${shown.total === 1 && !shown.capped ? 'match' : 'matches'} for “${shown.query}”${this.loading ? ', searching…' : '.'}`;
  }

  #renderList(options: Option[], activeIndex: number) {
    const shown = this.shown;
    if (!shown || options.length === 0) return html`<div id="palette-results" role="listbox" aria-label="Results" hidden></div>`;
    let index = 0;
    const seeAll = options.length - 1;
    return html`
      <div
        id="palette-results"
        role="listbox"
        class=${shown.query === this.text.trim() ? '' : 'stale'}
        aria-label=${`Results for “${shown.query}”`}
        @mousedown=${(e: MouseEvent) => e.preventDefault()}>
        ${shown.groups.map(
          (group) => html`
            <div role="group" class="group" aria-labelledby=${`palette-group-${group.kind}`}>
              <div class="group-head" role="presentation" id=${`palette-group-${group.kind}`}>
                ${KIND_WORDS[group.kind].many} <span class="count">${countText(group.count, shown.capped)}</span>
              </div>
              ${group.hits.map((hit) => {
                const i = index++;
                return html`
                  <div
                    role="option"
                    class="hit"
                    id=${`palette-option-${i}`}
                    aria-selected=${i === activeIndex ? 'true' : 'false'}
                    @click=${() => this.#openHit(hit)}
                    @mousemove=${() => (this.activeKey = `${hit.kind}:${hit.id}`)}
                  >
                    <span class="title">${highlighted(hit.title)}</span>
                    <fl-time class="when" .datetime=${hit.at}></fl-time>
                    ${snippetOf(hit) ? html`<span class="snippet">${highlighted(snippetOf(hit))}</span>` : nothing}
                  </div>
                `;
              })}
            </div>
          `,
        )}
        <div
          role="option"
          class="see-all"
          id=${`palette-option-${seeAll}`}
          aria-selected=${activeIndex === seeAll ? 'true' : 'false'}
          @click=${() => this.#seeAll()}
          @mousemove=${() => (this.activeKey = 'all')}
        >
          See all results for “${shown.query}” <span aria-hidden="true">→</span>
        </div>
      </div>
    `;
  }

  protected override updated(): void {
    if (this.activeKey === null) return;
    this.renderRoot.querySelector('[role="option"][aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  #onInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    this.activeKey = null;
    clearTimeout(this.#timer);
    const q = this.text.trim();
    if (!q) {
      this.#abort?.abort();
      this.#seq++;
      this.shown = null;
      this.error = '';
      this.loading = false;
      return;
    }
    this.loading = true;
    this.#timer = setTimeout(() => void this.#run(q), DEBOUNCE_MS);
  }

  /** Asks for `q` (its last word as a prefix, since it is still being typed); a newer call aborts this one, and an answer to an older query is never shown. */
  async #run(q: string): Promise<void> {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const seq = ++this.#seq;
    const current = () => seq === this.#seq && !abort.signal.aborted;
    this.loading = true;
    try {
      const first = await search({ q: asYouType(q), limit: FIRST_PAGE }, abort.signal);
      if (!current()) return;
      this.error = '';
      this.shown = shownOf(q, first, first.items);
      // Kinds with matches that ranked below the first page still get a few hits of their own.
      const missing = SEARCH_KINDS.filter((kind) => (first.counts[kind] ?? 0) > 0 && !first.items.some((h) => h.kind === kind));
      if (missing.length === 0) return;
      const more = await Promise.all(missing.map((kind) => search({ q: asYouType(q), kind, limit: PER_GROUP }, abort.signal)));
      if (!current()) return;
      this.shown = shownOf(q, first, [...first.items, ...more.flatMap((m) => m.items)]);
    } catch (error) {
      if (!current()) return;
      this.shown = null;
      this.activeKey = null;
      this.error = error instanceof ApiError ? error.message : 'Search did not answer. Try again.';
    } finally {
      if (seq === this.#seq) {
        this.loading = false;
        if (this.#abort === abort) this.#abort = null;
      }
    }
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    const options = this.#options;
    const index = options.findIndex((o) => o.key === this.activeKey);
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      // Already open: keep the browser's own Ctrl+K away and select the query.
      event.preventDefault();
      this.#input?.select();
      return;
    }
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (options.length) this.activeKey = options[index + 1 < options.length ? index + 1 : 0]?.key ?? null;
        return;
      }
      case 'ArrowUp': {
        event.preventDefault();
        if (options.length) this.activeKey = options[index > 0 ? index - 1 : options.length - 1]?.key ?? null;
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const option = options[index];
        if (option?.type === 'hit') this.#openHit(option.hit);
        else if (this.text.trim()) this.#seeAll();
        return;
      }
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.close();
        return;
    }
  }

  #openHit(hit: SearchHit): void {
    this.#go(hit.url);
  }

  #seeAll(): void {
    const q = this.text.trim();
    if (q) this.#go(`/search?q=${encodeURIComponent(q)}`);
  }

  #go(url: string): void {
    // Another page takes the focus (the shell moves it to the content); the same page keeps it where it was.
    this.#navigating = new URL(url, location.href).pathname !== location.pathname;
    this.close();
    router.navigate(url);
  }

  #onClose(): void {
    clearTimeout(this.#timer);
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (!this.#navigating && target?.isConnected) target.focus();
    this.#navigating = false;
    this.activeKey = null;
  }

  /** A click on the backdrop (outside the dialog's box) closes it, like Esc. */
  #onBackdrop(event: MouseEvent): void {
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.close();
  }
}

customElements.define('fl-command-palette', CommandPalette);

declare global {
  interface HTMLElementTagNameMap {
    'fl-command-palette': CommandPalette;
  }
}
