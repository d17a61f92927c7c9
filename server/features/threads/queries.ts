import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { mentions, replies, users } from '../../../db/schema.js';
import type { Reply } from '../../../shared/insights.js';
import { preparedFor } from '../../store/prepared.js';

export const findReply = (db: Queryable, id: string) => db.select().from(replies).where(eq(replies.id, id)).get();

const replyColumns = {
  id: replies.id,
  insightId: replies.insightId,
  body: replies.body,
  authorId: replies.authorId,
  displayName: users.displayName,
  handle: users.handle,
  createdAt: replies.createdAt,
  editedAt: replies.editedAt,
  deletedAt: replies.deletedAt,
};

const selectReplies = (db: Queryable) => db.select(replyColumns).from(replies).innerJoin(users, eq(users.id, replies.authorId));

// Prepared once per connection: a thread of 50 replies is read on every view.
const repliesOfInsight = preparedFor((db) =>
  selectReplies(db)
    .where(eq(replies.insightId, sql.placeholder('insightId')))
    .orderBy(asc(replies.createdAt), asc(replies.id))
    .prepare(),
);
const replyById = preparedFor((db) => selectReplies(db).where(eq(replies.id, sql.placeholder('id'))).prepare());
const replyMentions = preparedFor((db) =>
  db
    .select({ replyId: mentions.replyId, userId: mentions.userId, teamId: mentions.teamId })
    .from(mentions)
    .where(eq(mentions.insightId, sql.placeholder('insightId')))
    .prepare(),
);

type ReplyRow = Awaited<ReturnType<ReturnType<typeof repliesOfInsight>['all']>>[number];

/** Replies as the thread shows them, with their mentions; a deleted reply keeps its place but not its text. */
function present(db: Queryable, insightId: string, rows: readonly ReplyRow[]): Reply[] {
  if (rows.length === 0) return [];
  const refs = replyMentions(db).all({ insightId });
  return rows.map((row) => {
    const own = refs.filter((m) => m.replyId === row.id);
    return {
      id: row.id,
      insightId: row.insightId,
      body: row.deletedAt ? '' : row.body,
      author: { id: row.authorId, displayName: row.displayName, handle: row.handle },
      mentions: { users: own.flatMap((m) => (m.userId ? [m.userId] : [])), teams: own.flatMap((m) => (m.teamId ? [m.teamId] : [])) },
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      deletedAt: row.deletedAt,
    };
  });
}

/** Every reply of a thread in order. */
export const repliesOf = (db: Queryable, insightId: string): Reply[] => present(db, insightId, repliesOfInsight(db).all({ insightId }));

export function loadReply(db: Queryable, id: string): Reply | null {
  const row = replyById(db).get({ id });
  return row ? (present(db, row.insightId, [row])[0] ?? null) : null;
}
