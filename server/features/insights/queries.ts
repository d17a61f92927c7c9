import { invalid } from '../../errors.js';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { customers, insightTags, insights, searchDocs, threadTeams, users } from '../../../db/schema.js';
import type { Insight } from '../../../shared/insights.js';
import { preparedFor } from '../../store/prepared.js';
import { presentedColumns, presentRows, PRESENTED_CREATED_AT, PRESENTED_ID } from './presented.js';

export type InsightRow = typeof insights.$inferSelect;

export interface FeedFilter {
  teamId?: string;
  tag?: string;
  channel?: InsightRow['channel'];
  sentiment?: InsightRow['sentiment'];
  customerId?: string;
  authorId?: string;
  q?: string;
  from?: string;
  to?: string;
  includeDeleted?: boolean;
}

export const findInsight = (db: Queryable, id: string) => db.select().from(insights).where(eq(insights.id, id)).get();


function selectPresented(db: Queryable) {
  return db
    .select(presentedColumns)
    .from(insights)
    .innerJoin(users, eq(users.id, insights.authorId))
    .leftJoin(customers, eq(customers.id, insights.customerId));
}

type FeedFilterKey = Exclude<keyof FeedFilter, 'includeDeleted'>;
const FEED_KEYS: FeedFilterKey[] = ['teamId', 'tag', 'channel', 'sentiment', 'customerId', 'authorId', 'q', 'from', 'to'];
const p = (name: string) => sql.placeholder(name);

/** The feed's WHERE for one combination of filters, with placeholders for every value. */
/**
 * The feed's WHERE for one combination of filters. `v(name)` gives each value:
 * a placeholder for prepared statements, or the value itself.
 */
function feedConditions(present: ReadonlySet<string>, v: (name: string) => unknown): SQL[] {
  const conditions: SQL[] = [];
  if (!present.has('includeDeleted')) conditions.push(isNull(insights.deletedAt));
  if (present.has('channel')) conditions.push(sql`${insights.channel} = ${v('channel')}`);
  if (present.has('sentiment')) conditions.push(sql`${insights.sentiment} = ${v('sentiment')}`);
  if (present.has('customerId')) conditions.push(sql`${insights.customerId} = ${v('customerId')}`);
  if (present.has('authorId')) conditions.push(sql`${insights.authorId} = ${v('authorId')}`);
  if (present.has('from')) conditions.push(sql`${insights.createdAt} >= ${v('from')}`);
  if (present.has('to')) conditions.push(sql`${insights.createdAt} < ${v('to')}`);
  if (present.has('tag')) {
    conditions.push(sql`exists (select 1 from ${insightTags} where ${insightTags.tag} = ${v('tag')} and ${insightTags.insightId} = ${insights.id})`);
  }
  if (present.has('teamId')) {
    conditions.push(sql`exists (select 1 from ${threadTeams} where ${threadTeams.teamId} = ${v('teamId')} and ${threadTeams.insightId} = ${insights.id})`);
  }
  return conditions;
}

/**
 * One prepared statement per combination of filters in use (built on first
 * use), so a feed page costs one execution, not a query build.
 */
const feedStatements = new WeakMap<Queryable, Map<string, ReturnType<typeof buildFeedStatement> | ReturnType<typeof buildTextFeedStatement>>>();

function buildFeedStatement(db: Queryable, present: ReadonlySet<string>) {
  const conditions = feedConditions(present, p);
  // A row value, so the planner seeks the (created_at, id) index instead of scanning down to the cursor.
  if (present.has('after')) conditions.push(sql`(${insights.createdAt}, ${insights.id}) < (${p('afterAt')}, ${p('afterId')})`);
  return selectPresented(db)
    .where(and(...conditions))
    .orderBy(desc(insights.createdAt), desc(insights.id))
    .limit(p('limit') as unknown as number)
    .prepare();
}

/** A feed cursor is (createdAt, id); with text it is the index position ("text", rowid). */
export type FeedKey = [string, string] | ['text', number];

/**
 * With text (`q`), the page is driven by the full-text index, newest indexed
 * first, and stops after one page even for a word in most posts; the other
 * filters apply to each match. Its cursor is the position in the index. One
 * prepared statement per combination of filters, as for the plain feed.
 */
function buildTextFeedStatement(db: Queryable, present: ReadonlySet<string>) {
  const conditions = feedConditions(present, p);
  conditions.push(sql`search_fts match ${p('q')}`, eq(searchDocs.kind, 'insight'));
  if (present.has('after')) conditions.push(sql`search_fts.rowid < ${p('afterRid')}`);
  return db
    .select({ ...presentedColumns, rid: sql<number>`search_fts.rowid` })
    .from(sql`search_fts`)
    .innerJoin(searchDocs, sql`${searchDocs.id} = search_fts.rowid`)
    .innerJoin(insights, eq(insights.id, searchDocs.refId))
    .innerJoin(users, eq(users.id, insights.authorId))
    .leftJoin(customers, eq(customers.id, insights.customerId))
    .where(and(...conditions))
    .orderBy(sql`search_fts.rowid desc`)
    .limit(p('limit') as unknown as number)
    .prepare();
}

/** A feed page, newest first, keyset-paged on (createdAt, id): no gaps or repeats while new posts arrive. */
export function feedPage(db: Queryable, viewerId: string, filter: FeedFilter, limit: number, after: FeedKey | null) {
  const values: Record<string, unknown> = { limit: limit + 1 };
  const present = new Set<string>();
  for (const key of FEED_KEYS) {
    const value = filter[key];
    if (value === undefined || value === '') continue;
    present.add(key);
    values[key] = value;
  }
  if (filter.includeDeleted) present.add('includeDeleted');
  const text = present.has('q');
  if (after) {
    if (text && after[0] !== 'text') throw invalid('This cursor belongs to a list without text; start again from the first page.', { field: 'cursor' });
    if (!text && after[0] === 'text') throw invalid('This cursor belongs to a text search; start again from the first page.', { field: 'cursor' });
    present.add('after');
    if (text) values.afterRid = Number(after[1]);
    else [values.afterAt, values.afterId] = after;
  }
  const shape = [...present].sort().join(',');
  let statements = feedStatements.get(db);
  if (!statements) feedStatements.set(db, (statements = new Map()));
  let statement = statements.get(shape);
  if (!statement) statements.set(shape, (statement = text ? buildTextFeedStatement(db, present) : buildFeedStatement(db, present)));
  const rows = statement.values(values) as unknown[][];
  const json = presentRows(db, viewerId, rows, false);
  return rows.map((row, i): { json: string; key: FeedKey } => ({
    json: json[i] as string,
    // The text statement selects the index position last.
    key: text ? ['text', row[row.length - 1] as number] : [row[PRESENTED_CREATED_AT] as string, row[PRESENTED_ID] as string],
  }));
}

/** Insights by id in the given order, presented as list items (for timelines and evidence). */
export function presentInsightsById(db: Queryable, viewerId: string, ids: readonly string[], full = false): Insight[] {
  if (ids.length === 0) return [];
  const rows = selectPresented(db)
    .where(sql`${insights.id} in ${ids}`)
    .values() as unknown[][];
  const json = presentRows(db, viewerId, rows, full);
  const byId = new Map(rows.map((row, i) => [row[PRESENTED_ID] as string, JSON.parse(json[i] as string) as Insight]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const presentedById = preparedFor((db) => selectPresented(db).where(eq(insights.id, p('id'))).prepare());

/** One insight in full as JSON (every thread view and every write's answer): prepared once. */
export function loadInsightJson(db: Queryable, viewerId: string, id: string): string | null {
  const rows = presentedById(db).values({ id }) as unknown[][];
  return presentRows(db, viewerId, rows, true)[0] ?? null;
}

export function loadInsight(db: Queryable, viewerId: string, id: string): Insight | null {
  const json = loadInsightJson(db, viewerId, id);
  return json === null ? null : (JSON.parse(json) as Insight);
}

export function reactionSummary(db: Queryable, viewerId: string, insightId: string) {
  return loadInsight(db, viewerId, insightId)?.reactions ?? [];
}

export const tagSuggestions = (db: Queryable, prefix: string, limit: number) =>
  db
    .select({ tag: insightTags.tag, count: sql<number>`count(*)` })
    .from(insightTags)
    .where(sql`${insightTags.tag} like ${`${prefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`)
    .groupBy(insightTags.tag)
    .orderBy(desc(sql`count(*)`), insightTags.tag)
    .limit(limit)
    .all();
