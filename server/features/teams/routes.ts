import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../shared/pagination.js';
import { createTeamBody, listTeamsQuery, team, updateTeamBody } from '../../../shared/teams.js';
import { notFound } from '../../errors.js';
import { requireRole, requireUser } from '../../plugins/auth.js';
import { decodeCursor, pageFrom } from '../../store/cursor.js';
import { listTeams, loadTeam, presentTeams } from './queries.js';
import { addMember, createTeam, removeMember, updateTeam } from './service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const memberParams = idParams.extend({ userId: z.string().min(1).max(100) });

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.store;

  app.get(
    '/teams',
    { schema: { tags: ['teams'], summary: 'Teams with their members', querystring: listTeamsQuery, response: { 200: pageOf(team) } } },
    async (request) => {
      requireUser(request);
      const { limit, cursor, q } = request.query;
      const rows = listTeams(db, { limit, after: decodeCursor<[string, string]>(cursor, 2), q });
      return pageFrom(rows, limit, (page) => presentTeams(db, page.map((r) => r.row)), (r) => [r.sortName, r.row.id]);
    },
  );

  app.get('/teams/:id', { schema: { tags: ['teams'], summary: 'One team, by id or slug', params: idParams, response: { 200: team } } }, async (request) => {
    requireUser(request);
    const found = loadTeam(db, request.params.id);
    if (!found) throw notFound('Team');
    return found;
  });

  app.post(
    '/teams',
    { config: { idempotent: true }, schema: { tags: ['teams'], summary: 'Create a team (admin or lead)', body: createTeamBody, response: { 201: team } } },
    async (request, reply) => {
      const actor = requireRole(request, 'admin', 'lead');
      return reply.code(201).send(createTeam(app.store, actor, request.body));
    },
  );

  app.patch(
    '/teams/:id',
    { schema: { tags: ['teams'], summary: 'Rename, describe or set the target age (admin or lead)', params: idParams, body: updateTeamBody, response: { 200: team } } },
    async (request) => updateTeam(app.store, requireRole(request, 'admin', 'lead'), request.params.id, request.body),
  );

  app.put(
    '/teams/:id/members/:userId',
    { schema: { tags: ['teams'], summary: 'Add a member (admin or lead)', params: memberParams, response: { 200: team } } },
    async (request) => addMember(app.store, requireRole(request, 'admin', 'lead'), request.params.id, request.params.userId),
  );

  app.delete(
    '/teams/:id/members/:userId',
    { schema: { tags: ['teams'], summary: 'Remove a member (admin or lead)', params: memberParams, response: { 200: team } } },
    async (request) => removeMember(app.store, requireRole(request, 'admin', 'lead'), request.params.id, request.params.userId),
  );
};
