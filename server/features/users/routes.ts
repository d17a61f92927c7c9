import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createdUser, createUserBody, listUsersQuery, updateUserBody, user } from '../../../shared/users.js';
import { pageOf } from '../../../shared/pagination.js';
import { notFound } from '../../errors.js';
import { requireRole, requireUser } from '../../plugins/auth.js';
import { decodeCursor, pageFrom } from '../../store/cursor.js';
import { listUsers, loadUser, presentUsers, userSortKey } from './queries.js';
import { createUser, updateUser } from './service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export const userRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, opts) => {
  const { db } = app.store;

  app.get(
    '/users',
    { schema: { tags: ['users'], summary: 'The people of the workspace', querystring: listUsersQuery, response: { 200: pageOf(user) } } },
    async (request) => {
      requireUser(request);
      const { limit, cursor, q, active } = request.query;
      const rows = listUsers(db, { limit, after: decodeCursor<[string, string]>(cursor, 2), q, active: active === undefined ? undefined : active === 'true' });
      return pageFrom(rows, limit, (page) => presentUsers(db, page), userSortKey);
    },
  );

  app.get('/users/:id', { schema: { tags: ['users'], params: idParams, response: { 200: user } } }, async (request) => {
    requireUser(request);
    const found = loadUser(db, request.params.id);
    if (!found) throw notFound('User');
    return found;
  });

  app.post(
    '/users',
    {
      config: { idempotent: true },
      schema: { tags: ['users'], summary: 'Invite or create a user (admin)', body: createUserBody, response: { 201: createdUser } },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'admin');
      const created = await createUser(app.store, actor, request.body, opts.publicUrl);
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/users/:id',
    { schema: { tags: ['users'], summary: 'Change name, handle, role, active or password (admin)', params: idParams, body: updateUserBody, response: { 200: user } } },
    async (request) => {
      const actor = requireRole(request, 'admin');
      return updateUser(app.store, actor, request.params.id, request.body);
    },
  );
};
