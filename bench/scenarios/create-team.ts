import { randomBytes, randomUUID } from 'node:crypto';
import { TEAMS_SCHEMA } from '../baseline/issues.js';
import { jsonHeaders, type Scenario } from '../scenario.js';

interface TeamRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  targetDays: number;
  createdAt: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slugs are unique per database; this prefix keeps them unique across runs, warm-ups and targets too. */
const run = randomBytes(4).toString('hex');
let made = 0;
const teamBody = () => {
  made += 1;
  return JSON.stringify({ name: `Bench team ${made}`, slug: `bench-${run}-${made}`, description: 'Created by npm run bench.' });
};

/** An authenticated write: a row and its event in one transaction, answered with the created row. */
export const createTeam: Scenario = {
  name: 'POST /api/teams',
  measures: 'POST /api/teams as the admin, unique slug each time: session lookup, role check, team row + event row in one transaction, 201 team JSON',
  group: 'core',

  baseline(app, ctx) {
    ctx.db.exec(TEAMS_SCHEMA);
    const insertTeam = ctx.db.prepare(
      'INSERT INTO teams (id, slug, name, description, target_days, created_at, updated_at) VALUES (@id, @slug, @name, @description, @targetDays, @createdAt, @createdAt)',
    );
    const insertEvent = ctx.db.prepare(
      "INSERT INTO events (type, actor_id, subject_type, subject_id, payload, at) VALUES ('team.created', ?, 'team', ?, ?, ?)",
    );
    const create = ctx.db.transaction((team: TeamRow, actorId: string) => {
      insertTeam.run(team);
      insertEvent.run(actorId, team.id, JSON.stringify({ teamId: team.id, slug: team.slug, name: team.name }), team.createdAt);
    });

    app.post('/api/teams', async (request, reply) => {
      const user = ctx.userOf(request);
      if (!user) return reply.code(401).send({ error: 'unauthenticated' });
      if (user.role !== 'admin' && user.role !== 'lead') return reply.code(403).send({ error: 'forbidden' });
      const body = request.body as { name?: unknown; slug?: unknown; description?: unknown; targetDays?: unknown } | null;
      if (typeof body?.name !== 'string' || typeof body.slug !== 'string' || !SLUG.test(body.slug)) {
        return reply.code(400).send({ error: 'invalid_input' });
      }
      const team: TeamRow = {
        id: randomUUID(),
        slug: body.slug,
        name: body.name.trim(),
        description: typeof body.description === 'string' ? body.description : '',
        targetDays: typeof body.targetDays === 'number' ? body.targetDays : 14,
        createdAt: new Date().toISOString(),
      };
      try {
        create.immediate(team, user.id);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return reply.code(409).send({ error: 'conflict' });
        throw err;
      }
      return reply.code(201).send({ ...team, members: [] });
    });
  },

  async plan(target) {
    const cookie = await target.signIn(target.admin);
    return {
      request: { method: 'POST', path: '/api/teams', headers: jsonHeaders({ cookie }), body: teamBody() },
      next: () => ({ body: teamBody() }),
    };
  },
};
