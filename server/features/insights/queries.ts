import { invalid } from '../../errors.js';
import { and, desc, eq, getTableColumns, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { customers, insightTags, insights, issueEvidence, issues, mentions, reactions, searchDocs, teams, threadTeams, users } from '../../../db/schema.js';
import { REACTION_KINDS, type Insight, type ReactionKind } from '../../../shared/insights.js';
import { LIMITS } from '../../../shared/limits.js';
import { preparedFor } from '../../store/prepared.js';
import type { TeamRef } from '../../../shared/users.js';
import type { Tier } from '../../../shared/customers.js';

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


/**
 * Everything a list item shows, in one statement: the row (which carries the
 * teams taking part and how many reactions and linked issues it has), its
 * author and customer, and correlated JSON sub-selects for mentions,
 * reactions and linked issues, only on rows that have some (each uses an index
 * on insight_id).
 */
function presentedColumns(viewerId: string | Placeholder) {
  return {
    row: insights,
    authorName: users.displayName,
    authorHandle: users.handle,
    customerName: customers.name,
    customerCompany: customers.company,
    customerTier: customers.tier,
    mentionRefs: sql<string>`case when ${insights.mentionCount} = 0 then '[]' else (select json_group_array(json_array(${mentions.userId}, ${mentions.teamId}))
      from ${mentions} where ${mentions.insightId} = ${insights.id} and ${mentions.replyId} is null) end`,
    reactionCounts: sql<string>`case when ${insights.reactionCount} = 0 then '[]' else (select json_group_array(json_array(kind, n, mine)) from (
      select ${reactions.kind} as kind, count(*) as n, max(${reactions.userId} = ${viewerId}) as mine
      from ${reactions} where ${reactions.insightId} = ${insights.id} group by ${reactions.kind})) end`,
    linkedIssues: sql<string>`case when ${insights.issueCount} = 0 then '[]' else (select json_group_array(json_object('id', ${issues.id}, 'title', ${issues.title}, 'status', ${issues.status}, 'kind', ${issues.kind}))
      from ${issueEvidence} join ${issues} on ${issues.id} = ${issueEvidence.issueId} where ${issueEvidence.insightId} = ${insights.id}) end`,
  };
}

type PresentedRow = {
  row: InsightRow;
  authorName: string;
  authorHandle: string;
  customerName: string | null;
  customerCompany: string | null;
  customerTier: Tier | null;
  mentionRefs: string;
  reactionCounts: string;
  linkedIssues: string;
};

/** Most rows have no mentions, reactions, linked issues or tags: skip parsing their empty lists. */
const parseList = <T>(json: string): T[] => (json === '[]' ? [] : (JSON.parse(json) as T[]));

const INSIGHT_COLUMNS = Object.keys(getTableColumns(insights)) as (keyof InsightRow)[];
/** Where each column of an insights row is in a presented row's values. */
const COLUMN = Object.fromEntries(INSIGHT_COLUMNS.map((key, i) => [key, i])) as Record<keyof InsightRow, number>;
// presentedFromValues reads the extras by position: they must stay in this order.
const PRESENTED_EXTRAS = ['authorName', 'authorHandle', 'customerName', 'customerCompany', 'customerTier', 'mentionRefs', 'reactionCounts', 'linkedIssues'];
if (Object.keys(presentedColumns('')).join() !== ['row', ...PRESENTED_EXTRAS].join()) throw new Error('presentedColumns changed: update presentedFromValues');

/**
 * A presented row from the raw values of a select of presentedColumns (in the
 * order drizzle selects them: the table's columns, then the extras). Lists
 * read rows this way because drizzle's generic per-field mapping cost more
 * than the query for a page of 50.
 */
function presentedFromValues(values: unknown[]): PresentedRow {
  // A literal of every column (the type checks none is missing), so each row has one shape.
  // No helper closures: this runs for every row of every list.
  const row: InsightRow = {
    id: values[COLUMN.id] as string,
    authorId: values[COLUMN.authorId] as string,
    body: values[COLUMN.body] as string,
    channel: values[COLUMN.channel] as InsightRow['channel'],
    sentiment: values[COLUMN.sentiment] as InsightRow['sentiment'],
    tags: parseList(values[COLUMN.tags] as string),
    sourceUrl: values[COLUMN.sourceUrl] as string | null,
    customerId: values[COLUMN.customerId] as string | null,
    replyCount: values[COLUMN.replyCount] as number,
    teamIds: parseList(values[COLUMN.teamIds] as string),
    authorTeamCount: values[COLUMN.authorTeamCount] as number,
    mentionCount: values[COLUMN.mentionCount] as number,
    reactionCount: values[COLUMN.reactionCount] as number,
    issueCount: values[COLUMN.issueCount] as number,
    createdAt: values[COLUMN.createdAt] as string,
    editedAt: values[COLUMN.editedAt] as string | null,
    deletedAt: values[COLUMN.deletedAt] as string | null,
  };
  const extras = INSIGHT_COLUMNS.length;
  return {
    row,
    authorName: values[extras] as string,
    authorHandle: values[extras + 1] as string,
    customerName: values[extras + 2] as string | null,
    customerCompany: values[extras + 3] as string | null,
    customerTier: values[extras + 4] as Tier | null,
    mentionRefs: values[extras + 5] as string,
    reactionCounts: values[extras + 6] as string,
    linkedIssues: values[extras + 7] as string,
  };
}

function selectPresented(db: Queryable, viewerId: string | Placeholder) {
  return db
    .select(presentedColumns(viewerId))
    .from(insights)
    .innerJoin(users, eq(users.id, insights.authorId))
    .leftJoin(customers, eq(customers.id, insights.customerId));
}

/** Cuts long bodies on a word boundary so the feed carries what a list shows. */
export function excerpt(body: string): { body: string; truncated: boolean } {
  if (body.length <= LIMITS.feedBodyLength) return { body, truncated: false };
  const cut = body.slice(0, LIMITS.feedBodyLength);
  const space = cut.lastIndexOf(' ');
  return { body: `${(space > LIMITS.feedBodyLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`, truncated: true };
}

const allTeams = preparedFor((db) => db.select({ id: teams.id, slug: teams.slug, name: teams.name }).from(teams).prepare());

/** Every team by id, in order of name: a handful of rows, read once per request instead of joined into every row. */
export const teamRefs = (db: Queryable): Map<string, TeamRef> =>
  new Map(
    allTeams(db)
      .all()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => [t.id, t]),
  );

function toInsight(r: PresentedRow, full: boolean, teamsById: ReadonlyMap<string, TeamRef>): Insight {
  const counts = new Map(parseList<[ReactionKind, number, number]>(r.reactionCounts).map(([kind, n, mine]) => [kind, { n, mine: mine === 1 }]));
  const refs = parseList<[string | null, string | null]>(r.mentionRefs);
  const text = r.row.deletedAt && !full ? { body: '', truncated: false } : full ? { body: r.row.body, truncated: false } : excerpt(r.row.body);
  return {
    id: r.row.id,
    ...text,
    channel: r.row.channel,
    sentiment: r.row.sentiment,
    tags: r.row.tags,
    sourceUrl: r.row.sourceUrl,
    customer:
      r.row.customerId && r.customerName !== null
        ? { id: r.row.customerId, name: r.customerName, company: r.customerCompany, tier: r.customerTier ?? 'standard' }
        : null,
    author: { id: r.row.authorId, displayName: r.authorName, handle: r.authorHandle },
    createdAt: r.row.createdAt,
    editedAt: r.row.editedAt,
    deletedAt: r.row.deletedAt,
    // teamRefs lists teams by name, so keeping its order sorts them.
    teamsTakingPart: [...teamsById.values()].filter((team) => r.row.teamIds.includes(team.id)),
    mentions: { users: refs.flatMap(([u]) => (u ? [u] : [])), teams: refs.flatMap(([, t]) => (t ? [t] : [])) },
    replyCount: r.row.replyCount,
    reactions: REACTION_KINDS.map((kind) => ({ kind, count: counts.get(kind)?.n ?? 0, mine: counts.get(kind)?.mine ?? false })),
    issues: parseList<Insight['issues'][number]>(r.linkedIssues),
  };
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
  return selectPresented(db, p('viewerId'))
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
    .select({ ...presentedColumns(p('viewerId')), rid: sql<number>`search_fts.rowid` })
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
  const values: Record<string, unknown> = { viewerId, limit: limit + 1 };
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
  const teamsById = teamRefs(db);
  return (statement.values(values) as unknown[][]).map((values): { insight: Insight; key: FeedKey } => {
    const r = presentedFromValues(values);
    // The text statement selects the index position last.
    return { insight: toInsight(r, false, teamsById), key: text ? ['text', values[values.length - 1] as number] : [r.row.createdAt, r.row.id] };
  });
}

/** Insights by id in the given order, presented as list items (for timelines and evidence). */
export function presentInsightsById(db: Queryable, viewerId: string, ids: readonly string[], full = false): Insight[] {
  if (ids.length === 0) return [];
  const rows = (
    selectPresented(db, viewerId)
      .where(sql`${insights.id} in ${ids}`)
      .values() as unknown[][]
  ).map(presentedFromValues);
  const teamsById = teamRefs(db);
  const byId = new Map(rows.map((r) => [r.row.id, toInsight(r, full, teamsById)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const presentedById = preparedFor((db) => selectPresented(db, p('viewerId')).where(eq(insights.id, p('id'))).prepare());

const authorOf = preparedFor((db) => db.select({ displayName: users.displayName, handle: users.handle }).from(users).where(eq(users.id, p('id'))).prepare());

/**
 * A just-written insight as loadInsight would present it, from what the write
 * knows (no replies, reactions or linked issues yet), with the author's name.
 */
export function presentNewInsight(
  tx: Queryable,
  written: { row: InsightRow; customer: { name: string; company: string | null; tier: Tier } | null; mentioned: { users: readonly string[]; teams: readonly string[] } },
): Insight {
  const author = authorOf(tx).get({ id: written.row.authorId }) as { displayName: string; handle: string };
  const presented: PresentedRow = {
    row: written.row,
    authorName: author.displayName,
    authorHandle: author.handle,
    customerName: written.customer?.name ?? null,
    customerCompany: written.customer?.company ?? null,
    customerTier: written.customer?.tier ?? null,
    mentionRefs: JSON.stringify([...written.mentioned.users.map((u) => [u, null]), ...written.mentioned.teams.map((t) => [null, t])]),
    reactionCounts: '[]',
    linkedIssues: '[]',
  };
  return toInsight(presented, true, teamRefs(tx));
}

/** One insight in full (every thread view and every write's answer): prepared once. */
export function loadInsight(db: Queryable, viewerId: string, id: string): Insight | null {
  const [values] = presentedById(db).values({ viewerId, id }) as unknown[][];
  return values ? toInsight(presentedFromValues(values), true, teamRefs(db)) : null;
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
