import { BARE_INSIGHT_COLUMNS, bareInsight, ensureInsightsSchema, type BareInsightRow } from '../baseline/insights.js';
import { ensureSearchSchema, ftsQueryOf } from '../baseline/search.js';
import { decodeCursor, encodeCursor, seededRandom } from '../dataset/content.js';
import { insightsOf, type Scenario } from '../scenario.js';

const NAME = 'GET /api/insights';
const PAGE = 50;

/** A feed page deep in 1,000,000 insights: keyset pagination from a random cursor. */
export const feed: Scenario = {
  name: NAME,
  measures: `GET /api/insights?limit=${PAGE}&cursor=<random> over the insights dataset: keyset page of ${PAGE} (created_at, id) after a cursor at a random position, each with its author, JSON`,
  group: 'insights',
  dataset: 'insights',
  connections: [10, 50],
  goal: { ratio: 0.7, p99Ms: 20, p99AtConnections: 10, source: "the product's issue" },

  baseline(app, ctx) {
    ensureInsightsSchema(ctx);
    const first = ctx.db.prepare<[number], BareInsightRow>(
      `SELECT ${BARE_INSIGHT_COLUMNS} FROM insights i JOIN users u ON u.id = i.author_id
        WHERE i.deleted_at IS NULL ORDER BY i.created_at DESC, i.id DESC LIMIT ?`,
    );
    const after = ctx.db.prepare<[string, string, number], BareInsightRow>(
      `SELECT ${BARE_INSIGHT_COLUMNS} FROM insights i JOIN users u ON u.id = i.author_id
        WHERE i.deleted_at IS NULL AND (i.created_at, i.id) < (?, ?) ORDER BY i.created_at DESC, i.id DESC LIMIT ?`,
    );
    // `q` (the search scenarios): the newest matches straight from the full-text index, whose rowid
    // order is time order (rows were written oldest first), then their rows by rowid.
    ensureSearchSchema(ctx);
    const matching = ctx.db.prepare<[string, number], BareInsightRow>(
      `SELECT ${BARE_INSIGHT_COLUMNS} FROM (SELECT rowid AS r FROM insights_fts WHERE insights_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m
         JOIN insights i ON i.rowid = m.r JOIN users u ON u.id = i.author_id
        WHERE i.deleted_at IS NULL ORDER BY i.created_at DESC, i.id DESC`,
    );
    app.get('/api/insights', async (request, reply) => {
      if (!ctx.userOf(request)) return reply.code(401).send({ error: 'unauthenticated' });
      const query = request.query as { limit?: string; cursor?: string; q?: string };
      const limit = query.limit === undefined ? PAGE : Number(query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return reply.code(400).send({ error: 'invalid_input', field: 'limit' });
      const key = query.cursor ? decodeCursor(query.cursor) : null;
      if (query.cursor && !key) return reply.code(400).send({ error: 'invalid_input', field: 'cursor' });
      const fts = query.q ? ftsQueryOf(query.q) : null;
      if (fts && key) return reply.code(400).send({ error: 'invalid_input', field: 'cursor' });
      const rows = fts ? matching.all(fts, limit + 1) : key ? after.all(key[0], key[1], limit + 1) : first.all(limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(bareInsight),
        nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
      };
    });
  },

  async plan(target) {
    const { cursors } = insightsOf(target, NAME);
    if (cursors.length === 0) throw new Error(`${NAME}: the dataset has no cursors`);
    const cookie = await target.signIn(target.agent);
    // Same seed on both servers, and both hold the same dataset: the same pages in the same order.
    const random = seededRandom(4242);
    const next = () => ({ path: `/api/insights?limit=${PAGE}&cursor=${random.pick(cursors)}` });
    return {
      request: { method: 'GET', headers: { cookie }, path: next().path },
      next,
      check(body) {
        const items = (JSON.parse(body) as { items?: unknown[] }).items;
        return items?.length === PAGE ? null : `expected a page of ${PAGE} insights, got ${items?.length ?? 'no items'}`;
      },
    };
  },
};
