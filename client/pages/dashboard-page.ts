import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Dashboard } from '../../shared/dashboard.js';
import { CHANNELS, SENTIMENTS } from '../../shared/insights.js';
import { ISSUE_KINDS, ISSUE_STATUSES, STATUS_LABELS } from '../../shared/issues.js';
import type { EventType } from '../../shared/events.js';
import type { Team } from '../../shared/teams.js';
import {
  dashboardCsvUrl,
  getDashboard,
  searchOfSelection,
  selectionFromQuery,
  type DashboardPeriod,
  type DashboardSelection,
  type DashboardTable,
} from '../api/dashboard.js';
import { ApiError } from '../api/http.js';
import { listAllTeams } from '../api/teams.js';
import type { ChartSpec } from '../components/chart-theme.js';
import {
  channelChart,
  insightsWeekChart,
  kindChart,
  networkChart,
  openByAgeChart,
  resolveTrendChart,
  sentimentChart,
  siloTrendChart,
  statusChart,
} from '../components/dashboard-charts.js';
import '../components/dashboard-panel.js';
import type { CsvLink } from '../components/dashboard-panel.js';
import {
  durationWords,
  feedHref,
  hoursShort,
  issueHref,
  issuesHref,
  isoDay,
  OPEN_STATUSES,
  percent,
  periodIsEmpty,
  periodWords,
  siloTeamIds,
  weekLabel,
} from '../components/dashboard-words.js';
import '../components/empty-state.js';
import { issueBadges } from '../components/issue.styles.js';
import '../components/loading-state.js';
import { LiveController } from '../controllers/live.js';
import { RouteController } from '../controllers/route.js';
import { SessionController } from '../controllers/session.js';
import type { FlEvent } from '../events.js';
import { plural } from '../format.js';
import { CHANNEL_LABELS, ISSUE_KIND_LABELS, SENTIMENT_LABELS } from '../labels.js';
import { router } from '../router.js';
import { base, controls, messages, tables, page } from '../styles/shared.styles.js';
import { dashboardPageStyles } from './dashboard-page.styles.js';

const PERIODS: readonly { id: DashboardPeriod; label: string }[] = [
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
  { id: '90d', label: '90 days' },
];

/** Changes that move a figure: the dashboard reloads (at most every REFRESH_MS) when one arrives. */
const LIVE_TYPES: readonly EventType[] = ['issue.created', 'issue.transitioned', 'issue.updated', 'insight.created', 'reply.created', 'evidence.changed'];
const REFRESH_MS = 2_000;

/** The chart code (ECharts) loads only with this page; every other page stays without it. */
let chartsModule: Promise<unknown> | null = null;
const loadCharts = () => (chartsModule ??= import('../components/chart-canvas.js'));

type Specs = Record<'status' | 'kind' | 'resolve' | 'age' | 'channel' | 'sentiment' | 'week' | 'silo' | 'network', ChartSpec>;

const specsOf = (d: Dashboard): Specs => ({
  status: statusChart(d),
  kind: kindChart(d),
  resolve: resolveTrendChart(d),
  age: openByAgeChart(d),
  channel: channelChart(d),
  sentiment: sentimentChart(d),
  week: insightsWeekChart(d),
  silo: siloTrendChart(d),
  network: networkChart(d),
});

const keyOf = (selection: DashboardSelection) => JSON.stringify([selection.period ?? '', selection.from ?? '', selection.to ?? '', selection.teamId]);


/** A two-column table behind a chart: each row a link to the list it counts (for screen readers and "Show table"). */
function linkedCountTable(caption: string, column: string, unit: string, rows: readonly { label: string; href: string; value: number }[]) {
  return html`<div slot="table" class="table-wrap">
    <table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${column}</th><th scope="col" class="num">${unit}</th></tr></thead>
      <tbody>
        ${rows.map((r) => html`<tr><th scope="row"><a href=${r.href}>${r.label}</a></th><td class="num">${r.value}</td></tr>`)}
      </tbody>
    </table>
  </div>`;
}

/**
 * `/dashboard`, for leads and admins: a period (7, 30 or 90 days, or custom
 * dates) and a team, kept in the URL; the headline figures, charts with a
 * table each (and a CSV export), the team interaction network and the top
 * issues. Figures, bars and nodes open the list they count. Live changes
 * reload it, at most every two seconds.
 */
export class DashboardPage extends LitElement {
  static override styles = [base, page, controls, messages, tables, issueBadges, dashboardPageStyles];
  static override properties = {
    data: { state: true },
    error: { state: true },
    loading: { state: true },
    teams: { state: true },
    customOpen: { state: true },
    rangeError: { state: true },
    chartsFailed: { state: true },
  };

  declare data: Dashboard | null;
  declare error: ApiError | null;
  declare loading: boolean;
  declare teams: Team[] | null;
  /** "Custom dates" is chosen but not applied yet. */
  declare customOpen: boolean;
  declare rangeError: string;
  declare chartsFailed: boolean;

  readonly #route = new RouteController(this);
  readonly #session = new SessionController(this);
  #specs: Specs | null = null;
  #requestedKey = '';
  #abort: AbortController | null = null;
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  #lastLoadAt = 0;

  constructor() {
    super();
    this.data = null;
    this.error = null;
    this.loading = false;
    this.teams = null;
    this.customOpen = false;
    this.rangeError = '';
    this.chartsFailed = false;
    new LiveController(this, {
      types: LIVE_TYPES,
      onEvent: () => this.#scheduleRefresh(),
      onResync: () => this.#scheduleRefresh(),
    });
  }

  get #selection(): DashboardSelection {
    return selectionFromQuery(this.#route.route.query);
  }

  /** Members are told at once; the API would answer 403 all the same. */
  get #forbidden(): boolean {
    return this.#session.user?.role === 'member' || this.error?.status === 403;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#requestedKey = '';
    if (this.#session.user?.role !== 'member') {
      loadCharts().catch(() => (this.chartsFailed = true));
      void this.#loadTeams();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#abort = null;
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    this.#refreshTimer = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.#specs = this.data ? specsOf(this.data) : null;
    if (this.#route.route.name !== 'dashboard' || this.#session.user?.role === 'member') return;
    const key = keyOf(this.#selection);
    if (key !== this.#requestedKey) void this.#load();
  }

  async #loadTeams(): Promise<void> {
    try {
      this.teams = await listAllTeams();
    } catch {
      this.teams = [];
    }
  }

  async #load(): Promise<void> {
    const selection = this.#selection;
    this.#requestedKey = keyOf(selection);
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.#lastLoadAt = Date.now();
    try {
      const data = await getDashboard(selection, abort.signal);
      if (abort.signal.aborted) return;
      this.data = data;
      this.error = null;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error instanceof ApiError ? error : new ApiError(0, 'network', 'The dashboard could not be loaded.');
    }
    this.loading = false;
  }

  /** Live changes: one reload for a burst, and none more often than every two seconds. */
  #scheduleRefresh(): void {
    if (this.#refreshTimer || this.#forbidden || !this.isConnected) return;
    const wait = Math.max(300, REFRESH_MS - (Date.now() - this.#lastLoadAt));
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = null;
      // A load under way may have been answered before the change: ask again after it.
      if (this.loading) this.#scheduleRefresh();
      else void this.#load();
    }, wait);
  }

  #select(change: Partial<{ period: DashboardPeriod; range: { from: string; to: string }; teamId: string }>): void {
    const current = this.#selection;
    const teamId = change.teamId ?? current.teamId;
    let next: DashboardSelection;
    if (change.range) next = { from: change.range.from, to: change.range.to, teamId };
    else if (change.period) next = { period: change.period, teamId };
    else next = current.from !== undefined ? { from: current.from, to: current.to, teamId } : { period: current.period, teamId };
    router.navigate(`/dashboard${searchOfSelection(next)}`, { replace: true });
  }

  #csv(table: DashboardTable, label = 'Export CSV'): CsvLink[] {
    return [{ href: dashboardCsvUrl(this.#selection, table), label }];
  }

  #openFromChart(event: FlEvent<'fl-chart-open'>): void {
    router.navigate(event.detail.href);
  }

  // ——— Rendering ———

  override render() {
    if (this.#forbidden) {
      return html`
        ${this.#head(null)}
        <fl-empty-state heading="The dashboard is for leads and admins.">
          <p>Ask an admin if you need it. The <a href="/issues">issues</a> and the <a href="/">feed</a> show what is going on.</p>
        </fl-empty-state>
      `;
    }
    const d = this.data;
    return html`
      ${this.#head(d)} ${this.#controls(d)}
      <div class="content" aria-busy=${this.loading ? 'true' : 'false'} @fl-chart-open=${this.#openFromChart}>${this.#body(d)}</div>
    `;
  }

  #head(d: Dashboard | null) {
    // A preset names itself ("Last 30 days") and shows its dates; a custom range is its dates.
    const dates = d ? (/^Last \d+ days$/.test(d.period.label) ? `${d.period.label} (${periodWords(d.period)})` : periodWords(d.period)) : '';
    const scope = d ? `${dates}, ${d.team ? d.team.name : 'all teams'}.` : '';
    return html`
      <div class="page-head">
        <h1>Dashboard</h1>
        <p class="lede">How what customers say turns into work, and how teams work together.</p>
        ${d ? html`<p class="scope" id="scope">Showing <strong>${scope}</strong></p>` : nothing}
      </div>
    `;
  }

  #controls(d: Dashboard | null) {
    const selection = this.#selection;
    const custom = this.customOpen || selection.from !== undefined;
    const today = new Date().toISOString().slice(0, 10);
    const from = selection.from ?? (d ? isoDay(d.period.from) : '');
    const to = selection.to ?? (d ? isoDay(new Date(Date.parse(d.period.to) - 1).toISOString()) : today);
    return html`
      <form class="pickers" aria-label="Period and team" @submit=${this.#applyRange}>
        <fieldset class="periods">
          <legend>Period</legend>
          <div class="segmented">
            ${PERIODS.map(
              (p) => html`
                <label class="segment">
                  <input type="radio" name="period" value=${p.id} .checked=${!custom && selection.period === p.id}
                    @change=${() => {
                      this.customOpen = false;
                      this.rangeError = '';
                      this.#select({ period: p.id });
                    }} />
                  <span>${p.label}</span>
                </label>
              `,
            )}
            <label class="segment">
              <input type="radio" name="period" value="custom" .checked=${custom} @change=${() => (this.customOpen = true)} />
              <span>Custom dates</span>
            </label>
          </div>
        </fieldset>
        <div class="field team">
          <label for="team">Team</label>
          <select id="team" @change=${(e: Event) => this.#select({ teamId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!selection.teamId}>All teams</option>
            ${(this.teams ?? []).map((t) => html`<option value=${t.id} ?selected=${t.id === selection.teamId}>${t.name}</option>`)}
            ${selection.teamId && this.teams === null ? html`<option value=${selection.teamId} selected>Loading…</option>` : nothing}
          </select>
        </div>
        ${custom
          ? html`
              <div class="range">
                <div class="field">
                  <label for="range-from">From</label>
                  <input id="range-from" name="from" type="date" required max=${today} .value=${from}
                    aria-invalid=${this.rangeError ? 'true' : 'false'} aria-describedby="range-error" />
                </div>
                <div class="field">
                  <label for="range-to">To</label>
                  <input id="range-to" name="to" type="date" required max=${today} .value=${to}
                    aria-invalid=${this.rangeError ? 'true' : 'false'} aria-describedby="range-error" />
                </div>
                <button type="submit" class="primary">Show these dates</button>
                <p class="field-error" id="range-error" role="alert">${this.rangeError}</p>
              </div>
            `
          : nothing}
      </form>
    `;
  }

  #applyRange(event: SubmitEvent): void {
    event.preventDefault();
    const from = this.renderRoot.querySelector<HTMLInputElement>('#range-from')?.value ?? '';
    const to = this.renderRoot.querySelector<HTMLInputElement>('#range-to')?.value ?? '';
    if (!from || !to) {
      this.rangeError = 'Choose both dates.';
      return;
    }
    if (from > to) {
      this.rangeError = '“From” must not be after “To”.';
      return;
    }
    this.rangeError = '';
    this.customOpen = false;
    this.#select({ range: { from, to } });
  }

  #body(d: Dashboard | null) {
    const retry = html`<button class="small" type="button" @click=${() => void this.#load()}>Try again</button>`;
    if (this.error && !d) return html`<div class="message error" role="alert">The dashboard could not be loaded: ${this.error.message} ${retry}</div>`;
    if (!d || !this.#specs) return this.#skeleton();
    const specs = this.#specs;
    return html`
      <p class="visually-hidden" role="status">${this.loading ? 'Updating the dashboard…' : ''}</p>
      ${this.error
        ? html`<div class="message error" role="alert">These figures could not be brought up to date: ${this.error.message} ${retry}</div>`
        : nothing}
      ${this.chartsFailed ? html`<div class="message warning" role="alert">The charts could not be loaded; the tables show the same figures.</div>` : nothing}
      ${periodIsEmpty(d)
        ? html`
            <fl-empty-state heading="Nothing happened in this period.">
              <p>No issue was raised, claimed or resolved, and no insight was posted${d.team ? ` with ${d.team.name} taking part` : ''}. Try a longer period${d.team ? ' or all teams' : ''}.</p>
            </fl-empty-state>
            ${this.#openSection(d, specs)}
          `
        : html`
            ${this.#glance(d)} ${this.#issuesSection(d, specs)} ${this.#resolveSection(d, specs)} ${this.#openSection(d, specs)}
            ${this.#insightsSection(d, specs)} ${this.#siloSection(d, specs)} ${this.#networkSection(d, specs)} ${this.#topIssues(d)}
          `}
    `;
  }

  #skeleton() {
    return html`
      <fl-loading label="Loading the dashboard…" rows="0"></fl-loading>
      <div class="skeleton" aria-hidden="true">
        <div class="figures">${ISSUE_STATUSES.map(() => html`<div class="bone figure-bone"></div>`)}</div>
        <div class="grid">${[1, 2].map(() => html`<div class="bone chart-bone"></div>`)}</div>
      </div>
    `;
  }

  /** 1. Headline figures. */
  #glance(d: Dashboard) {
    const claim = d.timeToClaim;
    const resolve = d.timeToResolve;
    return html`
      <section class="glance" aria-labelledby="glance-heading">
        <h2 id="glance-heading">At a glance</h2>
        <p class="note">Issues raised in this period, by their status now. Each opens the list.</p>
        <ul class="figures">
          ${ISSUE_STATUSES.map(
            (s) => html`
              <li>
                <a class=${`figure figure-${s}`} href=${issuesHref({ team: d.team, status: s, raised: d.period })}>
                  <span class="figure-label"><span class=${`dot dot-${s}`} aria-hidden="true"></span>${STATUS_LABELS[s]}</span>
                  <span class="figure-value">${d.issuesByStatus[s] ?? 0}</span>
                  <span class="visually-hidden">${(d.issuesByStatus[s] ?? 0) === 1 ? 'issue' : 'issues'}</span>
                </a>
              </li>
            `,
          )}
        </ul>
        <div class="stats">
          ${this.#duration('Time to claim', claim, 'claim', 'No issue was claimed in this period.')}
          ${this.#duration('Time to resolve', resolve, 'resolution', 'No issue was resolved in this period.')}
          <div class="stat">
            <h3>Silo index</h3>
            ${d.silo.index === null
              ? html`<p class="stat-none">No threads in this period.</p>`
              : html`<p class="stat-value">${percent(d.silo.index)}</p>
                  <p class="stat-words">of ${plural(d.silo.threads, 'thread')} had two or more teams taking part (${d.silo.crossTeam}).</p>`}
            <p class="stat-about">The share of conversations that cross teams. Higher means teams answer each other; near 0, each team keeps to itself.</p>
          </div>
        </div>
      </section>
    `;
  }

  #duration(title: string, figures: Dashboard['timeToClaim'], noun: string, none: string) {
    return html`
      <div class="stat">
        <h3>${title}</h3>
        ${figures.medianHours === null
          ? html`<p class="stat-none">${none}</p>`
          : html`
              <p class="stat-value">${durationWords(figures.medianHours)}</p>
              <p class="stat-words">median; 90th percentile ${durationWords(figures.p90Hours)}.</p>
              <p class="stat-about">From raising to ${noun}, over ${plural(figures.count, noun === 'claim' ? 'claim' : 'resolved issue')} in this period.</p>
            `}
      </div>
    `;
  }

  /** 2. Issues by status and by kind. */
  #issuesSection(d: Dashboard, specs: Specs) {
    return html`
      <section aria-labelledby="issues-heading">
        <h2 id="issues-heading">Issues raised in this period</h2>
        <div class="grid">
          <fl-dashboard-panel heading="By status" .csv=${this.#csv('issuesByStatus')} ?table-shown=${this.chartsFailed}>
            <fl-chart .spec=${specs.status} label="Bar chart of issues by status. The table of this card has the figures."></fl-chart>
            ${linkedCountTable('Issues raised in this period, by status now', 'Status', 'Issues', ISSUE_STATUSES.map((s) => ({ label: STATUS_LABELS[s], href: issuesHref({ team: d.team, status: s, raised: d.period }), value: d.issuesByStatus[s] ?? 0 })))}
          </fl-dashboard-panel>
          <fl-dashboard-panel heading="By kind" .csv=${this.#csv('issuesByKind')} ?table-shown=${this.chartsFailed}>
            <fl-chart .spec=${specs.kind} label="Bar chart of issues by kind. The table of this card has the figures."></fl-chart>
            ${linkedCountTable('Issues raised in this period, by kind', 'Kind', 'Issues', ISSUE_KINDS.map((k) => ({ label: ISSUE_KIND_LABELS[k], href: issuesHref({ team: d.team, kind: k, raised: d.period }), value: d.issuesByKind[k] ?? 0 })))}
          </fl-dashboard-panel>
        </div>
      </section>
    `;
  }

  /** 3. Time to resolve, week by week. */
  #resolveSection(d: Dashboard, specs: Specs) {
    return html`
      <fl-dashboard-panel level="2" heading="Time to resolve, week by week" .csv=${this.#csv('resolveTrend')} ?table-shown=${this.chartsFailed}>
        <p slot="about" class="note">Issues resolved each week (bars) and the median hours from raising to resolving them (line). Won’t fix does not count as resolved.</p>
        ${d.resolveTrend.length === 0
          ? html`<p class="none">No issue was resolved in this period.</p>`
          : html`<fl-chart .spec=${specs.resolve} label="Bars of issues resolved per week with a line of the median hours to resolve. The table of this card has the figures."></fl-chart>`}
        <div slot="table" class="table-wrap">
          <table>
            <caption>Issues resolved per week and the median time to resolve</caption>
            <thead><tr><th scope="col">Week</th><th scope="col" class="num">Resolved</th><th scope="col" class="num">Median time to resolve</th></tr></thead>
            <tbody>
              ${d.resolveTrend.length === 0 ? html`<tr><td colspan="3">None in this period.</td></tr>` : nothing}
              ${d.resolveTrend.map(
                (w) => html`<tr>
                  <th scope="row">${weekLabel(w.week, true)}</th>
                  <td class="num">${w.resolved}</td>
                  <td class="num"><span title=${hoursShort(w.medianHours)}>${w.medianHours === null ? '—' : durationWords(w.medianHours)}</span></td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </fl-dashboard-panel>
    `;
  }

  /** 4. Open issues by age, and past target by team. */
  #openSection(d: Dashboard, specs: Specs) {
    const open = d.openByAge.reduce((sum, b) => sum + b.count, 0);
    const past = d.openByAge.reduce((sum, b) => sum + b.pastTarget, 0);
    const listHref = issuesHref({ team: d.team, status: OPEN_STATUSES, sort: 'age' });
    return html`
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open now, and past target</h2>
        <p class="note">
          ${plural(open, 'issue')} open, claimed or in progress today (whenever raised);
          <strong class=${past > 0 ? 'danger' : ''}>${past} past ${past === 1 ? 'its' : 'their'} team’s target</strong>.
          <a href=${listHref}>Open them, oldest first</a>
        </p>
        <div class="grid">
          <fl-dashboard-panel heading="Open issues by age" .csv=${this.#csv('openByAge')} ?table-shown=${this.chartsFailed}>
            <fl-chart .spec=${specs.age} label="Stacked bars of open issues by age in days, the part past target highlighted. The table of this card has the figures."></fl-chart>
            <div slot="table" class="table-wrap">
              <table>
                <caption>Open issues by age, and how many are past their team’s target</caption>
                <thead><tr><th scope="col">Age</th><th scope="col" class="num">Open</th><th scope="col" class="num">Past target</th></tr></thead>
                <tbody>
                  ${d.openByAge.map(
                    (b) => html`<tr><th scope="row">${b.bucket}</th><td class="num">${b.count}</td><td class=${b.pastTarget > 0 ? 'num danger' : 'num'}>${b.pastTarget}</td></tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </fl-dashboard-panel>
          <fl-dashboard-panel heading="Past target by team" table-only .csv=${this.#csv('pastTarget')}>
            <div slot="table" class="table-wrap">
              <table>
                <caption class="visually-hidden">Open issues and those past target, per team</caption>
                <thead>
                  <tr><th scope="col">Team</th><th scope="col" class="num">Target</th><th scope="col" class="num">Open</th><th scope="col" class="num">Past target</th></tr>
                </thead>
                <tbody>
                  ${d.pastTarget.length === 0 ? html`<tr><td colspan="4">No teams yet.</td></tr>` : nothing}
                  ${d.pastTarget.map(
                    (row) => html`<tr>
                      <th scope="row"><a href=${issuesHref({ team: row.team, status: OPEN_STATUSES, sort: 'age' })}>${row.team.name}</a></th>
                      <td class="num">${plural(row.targetDays, 'day')}</td>
                      <td class="num">${row.open}</td>
                      <td class=${row.pastTarget > 0 ? 'num danger' : 'num'}>${row.pastTarget}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </fl-dashboard-panel>
        </div>
      </section>
    `;
  }

  /** 5. Insights by channel, by sentiment, per week. */
  #insightsSection(d: Dashboard, specs: Specs) {
    const total = Object.values(d.insightsByChannel).reduce((a, b) => a + b, 0);
    return html`
      <section aria-labelledby="insights-heading">
        <h2 id="insights-heading">Insights posted in this period</h2>
        <p class="note">${plural(total, 'insight')}${d.team ? ` in threads ${d.team.name} took part in` : ''}. A channel or sentiment opens the feed filtered by it.</p>
        <div class="grid">
          <fl-dashboard-panel heading="By channel" .csv=${this.#csv('insightsByChannel')} ?table-shown=${this.chartsFailed}>
            <fl-chart .spec=${specs.channel} label="Bar chart of insights by channel. The table of this card has the figures."></fl-chart>
            ${linkedCountTable('Insights by channel', 'Channel', 'Insights', CHANNELS.map((c) => ({ label: CHANNEL_LABELS[c], href: feedHref({ team: d.team, channel: c }), value: d.insightsByChannel[c] ?? 0 })))}
          </fl-dashboard-panel>
          <fl-dashboard-panel heading="By sentiment" .csv=${this.#csv('insightsBySentiment')} ?table-shown=${this.chartsFailed}>
            <fl-chart .spec=${specs.sentiment} label="Bar chart of insights by sentiment. The table of this card has the figures."></fl-chart>
            ${linkedCountTable('Insights by sentiment', 'Sentiment', 'Insights', SENTIMENTS.map((s) => ({ label: SENTIMENT_LABELS[s], href: feedHref({ team: d.team, sentiment: s }), value: d.insightsBySentiment[s] ?? 0 })))}
          </fl-dashboard-panel>
          <fl-dashboard-panel class="wide" heading="Per week" .csv=${this.#csv('insightsByWeek')} ?table-shown=${this.chartsFailed}>
            <fl-chart .spec=${specs.week} label="Line chart of insights posted per week. The table of this card has the figures."></fl-chart>
            <div slot="table" class="table-wrap">
              <table>
                <caption>Insights posted per week</caption>
                <thead><tr><th scope="col">Week</th><th scope="col" class="num">Insights</th></tr></thead>
                <tbody>
                  ${d.insightsByWeek.length === 0 ? html`<tr><td colspan="2">None in this period.</td></tr>` : nothing}
                  ${d.insightsByWeek.map((w) => html`<tr><th scope="row">${weekLabel(w.week, true)}</th><td class="num">${w.count}</td></tr>`)}
                </tbody>
              </table>
            </div>
          </fl-dashboard-panel>
        </div>
      </section>
    `;
  }

  /** 6. The silo index, week by week. */
  #siloSection(d: Dashboard, specs: Specs) {
    return html`
      <fl-dashboard-panel level="2" heading="Silo index, week by week" .csv=${this.#csv('siloTrend')} ?table-shown=${this.chartsFailed}>
        <p slot="about" class="note">
          The share of each week’s threads in which two or more teams took part: the author’s teams, teams @mentioned, and the teams of everyone who replied.
        </p>
        ${d.silo.trend.length === 0
          ? html`<p class="none">No threads in this period.</p>`
          : html`<fl-chart .spec=${specs.silo} label="Line chart of the share of cross-team threads per week, in percent. The table of this card has the figures."></fl-chart>`}
        <div slot="table" class="table-wrap">
          <table>
            <caption>Threads, cross-team threads and the silo index per week</caption>
            <thead><tr><th scope="col">Week</th><th scope="col" class="num">Threads</th><th scope="col" class="num">Cross-team</th><th scope="col" class="num">Silo index</th></tr></thead>
            <tbody>
              ${d.silo.trend.length === 0 ? html`<tr><td colspan="4">None in this period.</td></tr>` : nothing}
              ${d.silo.trend.map(
                (w) => html`<tr><th scope="row">${weekLabel(w.week, true)}</th><td class="num">${w.threads}</td><td class="num">${w.crossTeam}</td><td class="num">${percent(w.index)}</td></tr>`,
              )}
            </tbody>
          </table>
        </div>
      </fl-dashboard-panel>
    `;
  }

  /** 7. The team interaction network. */
  #networkSection(d: Dashboard, specs: Specs) {
    const silos = siloTeamIds(d);
    const names = new Map(d.teams.map((t) => [t.id, t.name]));
    const joined = (id: string) => d.interactions.filter((e) => e.from === id).reduce((sum, e) => sum + e.count, 0);
    const wasJoined = (id: string) => d.interactions.filter((e) => e.to === id).reduce((sum, e) => sum + e.count, 0);
    const siloNames = d.teams.filter((t) => silos.has(t.id)).map((t) => t.name);
    const csv = [...this.#csv('interactions', 'Interactions as CSV'), ...this.#csv('teams', 'Teams as CSV')];
    return html`
      <fl-dashboard-panel class="network" level="2" heading="Team interaction network" .csv=${csv} ?table-shown=${this.chartsFailed}>
        <div slot="about" class="network-about">
          <p class="note">
            Each circle is a team, sized by its activity (threads it took part in and its replies). An arrow points from a team that replied in, or was
            @mentioned in, a thread to the team that started it; the wider, the more threads. A team opens its issues.
          </p>
          <p class=${siloNames.length ? 'silos has-silos' : 'silos'}>
            ${siloNames.length
              ? html`<strong>${siloNames.length === 1 ? 'Silo' : 'Silos'}:</strong> ${siloNames.join(', ')} — no thread with another team in this period.`
              : d.teams.length
                ? 'No silos: every team talked with another team in this period.'
                : 'No teams yet.'}
          </p>
        </div>
        ${d.teams.length ? html`<fl-chart .spec=${specs.network} label="Network of teams and the threads they joined across teams. The tables of this card have the figures."></fl-chart>` : nothing}
        <div slot="table" class="tables">
          <div class="table-wrap">
            <table>
              <caption>Teams, their activity, and whether they are a silo</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th><th scope="col" class="num">Threads</th><th scope="col" class="num">Replies</th>
                  <th scope="col" class="num">Joined others’ threads</th><th scope="col" class="num">Others joined theirs</th><th scope="col">Silo</th>
                </tr>
              </thead>
              <tbody>
                ${d.teams.map(
                  (t) => html`<tr>
                    <th scope="row"><a href=${issuesHref({ team: t })}>${t.name}</a></th>
                    <td class="num">${t.threads}</td><td class="num">${t.replies}</td>
                    <td class="num">${joined(t.id)}</td><td class="num">${wasJoined(t.id)}</td>
                    <td>${silos.has(t.id) ? html`<strong class="warning">Silo</strong>` : 'No'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          <div class="table-wrap">
            <table>
              <caption>Interactions: threads started by one team that another team joined</caption>
              <thead><tr><th scope="col">Team that joined</th><th scope="col">Team that started the thread</th><th scope="col" class="num">Threads</th></tr></thead>
              <tbody>
                ${d.interactions.length === 0 ? html`<tr><td colspan="3">No team joined another team’s thread in this period.</td></tr>` : nothing}
                ${d.interactions.map(
                  (e) => html`<tr><th scope="row">${names.get(e.from) ?? e.from}</th><td>${names.get(e.to) ?? e.to}</td><td class="num">${e.count}</td></tr>`,
                )}
              </tbody>
            </table>
          </div>
        </div>
      </fl-dashboard-panel>
    `;
  }

  /** 8. Top issues by evidence. */
  #topIssues(d: Dashboard) {
    return html`
      <fl-dashboard-panel level="2" heading="Top issues by evidence" table-only .csv=${this.#csv('topIssues')}>
        <p slot="about" class="note">Issues raised in this period with the most linked insights, then the most customers.</p>
        <div slot="table" class="table-wrap">
          <table>
            <caption class="visually-hidden">Top issues raised in this period, by evidence</caption>
            <thead>
              <tr><th scope="col" class="num">#</th><th scope="col">Issue</th><th scope="col">Status</th><th scope="col">Team</th><th scope="col" class="num">Evidence</th><th scope="col" class="num">Customers</th></tr>
            </thead>
            <tbody>
              ${d.topIssues.length === 0 ? html`<tr><td colspan="6">No issue raised in this period has evidence yet.</td></tr>` : nothing}
              ${d.topIssues.map(
                (issue, i) => html`<tr>
                  <td class="num">${i + 1}</td>
                  <th scope="row" class="title"><a href=${issueHref(issue.id)}>${issue.title}</a></th>
                  <td><span class=${`status status-${issue.status}`}>${STATUS_LABELS[issue.status]}</span></td>
                  <td>${issue.team?.name ?? html`<span class="muted">None</span>`}</td>
                  <td class="num">${issue.evidence}</td>
                  <td class="num">${issue.customers}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </fl-dashboard-panel>
    `;
  }
}

customElements.define('fl-dashboard-page', DashboardPage);

declare global {
  interface HTMLElementTagNameMap {
    'fl-dashboard-page': DashboardPage;
  }
}
