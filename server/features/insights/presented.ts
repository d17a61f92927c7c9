import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Queryable } from '../../../db/client.js';
import { customers, insights, issueEvidence, issues, mentions, reactions, teams, users } from '../../../db/schema.js';
import { REACTION_KINDS } from '../../../shared/insights.js';
import { LIMITS } from '../../../shared/limits.js';
import type { TeamRef } from '../../../shared/users.js';
import { preparedFor } from '../../store/prepared.js';

/**
 * How an insight is presented (the `insight` schema of shared/insights.ts).
 * SQLite writes the item's JSON itself — the row, its author and customer, and
 * its mentions, reactions and linked issues — so a page of 50 makes no object
 * per field and serializes none; the server adds what follows its own rules:
 * the excerpt and the teams taking part in name order.
 *
 * The columns of a list's select: the row's own fields as JSON, what the server
 * writes from, and the counts that say which rows have mentions, reactions or
 * linked issues (most have none). Those are read for the rows that have some,
 * in one statement each per list: a correlated sub-select in the list's
 * statement cost every row, even guarded by the counts.
 */
export const presentedColumns = {
  fields: sql<string>`json_object(
    'id', ${insights.id}, 'channel', ${insights.channel}, 'sentiment', ${insights.sentiment}, 'tags', json(${insights.tags}),
    'sourceUrl', ${insights.sourceUrl},
    'customer', iif(${customers.id} is null, null,
      json_object('id', ${customers.id}, 'name', ${customers.name}, 'company', ${customers.company}, 'tier', ${customers.tier})),
    'author', json_object('id', ${users.id}, 'displayName', ${users.displayName}, 'handle', ${users.handle}),
    'createdAt', ${insights.createdAt}, 'editedAt', ${insights.editedAt}, 'deletedAt', ${insights.deletedAt},
    'replyCount', ${insights.replyCount})`,
  // A body no list would cut comes quoted by SQLite; any other comes raw, for the server's excerpt. UTF-8 bytes
  // are never fewer than the UTF-16 units `excerpt` counts, so a body within the limit in bytes is one it keeps whole.
  quotedBody: sql<string | null>`iif(${insights.deletedAt} is null and octet_length(${insights.body}) <= ${LIMITS.feedBodyLength}, json_quote(${insights.body}), null)`,
  body: sql<string | null>`iif(${insights.deletedAt} is null and octet_length(${insights.body}) <= ${LIMITS.feedBodyLength}, null, ${insights.body})`,
  deletedAt: insights.deletedAt,
  teamIds: sql<string>`${insights.teamIds}`,
  mentionCount: insights.mentionCount,
  reactionCount: insights.reactionCount,
  issueCount: insights.issueCount,
  createdAt: insights.createdAt,
  id: insights.id,
};

// The presenter reads the columns by position: they must stay in this order.
const [FIELDS, QUOTED_BODY, BODY, DELETED_AT, TEAM_IDS, MENTION_COUNT, REACTION_COUNT, ISSUE_COUNT] = [0, 1, 2, 3, 4, 5, 6, 7];
/** Where the created time and id are in a presented row's values (a list's cursor). */
export const PRESENTED_CREATED_AT = 8;
export const PRESENTED_ID = 9;
if (Object.keys(presentedColumns).join() !== 'fields,quotedBody,body,deletedAt,teamIds,mentionCount,reactionCount,issueCount,createdAt,id') {
  throw new Error('presentedColumns changed: update presentRows');
}

const p = (name: string) => sql.placeholder(name);
/** Insight ids as a JSON array: one prepared statement serves any number of them. */
const inIds = (column: SQLiteColumn) => sql`${column} in (select value from json_each(${p('ids')}))`;

const mentionsOf = preparedFor((db) =>
  db
    .select({
      insightId: mentions.insightId,
      json: sql<string>`json_object('users', json_group_array(${mentions.userId}) filter (where ${mentions.userId} is not null),
        'teams', json_group_array(${mentions.teamId}) filter (where ${mentions.teamId} is not null))`,
    })
    .from(mentions)
    .where(sql`${inIds(mentions.insightId)} and ${mentions.replyId} is null`)
    .groupBy(mentions.insightId)
    .prepare(),
);

const reactionsOf = preparedFor((db) => {
  const kinds = REACTION_KINDS.map(
    (kind) =>
      sql`json_object('kind', ${kind}, 'count', count(*) filter (where ${reactions.kind} = ${kind}),
        'mine', json(iif(max(${reactions.kind} = ${kind} and ${reactions.userId} = ${p('viewerId')}), 'true', 'false')))`,
  );
  return db
    .select({ insightId: reactions.insightId, json: sql<string>`json_array(${sql.join(kinds, sql`, `)})` })
    .from(reactions)
    .where(inIds(reactions.insightId))
    .groupBy(reactions.insightId)
    .prepare();
});

const issuesOf = preparedFor((db) =>
  db
    .select({
      insightId: issueEvidence.insightId,
      json: sql<string>`json_group_array(json_object('id', ${issues.id}, 'title', ${issues.title}, 'status', ${issues.status}, 'kind', ${issues.kind}))`,
    })
    .from(issueEvidence)
    .innerJoin(issues, sql`${issues.id} = ${issueEvidence.issueId}`)
    .where(inIds(issueEvidence.insightId))
    .groupBy(issueEvidence.insightId)
    .prepare(),
);

const NO_MENTIONS = JSON.stringify({ users: [], teams: [] });
const NO_REACTIONS = JSON.stringify(REACTION_KINDS.map((kind) => ({ kind, count: 0, mine: false })));

/** Each insight's JSON for `column`, for the rows whose `count` says they have some. */
function lookUp(rows: readonly unknown[][], count: number, read: () => { all(values: Record<string, unknown>): unknown }, viewerId: string) {
  const ids = rows.filter((row) => row[count] !== 0).map((row) => row[PRESENTED_ID] as string);
  if (ids.length === 0) return null;
  const found = read().all({ ids: JSON.stringify(ids), viewerId }) as { insightId: string; json: string }[];
  return new Map(found.map((one) => [one.insightId, one.json]));
}

/** Cuts long bodies on a word boundary so the feed carries what a list shows. */
function excerpt(body: string): { body: string; truncated: boolean } {
  if (body.length <= LIMITS.feedBodyLength) return { body, truncated: false };
  const cut = body.slice(0, LIMITS.feedBodyLength);
  const space = cut.lastIndexOf(' ');
  return { body: `${(space > LIMITS.feedBodyLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`, truncated: true };
}

const allTeams = preparedFor((db) => db.select({ id: teams.id, slug: teams.slug, name: teams.name }).from(teams).prepare());

/** Every team, in order of name: a handful of rows, read once per list instead of joined into every row. */
const teamsByName = (db: Queryable): TeamRef[] => allTeams(db).all().sort((a, b) => a.name.localeCompare(b.name));

/** A row's body as JSON: as SQLite quoted it, whole (`full`), empty once deleted, or cut to an excerpt. */
function bodyOf(row: readonly unknown[], full: boolean): { json: string; truncated: boolean } {
  const quoted = row[QUOTED_BODY] as string | null;
  if (quoted !== null) return { json: quoted, truncated: false };
  const body = row[BODY] as string;
  if (full) return { json: JSON.stringify(body), truncated: false };
  if (row[DELETED_AT] !== null) return { json: '""', truncated: false };
  const cut = excerpt(body);
  return { json: JSON.stringify(cut.body), truncated: cut.truncated };
}

/**
 * The JSON of each row of presentedColumns, in order: the feed's excerpt, or
 * the whole body (`full`, for a thread and every write's answer); a deleted
 * one's body only in full.
 */
export function presentRows(db: Queryable, viewerId: string, rows: readonly unknown[][], full: boolean): string[] {
  const byName = teamsByName(db);
  // A page has few distinct sets of teams: each is written once.
  const teamsJson = new Map<string, string>();
  const mentionsById = lookUp(rows, MENTION_COUNT, () => mentionsOf(db), viewerId);
  const reactionsById = lookUp(rows, REACTION_COUNT, () => reactionsOf(db), viewerId);
  const issuesById = lookUp(rows, ISSUE_COUNT, () => issuesOf(db), viewerId);
  return rows.map((row) => {
    const id = row[PRESENTED_ID] as string;
    const text = bodyOf(row, full);
    const teamIds = row[TEAM_IDS] as string;
    let teamsTakingPart = teamsJson.get(teamIds);
    if (teamsTakingPart === undefined) {
      const ids = JSON.parse(teamIds) as string[];
      teamsJson.set(teamIds, (teamsTakingPart = JSON.stringify(byName.filter((team) => ids.includes(team.id)))));
    }
    return `{"body":${text.json},"truncated":${text.truncated},"teamsTakingPart":${teamsTakingPart},"mentions":${mentionsById?.get(id) ?? NO_MENTIONS},"reactions":${reactionsById?.get(id) ?? NO_REACTIONS},"issues":${issuesById?.get(id) ?? '[]'},${(row[FIELDS] as string).slice(1)}`;
  });
}
