import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createInsightBody, feedQuery, insight, insightThread, tagSuggestion, updateInsightBody } from '../../../shared/insights.js';
import { pageOf } from '../../../shared/pagination.js';
import { notFound } from '../../errors.js';
import { requireRole, requireUser } from '../../plugins/auth.js';
import { decodeCursor, encodeCursor } from '../../store/cursor.js';
import { repliesOf } from '../threads/queries.js';
import { resolveFeedFilter } from './feed-filter.js';
import { feedPage, loadInsight, tagSuggestions, type FeedKey } from './queries.js';
import { postInsight, deleteInsight, restoreInsight, updateInsight } from './service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Sends JSON the route wrote itself (Fastify sends a string with a JSON type as it is, without serializing). */
const sendJsonText = (reply: FastifyReply, json: string) => reply.type('application/json; charset=utf-8').send(json);

export const insightRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.store;

  app.get(
    '/insights',
    { schema: { tags: ['insights'], summary: 'The feed, newest first, with combinable filters', querystring: feedQuery, response: { 200: pageOf(insight) } } },
    async (request, reply) => {
      const viewer = requireUser(request);
      const { limit, cursor } = request.query;
      const rows = feedPage(db, viewer.userId, resolveFeedFilter(db, viewer, request.query), limit, decodeCursor<FeedKey>(cursor, 2));
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > limit && last ? encodeCursor(last.key) : null;
      // The items are JSON already (written by SQLite, see presented.ts): sent as they are.
      return sendJsonText(reply, `{"items":[${page.map((r) => r.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`);
    },
  );

  app.post(
    '/insights',
    { config: { idempotent: true }, schema: { tags: ['insights'], summary: 'Post what a customer said', body: createInsightBody, response: { 201: insight } } },
    async (request, reply) => sendJsonText(reply.code(201), await postInsight(app.store, requireUser(request), request.body)),
  );

  app.get(
    '/insights/:id',
    { schema: { tags: ['insights'], summary: 'One thread: the insight, replies, reactions, linked issues, teams taking part', params: idParams, response: { 200: insightThread } } },
    async (request) => {
      const viewer = requireUser(request);
      const found = loadInsight(db, viewer.userId, request.params.id);
      if (!found || (found.deletedAt && viewer.role !== 'admin')) throw notFound('Insight');
      return { ...found, replies: repliesOf(db, found.id) };
    },
  );

  app.patch(
    '/insights/:id',
    { schema: { tags: ['insights'], summary: 'Edit an insight (author or admin)', params: idParams, body: updateInsightBody, response: { 200: insight } } },
    async (request) => updateInsight(app.store, requireUser(request), request.params.id, request.body),
  );

  app.delete('/insights/:id', { schema: { tags: ['insights'], summary: 'Soft-delete an insight (author or admin)', params: idParams } }, async (request, reply) => {
    deleteInsight(app.store, requireUser(request), request.params.id);
    return reply.code(204).send();
  });

  app.post(
    '/insights/:id/restore',
    { schema: { tags: ['insights'], summary: 'Undo a soft delete (admin)', params: idParams, response: { 200: insight } } },
    async (request) => restoreInsight(app.store, requireRole(request, 'admin'), request.params.id),
  );

  app.get(
    '/tags',
    {
      schema: {
        tags: ['insights'],
        summary: 'Tag suggestions by prefix, most used first',
        querystring: z.object({ q: z.string().trim().toLowerCase().max(40).default(''), limit: z.coerce.number().int().min(1).max(50).default(10) }),
        response: { 200: z.object({ items: z.array(tagSuggestion) }) },
      },
    },
    async (request) => {
      requireUser(request);
      return { items: tagSuggestions(db, request.query.q, request.query.limit) };
    },
  );
};
