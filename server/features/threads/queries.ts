import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { mentions, replies, users } from '../../../db/schema.js';
import type { Reply } from '../../../shared/insights.js';

export const findReply = (db: Queryable, id: string) => db.select().from(replies).where(eq(replies.id, id)).get();

/** Every reply of a thread in order, with mentions; a deleted reply keeps its place but not its text. */
export function repliesOf(db: Queryable, insightId: string, where = eq(replies.insightId, insightId)): Reply[] {
  const rows = db
    .select({ reply: replies, displayName: users.displayName, handle: users.handle })
    .from(replies)
    .innerJoin(users, eq(users.id, replies.authorId))
    .where(where)
    .orderBy(asc(replies.createdAt), asc(replies.id))
    .all();
  const refs = db.select({ replyId: mentions.replyId, userId: mentions.userId, teamId: mentions.teamId }).from(mentions).where(eq(mentions.insightId, insightId)).all();
  return rows.map(({ reply, displayName, handle }) => {
    const own = refs.filter((m) => m.replyId === reply.id);
    return {
      id: reply.id,
      insightId: reply.insightId,
      body: reply.deletedAt ? '' : reply.body,
      author: { id: reply.authorId, displayName, handle },
      mentions: { users: own.flatMap((m) => (m.userId ? [m.userId] : [])), teams: own.flatMap((m) => (m.teamId ? [m.teamId] : [])) },
      createdAt: reply.createdAt,
      editedAt: reply.editedAt,
      deletedAt: reply.deletedAt,
    };
  });
}

export function loadReply(db: Queryable, id: string): Reply | null {
  const row = findReply(db, id);
  return row ? (repliesOf(db, row.insightId, eq(replies.id, id))[0] ?? null) : null;
}
