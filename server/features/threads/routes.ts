import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createReplyBody, reactionSummary as reactionSummarySchema, reply, updateReplyBody } from '../../../shared/insights.js';
import { requireUser } from '../../plugins/auth.js';
import { reactionSummary } from '../insights/queries.js';
import { assertReactionKind, createReply, deleteReply, setReaction, updateReply } from './service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const reactionParams = idParams.extend({ kind: z.string().max(40) });
const reactionsResponse = z.object({ reactions: z.array(reactionSummarySchema) });

export const threadRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.store;

  app.post(
    '/insights/:id/replies',
    { config: { idempotent: true }, schema: { tags: ['threads'], summary: 'Reply; @handle mentions a person, @team-slug pulls a team in', params: idParams, body: createReplyBody, response: { 201: reply } } },
    async (request, res) => res.code(201).send(createReply(app.store, requireUser(request), request.params.id, request.body.body)),
  );

  app.patch(
    '/replies/:id',
    { schema: { tags: ['threads'], summary: 'Edit your reply', params: idParams, body: updateReplyBody, response: { 200: reply } } },
    async (request) => updateReply(app.store, requireUser(request), request.params.id, request.body.body),
  );

  app.delete('/replies/:id', { schema: { tags: ['threads'], summary: 'Delete your reply (it stays as "deleted")', params: idParams } }, async (request, res) => {
    deleteReply(app.store, requireUser(request), request.params.id);
    return res.code(204).send();
  });

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/insights/:id/reactions/:kind',
      schema: {
        tags: ['threads'],
        summary: method === 'PUT' ? 'React (me_too, thanks, insightful); idempotent' : 'Take a reaction back; idempotent',
        params: reactionParams,
        response: { 200: reactionsResponse },
      },
      handler: async (request) => {
        const viewer = requireUser(request);
        setReaction(app.store, viewer, request.params.id, assertReactionKind(request.params.kind), method === 'PUT');
        return { reactions: reactionSummary(db, viewer.userId, request.params.id) };
      },
    });
  }
};
