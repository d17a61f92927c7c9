import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Page } from '../../shared/pagination.js';
import { ApiError } from '../api/http.js';

export type FetchPage<T> = (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

/**
 * A cursor-paginated list (`{items, nextCursor}`) for an element: first page,
 * "load more", reload (a newer reload cancels an older one, so typing in a
 * search box never shows stale answers), and local edits after a mutation.
 */
export class PagedListController<T> implements ReactiveController {
  items: T[] = [];
  nextCursor: string | null = null;
  /** `initial` before the first answer; `more` while a further page loads. */
  loading: 'initial' | 'reload' | 'more' | null = null;
  loaded = false;
  error: ApiError | null = null;
  #abort: AbortController | null = null;
  readonly #host: ReactiveControllerHost;

  constructor(
    host: ReactiveControllerHost,
    private fetchPage: FetchPage<T>,
    private readonly keyOf: (item: T) => string,
  ) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Loads the first page again, e.g. for a new search; `fetchPage` may be replaced for new filters. */
  reload(fetchPage: FetchPage<T> = this.fetchPage): Promise<void> {
    this.fetchPage = fetchPage;
    return this.#load(null, this.loaded ? 'reload' : 'initial');
  }

  loadMore(): Promise<void> {
    if (!this.nextCursor || this.loading) return Promise.resolve();
    return this.#load(this.nextCursor, 'more');
  }

  async #load(cursor: string | null, kind: 'initial' | 'reload' | 'more'): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = kind;
    this.error = null;
    this.#host.requestUpdate();
    try {
      const page = await this.fetchPage(cursor, abort.signal);
      if (abort.signal.aborted) return;
      this.items = cursor ? [...this.items, ...page.items.filter((i) => !this.#has(this.keyOf(i)))] : page.items;
      this.nextCursor = page.nextCursor;
      this.loaded = true;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error instanceof ApiError ? error : new ApiError(0, 'network', 'The list could not be loaded. Try again.');
    } finally {
      if (this.#abort === abort) {
        this.loading = null;
        this.#abort = null;
        this.#host.requestUpdate();
      }
    }
  }

  #has(key: string): boolean {
    return this.items.some((i) => this.keyOf(i) === key);
  }

  /** Replaces an item in place (after an edit), or adds it at the start when it is new here. */
  upsert(item: T): void {
    const key = this.keyOf(item);
    this.items = this.#has(key) ? this.items.map((i) => (this.keyOf(i) === key ? item : i)) : [item, ...this.items];
    this.#host.requestUpdate();
  }

  remove(key: string): void {
    this.items = this.items.filter((i) => this.keyOf(i) !== key);
    this.#host.requestUpdate();
  }

  find(key: string): T | undefined {
    return this.items.find((i) => this.keyOf(i) === key);
  }
}
