import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { insights, reactions, replies } from '../../../db/schema.js';
import type { ReactionKind, Reply } from '../../../shared/insights.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/auth.js';
import type { Store, WriteContext } from '../../store/store.js';
import { newId, nowIso } from '../../store/ids.js';
import { findInsight } from '../insights/queries.js';
import { notify } from '../notifications/notify.js';
import { addThreadTeams, membersOfTeams, resolveMentions, storeMentions, teamIdsOf, type ResolvedMentions } from './mentions.js';
import { findReply, loadReply } from './queries.js';
import { recomputePriorityForInsights } from '../issues/priority.js';

/** A live insight, or 404: a deleted one takes no replies or reactions. */
export function requireLiveInsight(tx: Tx, insightId: string) {
  const insight = findInsight(tx, insightId);
  if (!insight || insight.deletedAt) throw notFound('Insight');
  return insight;
}

/**
 * Notifies people mentioned by handle and members of mentioned teams, skipping
 * those already told about this subject (`alreadyNotified`).
 */
export function notifyMentions(
  ctx: WriteContext,
  actor: Principal,
  insightId: string,
  mentioned: ResolvedMentions,
  subject: { type: 'insight' | 'reply'; id: string },
  excerpt: string,
  alreadyNotified: ReadonlySet<string> = new Set(),
): void {
  const recipients = [...mentioned.users, ...membersOfTeams(ctx.tx, mentioned.teams)].filter((u) => !alreadyNotified.has(u));
  notify(ctx, actor.userId, recipients, {
    kind: 'mention',
    subject,
    data: { insightId, by: { id: actor.userId, displayName: actor.displayName }, excerpt: excerpt.slice(0, 200) },
  });
}

/** Who a set of mentions reaches, for "notify only new mentions" on edits. */
const reachOf = (tx: Tx, m: ResolvedMentions) => new Set([...m.users, ...membersOfTeams(tx, m.teams)]);

export function createReply(store: Store, actor: Principal, insightId: string, body: string): Reply {
  const id = newId();
  store.write((ctx) => {
    const { tx, append } = ctx;
    requireLiveInsight(tx, insightId);
    tx.insert(replies).values({ id, insightId, authorId: actor.userId, body, createdAt: nowIso() }).run();
    tx.update(insights).set({ replyCount: sql`${insights.replyCount} + 1` }).where(eq(insights.id, insightId)).run();
    const mentioned = resolveMentions(tx, body);
    storeMentions(tx, insightId, id, mentioned);
    const replierTeams = teamIdsOf(tx, actor.userId);
    addThreadTeams(tx, insightId, replierTeams, 'reply');
    addThreadTeams(tx, insightId, mentioned.teams, 'mention');
    append('reply.created', {
      actorId: actor.userId,
      subject: { type: 'insight', id: insightId },
      data: { replyId: id, insightId, authorId: actor.userId, teamIds: [...new Set([...replierTeams, ...mentioned.teams])] },
    });
    notifyMentions(ctx, actor, insightId, mentioned, { type: 'reply', id }, body);
  });
  return loadReply(store.db, id) as Reply;
}

function requireOwnReply(tx: Tx, actor: Principal, replyId: string) {
  const reply = findReply(tx, replyId);
  if (!reply || reply.deletedAt) throw notFound('Reply');
  const insight = findInsight(tx, reply.insightId);
  if (!insight || (insight.deletedAt && actor.role !== 'admin')) throw notFound('Reply');
  if (reply.authorId !== actor.userId && actor.role !== 'admin') throw forbidden('Only the author can change this reply.');
  return reply;
}

export function updateReply(store: Store, actor: Principal, replyId: string, body: string): Reply {
  store.write((ctx) => {
    const { tx, append } = ctx;
    const reply = requireOwnReply(tx, actor, replyId);
    if (reply.body === body) return;
    const before = reachOf(tx, resolveMentions(tx, reply.body));
    tx.update(replies).set({ body, editedAt: nowIso() }).where(eq(replies.id, replyId)).run();
    const mentioned = resolveMentions(tx, body);
    storeMentions(tx, reply.insightId, replyId, mentioned);
    addThreadTeams(tx, reply.insightId, mentioned.teams, 'mention');
    append('reply.updated', {
      actorId: actor.userId,
      subject: { type: 'insight', id: reply.insightId },
      data: { replyId, insightId: reply.insightId, previousBody: reply.body },
    });
    notifyMentions(ctx, actor, reply.insightId, mentioned, { type: 'reply', id: replyId }, body, before);
  });
  return loadReply(store.db, replyId) as Reply;
}

export function deleteReply(store: Store, actor: Principal, replyId: string): void {
  store.write(({ tx, append }) => {
    const reply = requireOwnReply(tx, actor, replyId);
    tx.update(replies).set({ deletedAt: nowIso() }).where(eq(replies.id, replyId)).run();
    tx.update(insights).set({ replyCount: sql`max(${insights.replyCount} - 1, 0)` }).where(eq(insights.id, reply.insightId)).run();
    append('reply.deleted', { actorId: actor.userId, subject: { type: 'insight', id: reply.insightId }, data: { replyId, insightId: reply.insightId } });
  });
}

/** PUT and DELETE are idempotent: only a real change appends an event. */
export function setReaction(store: Store, actor: Principal, insightId: string, kind: ReactionKind, active: boolean): void {
  store.write(({ tx, append }) => {
    requireLiveInsight(tx, insightId);
    const where = and(eq(reactions.insightId, insightId), eq(reactions.userId, actor.userId), eq(reactions.kind, kind), isNull(reactions.replyId));
    const changed = active
      ? tx.insert(reactions).values({ id: newId(), insightId, userId: actor.userId, kind, createdAt: nowIso() }).onConflictDoNothing().run().changes
      : tx.delete(reactions).where(where).run().changes;
    if (changed === 0) return;
    tx.update(insights).set({ reactionCount: sql`${insights.reactionCount} + ${active ? 1 : -1}` }).where(eq(insights.id, insightId)).run();
    const total = tx.select({ n: count() }).from(reactions).where(and(eq(reactions.insightId, insightId), eq(reactions.kind, kind))).get()?.n ?? 0;
    append('reaction.changed', { actorId: actor.userId, subject: { type: 'insight', id: insightId }, data: { insightId, kind, userId: actor.userId, active, count: total } });
    // "Me too" is evidence: the priority of every issue this insight feeds moves with it.
    if (kind === 'me_too') recomputePriorityForInsights(tx, [insightId]);
  });
}

export const assertReactionKind = (kind: string): ReactionKind => {
  if (kind === 'me_too' || kind === 'thanks' || kind === 'insightful') return kind;
  throw new AppError('invalid_input', 'Reaction kinds are me_too, thanks and insightful.', { field: 'kind' });
};
