import { eq, sql } from 'drizzle-orm';
import { preparedFor } from '../../store/prepared.js';
import type { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import { insightTags, insights } from '../../../db/schema.js';
import type { createInsightBody, Insight, updateInsightBody } from '../../../shared/insights.js';
import { AppError, forbidden, invalid, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/auth.js';
import type { Store, WriteContext } from '../../store/store.js';
import { newId, nowIso } from '../../store/ids.js';
import { findCustomer, findLiveCustomer } from '../customers/queries.js';
import { insertCustomer } from '../customers/service.js';
import { addThreadTeams, membersOfTeams, resolveMentions, storeMentions, teamIdsOf } from '../threads/mentions.js';
import { notifyMentions } from '../threads/service.js';
import { findInsight, loadInsight, loadInsightJson } from './queries.js';
import { recomputePriorityForInsights } from '../issues/priority.js';

type CreateInsight = z.output<typeof createInsightBody>;
type UpdateInsight = z.output<typeof updateInsightBody>;

/** A customer from a body's id: merged ones lead to their survivor; unknown ones are a 400 naming the field. */
function resolveCustomer(tx: Tx, customerId: string) {
  const customer = findLiveCustomer(tx, customerId);
  if (!customer) throw invalid('That customer does not exist.', { field: 'customerId' });
  return customer;
}

const insertTag = preparedFor((db) =>
  db.insert(insightTags).values({ insightId: sql.placeholder('insightId'), tag: sql.placeholder('tag'), createdAt: sql.placeholder('createdAt') }).prepare(),
);

const insertInsight = preparedFor((db) =>
  db
    .insert(insights)
    .values({
      id: sql.placeholder('id'),
      authorId: sql.placeholder('authorId'),
      body: sql.placeholder('body'),
      channel: sql.placeholder('channel'),
      sentiment: sql.placeholder('sentiment'),
      tags: sql`${sql.placeholder('tags')}`,
      sourceUrl: sql.placeholder('sourceUrl'),
      customerId: sql.placeholder('customerId'),
      authorTeamCount: sql.placeholder('authorTeamCount'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);

/** Replaces an insight's tag rows; a new insight has none to delete (`fresh`). */
function writeTags(tx: Tx, insightId: string, tags: readonly string[], createdAt: string, fresh = false): void {
  if (!fresh) tx.delete(insightTags).where(eq(insightTags.insightId, insightId)).run();
  for (const tag of new Set(tags)) insertTag(tx).run({ insightId, tag, createdAt });
}

/**
 * The writes of a new insight, as a Store body: returns the insight's JSON as
 * a thread shows it, read back inside the same transaction.
 */
function newInsight(actor: Principal, input: CreateInsight) {
  return (ctx: WriteContext): string => {
    const { tx, append } = ctx;
    const id = newId();
    const customer = input.customer
      ? findCustomer(tx, insertCustomer(ctx, actor.userId, input.customer))
      : input.customerId
        ? resolveCustomer(tx, input.customerId)
        : undefined;
    const customerId = customer?.id ?? null;
    const tags = [...new Set(input.tags)];
    const createdAt = nowIso();
    const authorTeams = [...new Set(teamIdsOf(tx, actor.userId))];
    insertInsight(tx).run({
      id,
      authorId: actor.userId,
      body: input.body,
      channel: input.channel,
      sentiment: input.sentiment,
      tags: JSON.stringify(tags),
      sourceUrl: input.sourceUrl ?? null,
      customerId,
      authorTeamCount: authorTeams.length,
      createdAt,
    });
    writeTags(tx, id, tags, createdAt, true);
    const mentioned = resolveMentions(tx, input.body);
    storeMentions(tx, id, null, mentioned, true);
    addThreadTeams(tx, id, authorTeams, 'author');
    addThreadTeams(tx, id, mentioned.teams, 'mention');
    append('insight.created', {
      actorId: actor.userId,
      subject: { type: 'insight', id },
      data: { insightId: id, authorId: actor.userId, customerId, channel: input.channel, sentiment: input.sentiment, tags },
    });
    notifyMentions(ctx, actor, id, mentioned, { type: 'insight', id }, input.body);
    return loadInsightJson(tx, actor.userId, id) as string;
  };
}

/** Posts an insight in a transaction of its own (seeds, scripts). */
export const createInsight = (store: Store, actor: Principal, input: CreateInsight): Insight => JSON.parse(store.write(newInsight(actor, input))) as Insight;

/** Posts an insight from a request, answered as JSON: commits with the other posts of the same moment (see Store.writeGrouped). */
export const postInsight = (store: Store, actor: Principal, input: CreateInsight): Promise<string> => store.writeGrouped(newInsight(actor, input));

/** The insight if the actor may change it: its author or an admin; a deleted one is 404 to everyone else. */
function requireEditable(tx: Tx, actor: Principal, id: string) {
  const insight = findInsight(tx, id);
  if (!insight || (insight.deletedAt && actor.role !== 'admin')) throw notFound('Insight');
  if (insight.authorId !== actor.userId && actor.role !== 'admin') throw forbidden('Only the author or an admin can change this insight.');
  return insight;
}

export function updateInsight(store: Store, actor: Principal, id: string, input: UpdateInsight): Insight {
  store.write((ctx) => {
    const { tx, append } = ctx;
    const current = requireEditable(tx, actor, id);
    if (current.deletedAt) throw new AppError('conflict', 'This insight is deleted: restore it before editing.');
    const next = {
      body: input.body,
      channel: input.channel,
      sentiment: input.sentiment,
      tags: input.tags ? [...new Set(input.tags)] : undefined,
      sourceUrl: input.sourceUrl,
      customerId: input.customerId === undefined ? undefined : input.customerId === null ? null : resolveCustomer(tx, input.customerId).id,
    };
    const changes: Record<string, unknown> = {};
    const previous: Record<string, unknown> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      const value = next[key];
      if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key])) {
        changes[key] = value;
        previous[key] = current[key];
      }
    }
    if (Object.keys(changes).length === 0) return;
    const editedAt = nowIso();
    tx.update(insights).set({ ...changes, editedAt }).where(eq(insights.id, id)).run();
    if (next.tags && 'tags' in changes) writeTags(tx, id, next.tags, current.createdAt);
    if ('sentiment' in changes || 'customerId' in changes) recomputePriorityForInsights(tx, [id]);
    // The earlier text stays in the event log: an edit never loses what was said.
    append('insight.updated', { actorId: actor.userId, subject: { type: 'insight', id }, data: { insightId: id, changes, previous } });
    if (next.body !== undefined && 'body' in changes) {
      const before = resolveMentions(tx, current.body);
      const alreadyReached = new Set([...before.users, ...membersOfTeams(tx, before.teams)]);
      const mentioned = resolveMentions(tx, next.body);
      storeMentions(tx, id, null, mentioned);
      addThreadTeams(tx, id, mentioned.teams, 'mention');
      notifyMentions(ctx, actor, id, mentioned, { type: 'insight', id }, next.body, alreadyReached);
    }
  });
  return loadInsight(store.db, actor.userId, id) as Insight;
}

export function deleteInsight(store: Store, actor: Principal, id: string): void {
  store.write(({ tx, append }) => {
    const insight = requireEditable(tx, actor, id);
    if (insight.deletedAt) return;
    tx.update(insights).set({ deletedAt: nowIso() }).where(eq(insights.id, id)).run();
    recomputePriorityForInsights(tx, [id]);
    append('insight.deleted', { actorId: actor.userId, subject: { type: 'insight', id }, data: { insightId: id } });
  });
}

export function restoreInsight(store: Store, actor: Principal, id: string): Insight {
  store.write(({ tx, append }) => {
    const insight = findInsight(tx, id);
    if (!insight) throw notFound('Insight');
    if (!insight.deletedAt) return;
    tx.update(insights).set({ deletedAt: null }).where(eq(insights.id, id)).run();
    recomputePriorityForInsights(tx, [id]);
    append('insight.restored', { actorId: actor.userId, subject: { type: 'insight', id }, data: { insightId: id } });
  });
  return loadInsight(store.db, actor.userId, id) as Insight;
}
