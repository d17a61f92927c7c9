import type { Dashboard } from '../../shared/dashboard.js';
import type { IssueKind, IssueStatus } from '../../shared/issues.js';
import type { Channel, Sentiment } from '../../shared/insights.js';

/**
 * The dashboard's figures in words, and the lists behind them: the issues
 * page's and the feed's own URL filters (`/issues?view=list&team=…&kind=…&status=…`,
 * `/?channel=…&team=…`), so a figure opens the list it counts.
 */

type TeamRef = Dashboard['team'];

/** The issues list, filtered: `status` may be a comma list the list knows ("open,claimed,in_progress"). */
export function issuesHref(filters: {
  team?: TeamRef;
  kind?: IssueKind;
  status?: IssueStatus | string;
  sort?: 'age' | 'priority';
  /** Figures that count issues raised in the period open the list of exactly those. */
  raised?: Dashboard['period'];
}): string {
  const params = new URLSearchParams({ view: 'list' });
  if (filters.team) params.set('team', filters.team.id);
  if (filters.raised) {
    params.set('raisedFrom', filters.raised.from);
    params.set('raisedTo', filters.raised.to);
  }
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.status) params.set('status', filters.status);
  if (filters.sort) params.set('sort', filters.sort);
  return `/issues?${params.toString()}`;
}

/** The feed, filtered by channel or sentiment (and the team taking part, when the dashboard is for one team). */
export function feedHref(filters: { team?: TeamRef; channel?: Channel; sentiment?: Sentiment }): string {
  const params = new URLSearchParams();
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.sentiment) params.set('sentiment', filters.sentiment);
  if (filters.team) params.set('team', filters.team.slug);
  return `/?${params.toString()}`;
}

export const issueHref = (id: string) => `/issues/${encodeURIComponent(id)}`;

/** The statuses that count as open now (the list's "Not closed" filter). */
export const OPEN_STATUSES = 'open,claimed,in_progress';

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "45 minutes", "5 hours", "2.5 days": hours up to two days, days after; '' for null. */
export function durationWords(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '';
  if (hours < 1) {
    const minutes = Math.max(1, Math.round(hours * 60));
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  if (hours < 48) {
    const h = hours < 10 ? oneDecimal.format(hours) : whole.format(hours);
    return `${h} ${h === '1' ? 'hour' : 'hours'}`;
  }
  const days = hours / 24;
  const d = days < 10 ? oneDecimal.format(days) : whole.format(days);
  return `${d} days`;
}

/** Hours as a compact axis or table value: "5.5 h". */
export const hoursShort = (hours: number | null) => (hours === null ? '—' : `${oneDecimal.format(hours)} h`);

/** 0.701 → "70%"; null → "—". */
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekFormatLong = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A week's Monday (`2026-11-02`) as "2 Nov"; `long`: "Week of 2 November 2026". */
export function weekLabel(week: string, long = false): string {
  const date = new Date(`${week}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return week;
  return long ? `Week of ${weekFormatLong.format(date)}` : weekFormat.format(date);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** The period's first and last day in words: "24 Oct 2026 – 22 Nov 2026" (`to` is exclusive). */
export function periodWords(period: Dashboard['period']): string {
  const from = new Date(period.from);
  // `to` is exclusive: a custom range ends at midnight after its last day, a preset at the moment of asking.
  const lastMs = Date.parse(period.to) - (period.to.endsWith('T00:00:00.000Z') ? 1 : 0);
  return `${dayFormat.format(from)} – ${dayFormat.format(new Date(lastMs))}`;
}

/** A date as the `<input type="date">` value, in UTC like the API. */
export const isoDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/** Whether nothing happened in the period: no issue raised, claimed or resolved, and no insight posted. */
export function periodIsEmpty(d: Dashboard): boolean {
  const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
  return sum(d.issuesByStatus) === 0 && sum(d.insightsByChannel) === 0 && d.timeToClaim.count === 0 && d.timeToResolve.count === 0 && d.silo.threads === 0;
}

/** Teams that neither joined another team's threads nor had another team join theirs. */
export function siloTeamIds(d: Dashboard): Set<string> {
  const connected = new Set<string>();
  for (const edge of d.interactions) {
    if (edge.count <= 0) continue;
    connected.add(edge.from);
    connected.add(edge.to);
  }
  return new Set(d.teams.filter((t) => !connected.has(t.id)).map((t) => t.id));
}
