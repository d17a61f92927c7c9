import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { insights, mentions, teamMembers, teams, threadTeams, users } from '../../../db/schema.js';
import { newId, nowIso } from '../../store/ids.js';
import { preparedFor } from '../../store/prepared.js';

/** `@word` not preceded by a word character or @ (so emails are not mentions), outside code. */
const MENTION = /(^|[^\w@`])@([a-z0-9][a-z0-9_.-]*[a-z0-9_]|[a-z0-9])/gi;

/** The distinct @words of a Markdown body, lowercased; fenced and inline code are skipped. */
export function mentionedWords(body: string): string[] {
  const withoutCode = body.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const words = new Set<string>();
  for (const match of withoutCode.matchAll(MENTION)) if (match[2]) words.add(match[2].toLowerCase());
  return [...words];
}

export interface ResolvedMentions {
  users: string[];
  teams: string[];
}

/** Resolves @words to people (by handle) and teams (by slug); an unknown word stays text. */
export function resolveMentions(tx: Tx, body: string): ResolvedMentions {
  const words = mentionedWords(body);
  if (words.length === 0) return { users: [], teams: [] };
  const people = tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.handle}) in ${words}`, eq(users.active, true)))
    .all();
  const mentionedTeams = tx.select({ id: teams.id }).from(teams).where(inArray(teams.slug, words)).all();
  return { users: people.map((p) => p.id), teams: mentionedTeams.map((t) => t.id) };
}

/** Replaces the stored mentions of an insight body (replyId null) or of one reply; `fresh` when there can be none yet. */
export function storeMentions(tx: Tx, insightId: string, replyId: string | null, resolved: ResolvedMentions, fresh = false): void {
  if (fresh && resolved.users.length === 0 && resolved.teams.length === 0) return;
  tx.delete(mentions)
    .where(and(eq(mentions.insightId, insightId), replyId ? eq(mentions.replyId, replyId) : isNull(mentions.replyId)))
    .run();
  const createdAt = nowIso();
  for (const userId of resolved.users) tx.insert(mentions).values({ id: newId(), insightId, replyId, userId, createdAt }).run();
  for (const teamId of resolved.teams) tx.insert(mentions).values({ id: newId(), insightId, replyId, teamId, createdAt }).run();
  // The insight row counts its body's mentions (insights.mention_count) for lists.
  if (replyId === null) tx.update(insights).set({ mentionCount: resolved.users.length + resolved.teams.length }).where(eq(insights.id, insightId)).run();
}

const teamIdsOfUser = preparedFor((db) =>
  db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, sql.placeholder('userId'))).prepare(),
);

export const teamIdsOf = (tx: Tx, userId: string): string[] => teamIdsOfUser(tx).all({ userId }).map((r) => r.teamId);

const insertThreadTeam = preparedFor((db) =>
  db
    .insert(threadTeams)
    .values({ insightId: sql.placeholder('insightId'), teamId: sql.placeholder('teamId'), via: sql.placeholder('via'), createdAt: sql.placeholder('createdAt') })
    .onConflictDoNothing()
    .prepare(),
);

export const membersOfTeams = (tx: Tx, teamIds: readonly string[]): string[] =>
  teamIds.length === 0
    ? []
    : tx
        .select({ userId: teamMembers.userId })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(and(inArray(teamMembers.teamId, [...teamIds]), eq(users.active, true)))
        .all()
        .map((r) => r.userId);

/** Records teams taking part in a thread; a team already in keeps how it first came in. */
export function addThreadTeams(tx: Tx, insightId: string, teamIds: readonly string[], via: 'author' | 'mention' | 'reply'): void {
  const createdAt = nowIso();
  const added = teamIds.filter((teamId) => insertThreadTeam(tx).run({ insightId, teamId, via, createdAt }).changes === 1);
  // The insight row carries the same list for the feed (insights.team_ids).
  if (added.length > 0) appendTeamIds(tx).run({ insightId, added: JSON.stringify(added) });
}

const appendTeamIds = preparedFor((db) =>
  db
    .update(insights)
    .set({ teamIds: sql`(select json_group_array(value) from (select value from json_each(${insights.teamIds}) union all select value from json_each(${sql.placeholder('added')})))` })
    .where(eq(insights.id, sql.placeholder('insightId')))
    .prepare(),
);
