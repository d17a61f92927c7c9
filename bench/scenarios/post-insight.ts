import { randomBytes } from 'node:crypto';
import { ensureInsightsSchema } from '../baseline/insights.js';
import { bodyOf, CHANNELS, channelOf, SENTIMENTS, seededRandom, tagsOf } from '../dataset/content.js';
import { metric } from '../report.js';
import { insightsOf, jsonHeaders, type Scenario } from '../scenario.js';

const NAME = 'POST /api/insights';
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

interface InsightRow {
  id: string;
  authorId: string;
  body: string;
  channel: string;
  sentiment: string;
  tags: string[];
  sourceUrl: string | null;
  customerId: string | null;
  replyCount: number;
  createdAt: string;
}

/** Posting what a customer said, into the 1,000,000-insight dataset: the product's most frequent write. */
export const postInsight: Scenario = {
  name: NAME,
  measures:
    'POST /api/insights as the demo agent (channel, sentiment, 1–2 tags, an existing customer) over the insights dataset: session lookup, customer check, insight row + event row in one transaction, 201 insight JSON',
  group: 'insights',
  dataset: 'insights',
  connections: [10, 50],
  goal: { ratio: 0.6, p99Ms: 25, p99AtConnections: 10, source: "the product's issue" },

  // Issue 7: full-text indexing (the search outbox, drained off the request path) may cost posting at most half.
  metrics(row, product) {
    const index = product.search
      ? `the index held ${product.search.docs.toLocaleString('en')} documents (the dataset, rebuilt before the run)`
      : "the index held only the demo's documents (no search scenario selected; BENCH_SEARCH_INDEX=1 builds it over the dataset)";
    return [
      metric({
        scenario: 'search index',
        metric: `posting with indexing on, @${row.connections} (product req/s ÷ bare insert's)`,
        unit: '%',
        baseline: null,
        product: row.ratio === null ? null : row.ratio * 100,
        goal: { min: 50, text: '≥ 50% of bare', source: 'issue 7' },
        note: `from the ${NAME} row; ${index}`,
      }),
    ];
  },

  baseline(app, ctx) {
    ensureInsightsSchema(ctx);
    const insertInsight = ctx.db.prepare(
      `INSERT INTO insights (id, author_id, body, channel, sentiment, tags, source_url, customer_id, reply_count, created_at)
       VALUES (@id, @authorId, @body, @channel, @sentiment, @tagsJson, @sourceUrl, @customerId, 0, @createdAt)`,
    );
    const insertEvent = ctx.db.prepare(
      "INSERT INTO events (type, actor_id, subject_type, subject_id, payload, at) VALUES ('insight.created', ?, 'insight', ?, ?, ?)",
    );
    const create = ctx.db.transaction((row: InsightRow) => {
      insertInsight.run({ ...row, tagsJson: JSON.stringify(row.tags) });
      const { id, authorId, customerId, channel, sentiment, tags } = row;
      insertEvent.run(authorId, id, JSON.stringify({ insightId: id, authorId, customerId, channel, sentiment, tags }), row.createdAt);
    });

    app.post('/api/insights', async (request, reply) => {
      const user = ctx.userOf(request);
      if (!user) return reply.code(401).send({ error: 'unauthenticated' });
      const body = request.body as { body?: unknown; channel?: unknown; sentiment?: unknown; tags?: unknown; customerId?: unknown } | null;
      const text = typeof body?.body === 'string' ? body.body.trim() : '';
      const tags = Array.isArray(body?.tags) ? body.tags : [];
      const sentiment = body?.sentiment ?? 'neutral';
      const customerId = body?.customerId ?? null;
      if (
        text.length === 0 ||
        text.length > 20_000 ||
        !(CHANNELS as readonly unknown[]).includes(body?.channel) ||
        !(SENTIMENTS as readonly unknown[]).includes(sentiment) ||
        tags.length > 10 ||
        !tags.every((t): t is string => typeof t === 'string' && t.length <= 40 && TAG.test(t)) ||
        (customerId !== null && typeof customerId !== 'string')
      ) {
        return reply.code(400).send({ error: 'invalid_input' });
      }
      const row: InsightRow = {
        id: randomBytes(12).toString('base64url'),
        authorId: user.id,
        body: text,
        channel: body?.channel as string,
        sentiment: sentiment as string,
        tags: [...new Set(tags.map((t) => t.toLowerCase()))],
        sourceUrl: null,
        customerId: customerId as string | null,
        replyCount: 0,
        createdAt: new Date().toISOString(),
      };
      try {
        create.immediate(row);
      } catch (err) {
        // The customer must exist: the foreign key is the check.
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return reply.code(400).send({ error: 'invalid_input', field: 'customerId' });
        throw err;
      }
      const { authorId, ...rest } = row;
      return reply.code(201).send({ ...rest, author: { id: authorId, displayName: user.displayName }, editedAt: null, deletedAt: null });
    });
  },

  async plan(target) {
    const { customerIds } = insightsOf(target, NAME);
    const cookie = await target.signIn(target.agent);
    // The same sequence of bodies for both servers.
    const random = seededRandom(1123);
    const next = () => ({
      body: JSON.stringify({
        body: bodyOf(random),
        channel: channelOf(random),
        sentiment: random.pick(SENTIMENTS),
        tags: tagsOf(random, 1, 2),
        customerId: random.pick(customerIds),
      }),
    });
    return {
      request: { method: 'POST', path: '/api/insights', headers: jsonHeaders({ cookie }), ...next() },
      next,
    };
  },
};
