import type Database from 'better-sqlite3';
import { ISSUE_KINDS, ISSUE_STATUSES } from '../../../shared/issues.js';
import { CHANNELS, SENTIMENTS } from '../../../shared/insights.js';
import type { Dashboard } from '../../../shared/dashboard.js';

/**
 * Every figure of the leads' dashboard, each defined once in docs/metrics.md
 * (words and the SQL below). Raw SQL on purpose: week bucketing and day
 * arithmetic are SQLite date functions; a PostgreSQL backend gets its own copy.
 */
export interface Range {
  from: string;
  to: string;
  teamId: string | null;
  now: string;
}

/** Monday of the week of a timestamp, as YYYY-MM-DD. */
const WEEK = (column: string) => `date(${column}, 'weekday 0', '-6 days')`;

/** WEEK in JavaScript, for rows read whole: remembers each day it has seen (a period has few). */
function weekOfDay(): (at: string) => string {
  const weeks = new Map<string, string>();
  return (at) => {
    const day = at.slice(0, 10);
    let week = weeks.get(day);
    if (week === undefined) {
      const date = new Date(`${day}T00:00:00.000Z`);
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      weeks.set(day, (week = date.toISOString().slice(0, 10)));
    }
    return week;
  };
}

const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const AGE_BUCKETS: [string, number, number][] = [
  ['0–7 days', 0, 7],
  ['8–14 days', 7, 14],
  ['15–30 days', 14, 30],
  ['31–60 days', 30, 60],
  ['over 60 days', 60, Number.POSITIVE_INFINITY],
];

export const percentile = (sorted: readonly number[], p: number): number | null => {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const value = (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (rank - low);
  return Math.round(value * 10) / 10;
};

const summarize = (hours: number[]) => {
  const sorted = [...hours].sort((a, b) => a - b);
  return { count: sorted.length, medianHours: percentile(sorted, 0.5), p90Hours: percentile(sorted, 0.9) };
};

const countsOf = <K extends string>(keys: readonly K[], rows: { key: string; n: number }[]): Record<K, number> => {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) if (r.key in out) out[r.key as K] = r.n;
  return out;
};

export class DashboardQueries {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  private all<T>(sql: string, params: Record<string, unknown>): T[] {
    return this.statement(sql, false).all(this.used(sql, params)) as T[];
  }

  /** Rows as arrays of column values, in the order selected. */
  private rows<T extends unknown[]>(sql: string, params: Record<string, unknown>): T[] {
    return this.statement(sql, true).all(this.used(sql, params)) as T[];
  }

  private statement(sql: string, raw: boolean): Database.Statement {
    const key = `${raw}:${sql}`;
    let statement = this.cache.get(key);
    if (!statement) this.cache.set(key, (statement = this.sqlite.prepare(sql)));
    // Set on every use: the connection's statement cache may hand the same statement to others.
    return statement.raw(raw);
  }

  private used(sql: string, params: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
  }

  build(range: Range): Omit<Dashboard, 'period' | 'team'> {
    const p = { from: range.from, to: range.to, team: range.teamId, now: range.now };
    const issueTeam = range.teamId ? 'and team_id = @team' : '';

    // Issues raised in the period, by their status and kind now.
    const raised = `from issues where created_at >= @from and created_at < @to ${issueTeam}`;
    const issuesByStatus = countsOf(ISSUE_STATUSES, this.all(`select status as key, count(*) as n ${raised} group by status`, p));
    const issuesByKind = countsOf(ISSUE_KINDS, this.all(`select kind as key, count(*) as n ${raised} group by kind`, p));

    // Hours from raising to the current claim, for claims made in the period.
    const claimHours = this.all<{ h: number }>(
      `select (julianday(claimed_at) - julianday(created_at)) * 24 as h from issues where claimed_at >= @from and claimed_at < @to ${issueTeam}`,
      p,
    ).map((r) => r.h);
    // Hours from raising to resolution, for issues resolved in the period.
    const resolved = this.all<{ h: number; week: string }>(
      `select (julianday(closed_at) - julianday(created_at)) * 24 as h, ${WEEK('closed_at')} as week
       from issues where status = 'resolved' and closed_at >= @from and closed_at < @to ${issueTeam}`,
      p,
    );
    const byWeek = new Map<string, number[]>();
    for (const r of resolved) byWeek.set(r.week, [...(byWeek.get(r.week) ?? []), r.h]);
    const resolveTrend = [...byWeek.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, hours]) => ({ week, resolved: hours.length, medianHours: summarize(hours).medianHours }));

    // Open issues now (not limited to the period), by age, against their team's target.
    const open = this.all<{ ageDays: number; targetDays: number | null; teamId: string | null }>(
      `select julianday(@now) - julianday(x.created_at) as ageDays, t.target_days as targetDays, x.team_id as teamId
       from issues x left join teams t on t.id = x.team_id where x.status in ('open', 'claimed', 'in_progress') ${range.teamId ? 'and x.team_id = @team' : ''}`,
      p,
    );
    const openByAge = AGE_BUCKETS.map(([bucket, min, max]) => {
      const inBucket = open.filter((o) => o.ageDays >= min && o.ageDays < max);
      return { bucket, count: inBucket.length, pastTarget: inBucket.filter((o) => o.targetDays !== null && o.ageDays > o.targetDays).length };
    });
    const pastTarget = this.all<{ id: string; slug: string; name: string; targetDays: number; open: number; pastTarget: number }>(
      `select t.id, t.slug, t.name, t.target_days as targetDays, count(x.id) as open,
         coalesce(sum(case when julianday(@now) - julianday(x.created_at) > t.target_days then 1 else 0 end), 0) as pastTarget
       from teams t left join issues x on x.team_id = t.id and x.status in ('open', 'claimed', 'in_progress')
       ${range.teamId ? 'where t.id = @team' : ''} group by t.id order by pastTarget desc, open desc, t.name`,
      p,
    ).map(({ id, slug, name, ...rest }) => ({ team: { id, slug, name }, ...rest }));

    // Issues raised in the period with the most linked live insights, then customers: the counts
    // each issue keeps for its priority (priority_inputs, updated with every change to its evidence).
    const topIssues = this.all<{ id: string; title: string; status: Dashboard['topIssues'][number]['status']; teamId: string | null; slug: string | null; name: string | null; evidence: number; customers: number }>(
      `select * from (
         select x.id, x.title, x.status, t.id as teamId, t.slug, t.name, x.created_at as createdAt,
           coalesce(json_extract(x.priority_inputs, '$.insights'), 0) as evidence, coalesce(json_extract(x.priority_inputs, '$.customers'), 0) as customers
         from issues x left join teams t on t.id = x.team_id
         where x.created_at >= @from and x.created_at < @to ${range.teamId ? 'and x.team_id = @team' : ''})
       where evidence > 0 order by evidence desc, customers desc, createdAt desc limit 10`,
      p,
    ).map((r) => ({ id: r.id, title: r.title, status: r.status, team: r.teamId ? { id: r.teamId, slug: r.slug ?? '', name: r.name ?? '' } : null, evidence: r.evidence, customers: r.customers }));

    // One pass over the period's insights feeds the counts by channel, sentiment and week, the
    // silo index, the interaction matrix and each team's thread count. Each row carries the teams
    // taking part (insights.team_ids mirrors thread_teams, the author's teams first), so no join.
    // Tens of thousands of rows: read as arrays, which costs a fifth less than objects.
    const posted = this.rows<[at: string, channel: string, sentiment: string, teams: string, starters: number]>(
      `select i.created_at, i.channel, i.sentiment, i.team_ids, i.author_team_count
       from insights i where i.created_at >= @from and i.created_at < @to and i.deleted_at is null`,
      p,
    );
    const byChannel = new Map<string, number>();
    const bySentiment = new Map<string, number>();
    const threadsByWeek = new Map<string, number>();
    const crossByWeek = new Map<string, number>();
    const threadsByTeam = new Map<string, number>();
    const pairs = new Map<string, { from: string; to: string; count: number }>();
    const weekOf = weekOfDay();
    for (const [at, channel, sentiment, teamIds, starters] of posted) {
      const teams = JSON.parse(teamIds) as string[];
      for (const team of teams) add(threadsByTeam, team);
      // Team A → team B: threads started by B (its member posted) that A replied in or was @mentioned into.
      for (const to of teams.slice(0, starters)) {
        for (const from of teams.slice(starters)) {
          if (from === to || (range.teamId && from !== range.teamId && to !== range.teamId)) continue;
          const key = `${from}>${to}`;
          const pair = pairs.get(key) ?? { from, to, count: 0 };
          pair.count += 1;
          pairs.set(key, pair);
        }
      }
      // The counts by channel, sentiment and week, and the silo index: with a team filter, of the threads that team took part in.
      if (range.teamId && !teams.includes(range.teamId)) continue;
      const week = weekOf(at);
      add(byChannel, channel);
      add(bySentiment, sentiment);
      add(threadsByWeek, week);
      if (teams.length >= 2) add(crossByWeek, week);
    }
    const insightsByChannel = countsOf(CHANNELS, [...byChannel].map(([key, n]) => ({ key, n })));
    const insightsBySentiment = countsOf(SENTIMENTS, [...bySentiment].map(([key, n]) => ({ key, n })));
    const insightsByWeek = [...threadsByWeek].sort(([a], [b]) => a.localeCompare(b)).map(([week, count]) => ({ week, count }));
    const siloWeeks = insightsByWeek.map((w) => ({ week: w.week, threads: w.count, crossTeam: crossByWeek.get(w.week) ?? 0 }));
    const threads = siloWeeks.reduce((n, w) => n + w.threads, 0);
    const crossTeam = siloWeeks.reduce((n, w) => n + w.crossTeam, 0);
    const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
    const interactions = [...pairs.values()].sort((x, y) => y.count - x.count || x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
    const repliesByTeam = new Map(
      this.all<{ teamId: string; n: number }>(
        `select m.team_id as teamId, count(*) as n from replies r join team_members m on m.user_id = r.author_id
         where r.created_at >= @from and r.created_at < @to and r.deleted_at is null group by m.team_id`,
        p,
      ).map((r) => [r.teamId, r.n]),
    );
    const teams = this.all<{ id: string; slug: string; name: string }>(`select id, slug, name from teams order by name`, p).map((t) => ({
      ...t,
      threads: threadsByTeam.get(t.id) ?? 0,
      replies: repliesByTeam.get(t.id) ?? 0,
    }));

    return {
      issuesByStatus,
      issuesByKind,
      timeToClaim: summarize(claimHours),
      timeToResolve: summarize(resolved.map((r) => r.h)),
      resolveTrend,
      openByAge,
      pastTarget,
      topIssues,
      insightsByChannel,
      insightsBySentiment,
      insightsByWeek,
      silo: { threads, crossTeam, index: ratio(crossTeam, threads), trend: siloWeeks.map((w) => ({ ...w, index: ratio(w.crossTeam, w.threads) })) },
      teams,
      interactions,
    };
  }
}
