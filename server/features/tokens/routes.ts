import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createdToken, createTokenBody, tokenSummary } from '../../../shared/tokens.js';
import { requireRole } from '../../plugins/auth.js';
import { createToken, listTokens, revokeToken } from './service.js';

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tokens', { schema: { tags: ['tokens'], summary: 'Live API tokens (admin)', response: { 200: z.object({ items: z.array(tokenSummary), nextCursor: z.null() }) } } }, async (request) => {
    requireRole(request, 'admin');
    return { items: listTokens(app.store), nextCursor: null };
  });

  app.post(
    '/tokens',
    { config: { idempotent: true }, schema: { tags: ['tokens'], summary: 'Create an API token; the secret is shown only now (admin)', body: createTokenBody, response: { 201: createdToken } } },
    async (request, reply) => reply.code(201).send(createToken(app.store, requireRole(request, 'admin'), request.body.name)),
  );

  app.delete('/tokens/:id', { schema: { tags: ['tokens'], summary: 'Revoke an API token (admin)', params: z.object({ id: z.string().min(1).max(100) }) } }, async (request, reply) => {
    revokeToken(app.store, requireRole(request, 'admin'), request.params.id);
    return reply.code(204).send();
  });
};
