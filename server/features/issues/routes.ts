import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createIssueBody, issue, issueSummary, listIssuesQuery, transitionBody, updateIssueBody } from '../../../shared/issues.js';
import { pageOf } from '../../../shared/pagination.js';
import { notFound } from '../../errors.js';
import { requireUser } from '../../plugins/auth.js';
import { decodeCursor, encodeCursor } from '../../store/cursor.js';
import { listIssues, loadIssue } from './queries.js';
import { createIssue, setEvidence, transitionIssue, updateIssue } from './service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const evidenceParams = idParams.extend({ insightId: z.string().min(1).max(100) });

export const issueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.store;
  const present = (viewerId: string, id: string) => {
    const found = loadIssue(db, viewerId, id);
    if (!found) throw notFound('Issue');
    return found;
  };

  app.get(
    '/issues',
    { schema: { tags: ['issues'], summary: 'Issues with filters (status and kind take comma lists) and a sort', querystring: listIssuesQuery, response: { 200: pageOf(issueSummary) } } },
    async (request) => {
      requireUser(request);
      const { limit, cursor, sort, status, kind, teamId, assigneeId, customerId, raisedFrom, raisedTo } = request.query;
      const key = cursor ? decodeCursor<(string | number)[]>(cursor, sort === 'priority' ? 1 : 2) : null;
      const { rows, keyOf } = listIssues(db, { status, kind, teamId, assigneeId, customerId, raisedFrom, raisedTo }, sort, limit, key);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last, items.length - 1)) : null };
    },
  );

  app.post(
    '/issues',
    { config: { idempotent: true }, schema: { tags: ['issues'], summary: 'Raise an issue, optionally from insights (the evidence)', body: createIssueBody, response: { 201: issue } } },
    async (request, reply) => {
      const actor = requireUser(request);
      return reply.code(201).send(present(actor.userId, createIssue(app.store, actor, request.body)));
    },
  );

  app.get('/issues/:id', { schema: { tags: ['issues'], summary: 'An issue with evidence, priority reasons and history', params: idParams, response: { 200: issue } } }, async (request) =>
    present(requireUser(request).userId, request.params.id),
  );

  app.patch(
    '/issues/:id',
    { schema: { tags: ['issues'], summary: 'Edit with the version you saw; a lead or admin may override priority', params: idParams, body: updateIssueBody, response: { 200: issue } } },
    async (request) => {
      const actor = requireUser(request);
      updateIssue(app.store, actor, request.params.id, request.body);
      return present(actor.userId, request.params.id);
    },
  );

  app.post(
    '/issues/:id/transitions',
    { schema: { tags: ['issues'], summary: 'Move along the state machine: {to, version, note?}', params: idParams, body: transitionBody, response: { 200: issue } } },
    async (request) => {
      const actor = requireUser(request);
      transitionIssue(app.store, actor, request.params.id, request.body);
      return present(actor.userId, request.params.id);
    },
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/issues/:id/evidence/:insightId',
      schema: { tags: ['issues'], summary: method === 'PUT' ? 'Link an insight as evidence; idempotent' : 'Unlink evidence; idempotent', params: evidenceParams, response: { 200: issue } },
      handler: async (request) => {
        const actor = requireUser(request);
        setEvidence(app.store, actor, request.params.id, request.params.insightId, method === 'PUT');
        return present(actor.userId, request.params.id);
      },
    });
  }
};
