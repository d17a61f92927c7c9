import { BARE_INSIGHT_COLUMNS, bareInsight, ensureInsightsSchema, type BareInsightRow } from '../baseline/insights.js';
import { THREAD_REPLIES } from '../dataset/generate.js';
import { insightsOf, type Scenario } from '../scenario.js';

const NAME = 'GET /api/insights/:id';

/** A reply as the bare route reads it: an insight row's own and author columns, and its thread. */
type ReplyRow = Pick<BareInsightRow, 'id' | 'body' | 'createdAt' | 'editedAt' | 'deletedAt' | 'authorId' | 'authorName' | 'authorHandle'> & { insightId: string };

/** Opening a thread: one insight of the dataset with its 50 replies. */
export const thread: Scenario = {
  name: NAME,
  measures: `GET /api/insights/:id of an insight with ${THREAD_REPLIES} replies in the insights dataset: the insight and every reply, each with its author, JSON`,
  group: 'insights',
  dataset: 'insights',
  connections: [10, 50],

  baseline(app, ctx) {
    ensureInsightsSchema(ctx);
    const insight = ctx.db.prepare<[string], BareInsightRow>(`SELECT ${BARE_INSIGHT_COLUMNS} FROM insights i JOIN users u ON u.id = i.author_id WHERE i.id = ?`);
    const replies = ctx.db.prepare<[string], ReplyRow>(
      `SELECT r.id, r.insight_id AS insightId, r.body, r.created_at AS createdAt, r.edited_at AS editedAt, r.deleted_at AS deletedAt,
              u.id AS authorId, u.display_name AS authorName, u.handle AS authorHandle
         FROM replies r JOIN users u ON u.id = r.author_id WHERE r.insight_id = ? ORDER BY r.created_at, r.id`,
    );
    app.get('/api/insights/:id', async (request, reply) => {
      if (!ctx.userOf(request)) return reply.code(401).send({ error: 'unauthenticated' });
      const { id } = request.params as { id: string };
      const row = insight.get(id);
      if (!row || row.deletedAt) return reply.code(404).send({ error: 'not_found' });
      return {
        ...bareInsight(row),
        replies: replies.all(id).map(({ authorId: by, authorName: name, authorHandle: handle, ...r }) => ({
          ...r,
          body: r.deletedAt ? '' : r.body,
          author: { id: by, displayName: name, handle },
        })),
      };
    });
  },

  async plan(target) {
    const { threadId } = insightsOf(target, NAME);
    const cookie = await target.signIn(target.agent);
    return {
      request: { method: 'GET', path: `/api/insights/${encodeURIComponent(threadId)}`, headers: { cookie } },
      check(body) {
        const replies = (JSON.parse(body) as { replies?: unknown[] }).replies;
        return replies?.length === THREAD_REPLIES ? null : `expected ${THREAD_REPLIES} replies, got ${replies?.length ?? 'none'}`;
      },
    };
  },
};
