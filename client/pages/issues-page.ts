import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ISSUE_KINDS, ISSUE_STATUSES, STATUS_LABELS, type IssueKind, type IssueStatus, type IssueSummary } from '../../shared/issues.js';
import type { Team } from '../../shared/teams.js';
import { listIssues, type IssueSort } from '../api/issues.js';
import { ApiError } from '../api/http.js';
import { listAllTeams } from '../api/teams.js';
import '../components/empty-state.js';
import '../components/issue-card.js';
import type { IssueCard } from '../components/issue-card.js';
import { ageTime, KIND_LABELS } from '../components/issue-words.js';
import { issueBadges } from '../components/issue.styles.js';
import '../components/loading-state.js';
import '../components/relative-time.js';
import { PagedListController } from '../controllers/paged-list.js';
import { RouteController } from '../controllers/route.js';
import { SessionController } from '../controllers/session.js';
import { LiveController } from '../controllers/live.js';
import { plural } from '../format.js';
import { router } from '../router.js';
import { base, controls, messages, tables, page } from '../styles/shared.styles.js';
import { issuesPageStyles } from './issues-page.styles.js';

type View = 'board' | 'list';

interface Filters {
  view: View;
  teamId: string;
  kind: IssueKind | '';
  /** List only: a comma list of statuses, or '' for all. */
  status: string;
  mine: boolean;
  sort: IssueSort;
  /** Raised within [raisedFrom, raisedTo): set by the dashboard's figures for their period. */
  raisedFrom: string;
  raisedTo: string;
}

const SORTS: readonly { id: IssueSort; label: string; words: string }[] = [
  { id: 'priority', label: 'Priority', words: 'highest priority first' },
  { id: 'age', label: 'Age', words: 'oldest first' },
  { id: 'updated', label: 'Updated', words: 'recently updated first' },
];

/** The list's status filter: groups first, then each status. */
const STATUS_FILTERS: readonly { value: string; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'open,claimed,in_progress', label: 'Not closed' },
  { value: 'resolved,wont_fix', label: 'Closed' },
  ...ISSUE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];

const BOARD_PAGE = 20;
const LIST_PAGE = 50;

const isInstant = (value: string | null) => value !== null && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

function filtersOf(query: URLSearchParams): Filters {
  const kind = query.get('kind') ?? '';
  const sort = query.get('sort') ?? '';
  const status = query.get('status') ?? '';
  return {
    view: query.get('view') === 'list' ? 'list' : 'board',
    teamId: query.get('team') ?? '',
    kind: (ISSUE_KINDS as readonly string[]).includes(kind) ? (kind as IssueKind) : '',
    status: STATUS_FILTERS.some((f) => f.value === status) ? status : '',
    mine: query.get('mine') === '1',
    sort: SORTS.some((s) => s.id === sort) ? (sort as IssueSort) : 'updated',
    raisedFrom: isInstant(query.get('raisedFrom')) ? (query.get('raisedFrom') as string) : '',
    raisedTo: isInstant(query.get('raisedTo')) ? (query.get('raisedTo') as string) : '',
  };
}

function searchOf(f: Filters): string {
  const params = new URLSearchParams();
  if (f.view === 'list') params.set('view', 'list');
  if (f.teamId) params.set('team', f.teamId);
  if (f.kind) params.set('kind', f.kind);
  if (f.mine) params.set('mine', '1');
  if (f.view === 'list' && f.status) params.set('status', f.status);
  if (f.view === 'list' && f.sort !== 'updated') params.set('sort', f.sort);
  if (f.raisedFrom) params.set('raisedFrom', f.raisedFrom);
  if (f.raisedTo) params.set('raisedTo', f.raisedTo);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** What each load depends on; a change reloads. */
const loadKey = (f: Filters, me: string) =>
  JSON.stringify(
    f.view === 'board' ? [f.view, f.teamId, f.kind, f.mine && me, f.raisedFrom, f.raisedTo] : [f.view, f.teamId, f.kind, f.mine && me, f.status, f.sort, f.raisedFrom, f.raisedTo],
  );

/**
 * `/issues`: a board with a column per status, or a sortable list (the view,
 * filters and sort live in the URL), cursor-paged. Cards and titles link to
 * `/issues/:id`; on the board the arrow keys move between cards.
 */
export class IssuesPage extends LitElement {
  static override styles = [base, page, controls, messages, tables, issueBadges, issuesPageStyles];
  static override properties = {
    teams: { state: true },
  };

  declare teams: Team[] | null;

  readonly #route = new RouteController(this);
  readonly #session = new SessionController(this);
  readonly #columns = new Map<IssueStatus, PagedListController<IssueSummary>>(
    ISSUE_STATUSES.map((status) => [
      status,
      new PagedListController<IssueSummary>(
        this,
        (cursor, signal) => listIssues({ ...this.#query(), status: [status], sort: 'priority', limit: BOARD_PAGE, cursor }, signal),
        (i) => i.id,
      ),
    ]),
  );
  readonly #list = new PagedListController<IssueSummary>(
    this,
    (cursor, signal) => {
      const f = this.#filters;
      return listIssues({ ...this.#query(), status: f.status ? (f.status.split(',') as IssueStatus[]) : undefined, sort: f.sort, limit: LIST_PAGE, cursor }, signal);
    },
    (i) => i.id,
  );
  #loadedKey = '';
  #liveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Issues raised, moved or re-prioritised anywhere refresh the visible view in place (debounced). */
  protected readonly liveUpdates = new LiveController(this, {
    types: ['issue.created', 'issue.updated', 'issue.transitioned', 'evidence.changed', 'reaction.changed'],
    onEvent: () => this.#refreshSoon(),
    onResync: () => this.#refreshSoon(),
  });

  #refreshSoon(): void {
    if (this.#liveTimer) return;
    this.#liveTimer = setTimeout(() => {
      this.#liveTimer = null;
      if (this.#route.route.name !== 'issues') return;
      if (this.#filters.view === 'board') for (const column of this.#columns.values()) void column.reload();
      else void this.#list.reload();
    }, 300);
  }

  constructor() {
    super();
    this.teams = null;
  }

  get #filters(): Filters {
    return filtersOf(this.#route.route.query);
  }

  /** Filters shared by the board and the list. */
  #query() {
    const f = this.#filters;
    return {
      teamId: f.teamId || undefined,
      kind: f.kind ? [f.kind] : undefined,
      assigneeId: f.mine ? (this.#session.user?.id ?? undefined) : undefined,
      raisedFrom: f.raisedFrom || undefined,
      raisedTo: f.raisedTo || undefined,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#loadedKey = '';
    void this.#loadTeams();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.#route.route.name !== 'issues') return;
    const f = this.#filters;
    const key = loadKey(f, this.#session.user?.id ?? '');
    if (key === this.#loadedKey) return;
    this.#loadedKey = key;
    if (f.view === 'board') for (const column of this.#columns.values()) void column.reload();
    else void this.#list.reload();
  }

  async #loadTeams(): Promise<void> {
    try {
      this.teams = await listAllTeams();
    } catch {
      this.teams = [];
    }
  }

  #set(change: Partial<Filters>): void {
    router.navigate(`/issues${searchOf({ ...this.#filters, ...change })}`, { replace: true });
  }

  override render() {
    const f = this.#filters;
    return html`
      <div class="page-head">
        <div>
          <h1>Issues</h1>
          <p class="lede">Work raised from what customers said, from open to resolved. Claim one to own it.</p>
        </div>
      </div>
      <div class="toolbar">
        <div role="tablist" aria-label="View" class="views" @keydown=${this.#onViewKey}>
          ${(['board', 'list'] as const).map(
            (v) => html`
              <button role="tab" type="button" id=${`view-${v}`} aria-controls="issues-panel" aria-selected=${f.view === v ? 'true' : 'false'}
                tabindex=${f.view === v ? '0' : '-1'} @click=${() => this.#set({ view: v })}>${v === 'board' ? 'Board' : 'List'}</button>
            `,
          )}
        </div>
        ${this.#renderFilters(f)}
      </div>
      <div role="tabpanel" id="issues-panel" aria-labelledby=${`view-${f.view}`}>
        ${f.view === 'board' ? this.#renderBoard(f) : this.#renderList(f)}
      </div>
    `;
  }

  #renderFilters(f: Filters) {
    const filtered = Boolean(f.teamId || f.kind || f.mine || f.raisedFrom || f.raisedTo || (f.view === 'list' && f.status));
    return html`
      <form class="filters" aria-label="Filter issues" @submit=${(e: SubmitEvent) => e.preventDefault()}>
        <div class="field">
          <label for="filter-team">Team</label>
          <select id="filter-team" @change=${(e: Event) => this.#set({ teamId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!f.teamId}>All teams</option>
            ${(this.teams ?? []).map((t) => html`<option value=${t.id} ?selected=${t.id === f.teamId}>${t.name}</option>`)}
            ${f.teamId && this.teams === null ? html`<option value=${f.teamId} selected>Loading…</option>` : nothing}
          </select>
        </div>
        <div class="field">
          <label for="filter-kind">Kind</label>
          <select id="filter-kind" @change=${(e: Event) => this.#set({ kind: (e.target as HTMLSelectElement).value as IssueKind | '' })}>
            <option value="" ?selected=${!f.kind}>All kinds</option>
            ${ISSUE_KINDS.map((k) => html`<option value=${k} ?selected=${k === f.kind}>${KIND_LABELS[k]}</option>`)}
          </select>
        </div>
        ${f.view === 'list'
          ? html`
              <div class="field">
                <label for="filter-status">Status</label>
                <select id="filter-status" @change=${(e: Event) => this.#set({ status: (e.target as HTMLSelectElement).value })}>
                  ${STATUS_FILTERS.map((s) => html`<option value=${s.value} ?selected=${s.value === f.status}>${s.label}</option>`)}
                </select>
              </div>
            `
          : nothing}
        <label class="check">
          <input type="checkbox" .checked=${f.mine} @change=${(e: Event) => this.#set({ mine: (e.target as HTMLInputElement).checked })} />
          Assigned to me
        </label>
        ${f.raisedFrom || f.raisedTo
          ? html`<p class="raised">
              Raised ${f.raisedFrom ? html`from <fl-time .datetime=${f.raisedFrom}></fl-time>` : nothing}
              ${f.raisedTo ? html`until <fl-time .datetime=${f.raisedTo}></fl-time>` : nothing}
              <button type="button" class="small" @click=${() => this.#set({ raisedFrom: '', raisedTo: '' })}>Any time</button>
            </p>`
          : nothing}
        ${filtered
          ? html`<button type="button" class="small clear" @click=${() => this.#set({ teamId: '', kind: '', mine: false, status: '', raisedFrom: '', raisedTo: '' })}>Clear filters</button>`
          : nothing}
      </form>
    `;
  }

  #filterWords(f: Filters): string {
    const team = f.teamId ? this.teams?.find((t) => t.id === f.teamId)?.name : '';
    const parts = [f.kind ? KIND_LABELS[f.kind] : '', team ? `of ${team}` : '', f.mine ? 'assigned to you' : ''].filter(Boolean);
    return parts.join(', ');
  }

  #emptyAll(f: Filters) {
    const words = this.#filterWords(f);
    return words || (f.view === 'list' && f.status)
      ? html`<fl-empty-state heading="No issues match these filters.">
          <p>Try another team or kind, or <button type="button" class="link" @click=${() => this.#set({ teamId: '', kind: '', mine: false, status: '', raisedFrom: '', raisedTo: '' })}>clear the filters</button>.</p>
        </fl-empty-state>`
      : html`<fl-empty-state heading="No issues yet.">
          <p>Open an insight in the <a href="/">feed</a> and raise an issue from it: what the customer said becomes its evidence.</p>
        </fl-empty-state>`;
  }

  // ——— Board ———

  #renderBoard(f: Filters) {
    const columns = [...this.#columns.entries()];
    const allLoaded = columns.every(([, c]) => c.loaded);
    const anyError = columns.find(([, c]) => c.error && !c.loaded)?.[1].error;
    if (anyError) return this.#errorBox(anyError, () => columns.forEach(([, c]) => void c.reload()));
    if (!allLoaded) {
      return html`<div aria-busy="true"><fl-loading label="Loading the board…" rows="4"></fl-loading></div>`;
    }
    if (columns.every(([, c]) => c.items.length === 0)) return this.#emptyAll(f);
    return html`
      <p class="hint board-hint">Arrow keys move between cards; Enter opens one.</p>
      <div class="board" @keydown=${this.#onBoardKey}>
        ${columns.map(([status, column], col) => this.#renderColumn(status, column, col))}
      </div>
    `;
  }

  #renderColumn(status: IssueStatus, column: PagedListController<IssueSummary>, col: number) {
    const count = `${column.items.length}${column.nextCursor ? '+' : ''}`;
    return html`
      <section class=${`column column-${status}`} aria-labelledby=${`col-${status}`} aria-busy=${column.loading ? 'true' : 'false'}>
        <h2 id=${`col-${status}`}>
          <span class=${`status status-${status}`}>${STATUS_LABELS[status]}</span>
          <span class="count" aria-label=${`${count} ${column.items.length === 1 ? 'issue' : 'issues'}`}>${count}</span>
        </h2>
        ${column.items.length === 0
          ? html`<p class="column-empty">${this.#columnEmptyWords(status)}</p>`
          : html`
              <ol class="cards">
                ${column.items.map((issue, row) => html`<li><fl-issue-card .issue=${issue} data-col=${col} data-row=${row}></fl-issue-card></li>`)}
              </ol>
            `}
        ${column.error && column.loaded ? html`<p class="message error" role="alert">${column.error.message}</p>` : nothing}
        ${column.nextCursor
          ? html`<button type="button" class="small more" ?disabled=${column.loading === 'more'} @click=${() => column.loadMore()}
              aria-label=${`Load more ${STATUS_LABELS[status]} issues`}>${column.loading === 'more' ? 'Loading…' : 'Load more'}</button>`
          : nothing}
      </section>
    `;
  }

  #columnEmptyWords(status: IssueStatus): string {
    switch (status) {
      case 'open':
        return 'Nothing waiting. New issues raised from insights land here.';
      case 'claimed':
        return 'Nobody has claimed an issue yet. Open one and press Claim.';
      case 'in_progress':
        return 'Nothing in progress. Start a claimed issue to show it here.';
      case 'resolved':
        return 'Nothing resolved yet.';
      case 'wont_fix':
        return 'Nothing declined.';
    }
  }

  /** Arrow keys: up and down within a column, left and right to the next column with cards; Home and End. */
  async #onBoardKey(event: KeyboardEvent): Promise<void> {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const card = event.composedPath().find((n): n is IssueCard => n instanceof HTMLElement && n.localName === 'fl-issue-card');
    if (!card) return;
    const col = Number(card.dataset.col);
    const row = Number(card.dataset.row);
    const lengths = [...this.#columns.values()].map((c) => c.items.length);
    let target: [number, number] | null;
    const across = (step: number): [number, number] | null => {
      for (let c = col + step; c >= 0 && c < lengths.length; c += step) {
        const n = lengths[c] ?? 0;
        if (n > 0) return [c, Math.min(row, n - 1)];
      }
      return null;
    };
    switch (event.key) {
      case 'ArrowDown':
        target = row + 1 < (lengths[col] ?? 0) ? [col, row + 1] : null;
        break;
      case 'ArrowUp':
        target = row > 0 ? [col, row - 1] : null;
        break;
      case 'ArrowRight':
        target = across(1);
        break;
      case 'ArrowLeft':
        target = across(-1);
        break;
      case 'Home':
        target = [col, 0];
        break;
      case 'End':
        target = [col, Math.max(0, (lengths[col] ?? 1) - 1)];
        break;
      default:
        return;
    }
    event.preventDefault();
    if (!target) return;
    const next = this.renderRoot.querySelector<IssueCard>(`fl-issue-card[data-col="${target[0]}"][data-row="${target[1]}"]`);
    next?.focus();
    next?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  // ——— List ———

  #renderList(f: Filters) {
    const list = this.#list;
    if (list.loading === 'initial' || (!list.loaded && !list.error)) {
      return html`<div aria-busy="true"><fl-loading label="Loading issues…" rows="6"></fl-loading></div>`;
    }
    if (list.error && !list.loaded) return this.#errorBox(list.error, () => void list.reload());
    if (list.items.length === 0) return this.#emptyAll(f);
    const sort = SORTS.find((s) => s.id === f.sort);
    return html`
      <p class="hint" role="status">${plural(list.items.length, 'issue')}${list.nextCursor ? ' shown, more below' : ''}, ${sort?.words ?? ''}.</p>
      <div class="table-wrap" aria-busy=${list.loading ? 'true' : 'false'}>
        <table>
          <caption class="visually-hidden">Issues, ${sort?.words ?? ''}</caption>
          <thead>
            <tr>
              <th scope="col" class="col-title">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Kind</th>
              <th scope="col">Team</th>
              <th scope="col">Assignee</th>
              ${this.#sortHeader('priority', f, 'num')}
              <th scope="col" class="num">Evidence</th>
              ${this.#sortHeader('age', f)}
              ${this.#sortHeader('updated', f)}
            </tr>
          </thead>
          <tbody>
            ${list.items.map(
              (i) => html`
                <tr>
                  <td class="col-title"><a href=${`/issues/${encodeURIComponent(i.id)}`}>${i.title}</a></td>
                  <td><span class=${`status status-${i.status}`}>${STATUS_LABELS[i.status]}</span></td>
                  <td>${KIND_LABELS[i.kind]}</td>
                  <td>${i.team?.name ?? html`<span class="muted">None</span>`}</td>
                  <td class="person">${i.assignee?.displayName ?? html`<span class="muted">Unassigned</span>`}</td>
                  <td class="num">
                    <span class=${i.priority.override ? 'score overridden' : 'score'} title=${i.priority.override ? `Overridden: ${i.priority.override.reason}` : i.priority.reasons.join(' · ')}>${i.priority.score}</span>
                  </td>
                  <td class="num">${i.evidenceCount}</td>
                  <td class="nowrap">${ageTime(i.createdAt)}</td>
                  <td class="nowrap"><fl-time .datetime=${i.updatedAt}></fl-time></td>
                </tr>
              `,
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

  #sortHeader(id: IssueSort, f: Filters, className = '') {
    const sort = SORTS.find((s) => s.id === id);
    const active = f.sort === id;
    return html`
      <th scope="col" class=${className} aria-sort=${active ? 'descending' : 'none'}>
        <button type="button" class="sort" aria-pressed=${active ? 'true' : 'false'} title=${`Sort by ${sort?.label.toLowerCase()}: ${sort?.words}`}
          @click=${() => this.#set({ sort: id })}>
          ${sort?.label}<span class="arrow" aria-hidden="true">${active ? '▼' : '↕'}</span>
        </button>
      </th>
    `;
  }

  #errorBox(error: ApiError, retry: () => void) {
    return html`<div class="message error" role="alert">
      Issues could not be loaded: ${error.message} <button class="small" type="button" @click=${retry}>Try again</button>
    </div>`;
  }

  async #onViewKey(event: KeyboardEvent): Promise<void> {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const view: View = event.key === 'Home' ? 'board' : event.key === 'End' ? 'list' : this.#filters.view === 'board' ? 'list' : 'board';
    this.#set({ view });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#view-${view}`)?.focus();
  }
}

customElements.define('fl-issues-page', IssuesPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-issues-page': IssuesPage;
  }
}
