import type { Dashboard } from '../../../shared/dashboard.js';

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote when needed, and defuse spreadsheet formulas in text cells.
  const safe = /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const toCsv = (header: string[], rows: unknown[][]) => [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** One table of the dashboard as CSV, or null when there is no such table. */
export function dashboardCsv(d: Dashboard, table: string): string | null {
  const record = (r: Record<string, number>, name: string) => toCsv([name, 'count'], Object.entries(r));
  switch (table) {
    case 'issuesByStatus':
      return record(d.issuesByStatus, 'status');
    case 'issuesByKind':
      return record(d.issuesByKind, 'kind');
    case 'insightsByChannel':
      return record(d.insightsByChannel, 'channel');
    case 'insightsBySentiment':
      return record(d.insightsBySentiment, 'sentiment');
    case 'insightsByWeek':
      return toCsv(['week', 'insights'], d.insightsByWeek.map((w) => [w.week, w.count]));
    case 'resolveTrend':
      return toCsv(['week', 'resolved', 'median_hours'], d.resolveTrend.map((w) => [w.week, w.resolved, w.medianHours]));
    case 'openByAge':
      return toCsv(['age', 'open', 'past_target'], d.openByAge.map((b) => [b.bucket, b.count, b.pastTarget]));
    case 'pastTarget':
      return toCsv(['team', 'target_days', 'open', 'past_target'], d.pastTarget.map((t) => [t.team.name, t.targetDays, t.open, t.pastTarget]));
    case 'topIssues':
      return toCsv(['id', 'title', 'status', 'team', 'evidence', 'customers'], d.topIssues.map((i) => [i.id, i.title, i.status, i.team?.name ?? '', i.evidence, i.customers]));
    case 'siloTrend':
      return toCsv(['week', 'threads', 'cross_team', 'silo_index'], d.silo.trend.map((w) => [w.week, w.threads, w.crossTeam, w.index]));
    case 'interactions': {
      const names = new Map(d.teams.map((t) => [t.id, t.name]));
      return toCsv(['from_team', 'to_team', 'threads'], d.interactions.map((e) => [names.get(e.from) ?? e.from, names.get(e.to) ?? e.to, e.count]));
    }
    case 'teams':
      return toCsv(['team', 'threads', 'replies'], d.teams.map((t) => [t.name, t.threads, t.replies]));
    default:
      return null;
  }
}
