import { keysetAfter } from '../../store/keyset.js';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Queryable } from '../../../db/client.js';
import { events, insights, issueEvidence, issues, teams, users } from '../../../db/schema.js';
import type { HistoryEntry, Issue, IssueStatus, IssueSummary, ListIssuesQuery } from '../../../shared/issues.js';
import { PRIORITY_WEIGHTS, priorityOf } from '../../../shared/priority.js';
import { presentInsightsById } from '../insights/queries.js';

export type IssueRow = typeof issues.$inferSelect;

const assignee = alias(users, 'assignee');
const overrideBy = alias(users, 'override_by');

export const findIssue = (db: Queryable, id: string) => db.select().from(issues).where(eq(issues.id, id)).get();

const DAY_MS = 86_400_000;

/** Days the issue has been open: until now, or until it closed. */
export const ageDaysOf = (row: Pick<IssueRow, 'createdAt' | 'closedAt'>, now = Date.now()) =>
  Math.max(0, ((row.closedAt ? Date.parse(row.closedAt) : now) - Date.parse(row.createdAt)) / DAY_MS);

/** The same effective priority as `priorityOf` + override, in SQL, for sorting. */
const effectivePriority = (nowIso: string) =>
  sql<number>`coalesce(${issues.priorityOverrideScore}, ${issues.priorityScore} + round(min(max(julianday(coalesce(${issues.closedAt}, ${nowIso})) - julianday(${issues.createdAt}), 0), ${PRIORITY_WEIGHTS.ageCapDays}) * ${PRIORITY_WEIGHTS.agePerDay}))`;

function summaryQuery(db: Queryable) {
  return db
    .select({
      row: issues,
      teamSlug: teams.slug,
      teamName: teams.name,
      assigneeName: assignee.displayName,
      assigneeHandle: assignee.handle,
      overrideName: overrideBy.displayName,
      overrideHandle: overrideBy.handle,
    })
    .from(issues)
    .leftJoin(teams, eq(teams.id, issues.teamId))
    .leftJoin(assignee, eq(assignee.id, issues.assigneeId))
    .leftJoin(overrideBy, eq(overrideBy.id, issues.priorityOverrideById));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['all']>>[number];

/**
 * Evidence counts for the rows of one page only: counted in the main query, they
 * would be computed for every issue the sort looks at, not just the 50 shown.
 */
function evidenceCounts(db: Queryable, ids: readonly string[]): Map<string, number> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ issueId: issueEvidence.issueId, n: sql<number>`count(*)` })
    .from(issueEvidence)
    .where(inArray(issueEvidence.issueId, [...ids]))
    .groupBy(issueEvidence.issueId)
    .all();
  return new Map(rows.map((r) => [r.issueId, r.n]));
}

function toSummaries(db: Queryable, rows: SummaryRow[]): IssueSummary[] {
  const counts = evidenceCounts(
    db,
    rows.map((r) => r.row.id),
  );
  const now = Date.now();
  return rows.map((r) => toSummary(r, counts.get(r.row.id) ?? 0, now));
}

function toSummary(r: SummaryRow, evidenceCount: number, now = Date.now()): IssueSummary {
  const { row } = r;
  const computed = priorityOf({ ...row.priorityInputs, ageDays: ageDaysOf(row, now) });
  const override =
    row.priorityOverrideScore !== null && row.priorityOverrideById
      ? {
          score: row.priorityOverrideScore,
          reason: row.priorityOverrideReason ?? '',
          by: { id: row.priorityOverrideById, displayName: r.overrideName ?? '', handle: r.overrideHandle ?? '' },
        }
      : null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    status: row.status,
    team: row.teamId && r.teamSlug && r.teamName ? { id: row.teamId, slug: r.teamSlug, name: r.teamName } : null,
    assignee: row.assigneeId ? { id: row.assigneeId, displayName: r.assigneeName ?? '', handle: r.assigneeHandle ?? '' } : null,
    priority: { score: override ? override.score : computed.score, reasons: computed.reasons, override },
    version: row.version,
    evidenceCount,
    resolutionNote: row.resolutionNote,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    claimedAt: row.claimedAt,
    closedAt: row.closedAt,
  };
}

export function historyOf(db: Queryable, issueId: string): HistoryEntry[] {
  const rows = db
    .select({ type: events.type, at: events.at, payload: events.payload, actorId: events.actorId, actorName: users.displayName, actorHandle: users.handle })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(eq(events.subjectType, 'issue'), eq(events.subjectId, issueId), inArray(events.type, ['issue.created', 'issue.transitioned'])))
    .orderBy(asc(events.seq))
    .all();
  return rows.map((r) => {
    const actor = r.actorId ? { id: r.actorId, displayName: r.actorName ?? '', handle: r.actorHandle ?? '' } : null;
    if (r.type === 'issue.created') return { at: r.at, actor, from: null, to: 'open' as IssueStatus, note: null };
    const p = r.payload as { from: IssueStatus; to: IssueStatus; note: string | null };
    return { at: r.at, actor, from: p.from, to: p.to, note: p.note };
  });
}

export function loadIssueSummary(db: Queryable, id: string): IssueSummary | null {
  const row = summaryQuery(db).where(eq(issues.id, id)).get();
  return row ? (toSummaries(db, [row])[0] ?? null) : null;
}

/** The whole issue: evidence (insights with customers, deleted ones marked), priority with reasons, and history. */
export function loadIssue(db: Queryable, viewerId: string, id: string): Issue | null {
  const summary = loadIssueSummary(db, id);
  if (!summary) return null;
  const row = findIssue(db, id) as IssueRow;
  const by = db.select({ id: users.id, displayName: users.displayName, handle: users.handle }).from(users).where(eq(users.id, row.createdById)).get();
  const evidenceIds = db
    .select({ insightId: issueEvidence.insightId })
    .from(issueEvidence)
    .where(eq(issueEvidence.issueId, id))
    .orderBy(asc(issueEvidence.createdAt), asc(issueEvidence.insightId))
    .all()
    .map((e) => e.insightId);
  return {
    ...summary,
    createdBy: by ?? { id: row.createdById, displayName: '', handle: '' },
    evidence: presentInsightsById(db, viewerId, evidenceIds),
    history: historyOf(db, id),
  };
}

export interface IssueListFilter {
  status?: IssueStatus[];
  teamId?: string;
  assigneeId?: string;
  kind?: IssueRow['kind'][];
  customerId?: string;
  raisedFrom?: string;
  raisedTo?: string;
}

/**
 * Issues with filters and a sort. Age and updated sorts page by keyset;
 * priority moves with time, so its cursor is a position in the ordering.
 */
export function listIssues(db: Queryable, filter: IssueListFilter, sort: ListIssuesQuery['sort'], limit: number, cursor: readonly (string | number)[] | null) {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(inArray(issues.status, filter.status));
  if (filter.kind) conditions.push(inArray(issues.kind, filter.kind));
  if (filter.teamId) conditions.push(eq(issues.teamId, filter.teamId));
  if (filter.assigneeId) conditions.push(eq(issues.assigneeId, filter.assigneeId));
  if (filter.raisedFrom) conditions.push(gte(issues.createdAt, new Date(filter.raisedFrom).toISOString()));
  if (filter.raisedTo) conditions.push(lt(issues.createdAt, new Date(filter.raisedTo).toISOString()));
  if (filter.customerId) {
    conditions.push(
      sql`exists (select 1 from ${issueEvidence} join ${insights} on ${insights.id} = ${issueEvidence.insightId}
        where ${issueEvidence.issueId} = ${issues.id} and ${insights.customerId} = ${filter.customerId})`,
    );
  }
  const now = new Date().toISOString();
  if (sort === 'priority') {
    const offset = typeof cursor?.[0] === 'number' ? cursor[0] : 0;
    // Rank on the issues table alone, then join names for the page: joining first would
    // carry every issue's team and people through the sort.
    const ranked = db
      .select({ id: issues.id })
      .from(issues)
      .where(and(...conditions))
      .orderBy(desc(effectivePriority(now)), asc(issues.id))
      .limit(limit + 1)
      .offset(offset)
      .all()
      .map((r) => r.id);
    const byId = new Map(
      (ranked.length ? summaryQuery(db).where(inArray(issues.id, ranked)).all() : []).map((r) => [r.row.id, r]),
    );
    const rows = ranked.flatMap((id) => byId.get(id) ?? []);
    return { rows: toSummaries(db, rows), keyOf: (_s: IssueSummary, index: number) => [offset + index + 1] };
  }
  if (sort === 'age') {
    if (cursor) conditions.push(keysetAfter(issues.createdAt, issues.id, [String(cursor[0]), String(cursor[1])], 'asc'));
    const rows = summaryQuery(db).where(and(...conditions)).orderBy(asc(issues.createdAt), asc(issues.id)).limit(limit + 1).all();
    return { rows: toSummaries(db, rows), keyOf: (s: IssueSummary) => [s.createdAt, s.id] };
  }
  if (cursor) conditions.push(keysetAfter(issues.updatedAt, issues.id, [String(cursor[0]), String(cursor[1])], 'desc'));
  const rows = summaryQuery(db).where(and(...conditions)).orderBy(desc(issues.updatedAt), desc(issues.id)).limit(limit + 1).all();
  return { rows: toSummaries(db, rows), keyOf: (s: IssueSummary) => [s.updatedAt, s.id] };
}

/** Issues fed by any of these insights (for threads). */
export const issuesOfInsight = (db: Queryable, insightId: string) =>
  db.select({ issueId: issueEvidence.issueId }).from(issueEvidence).where(eq(issueEvidence.insightId, insightId)).all();
