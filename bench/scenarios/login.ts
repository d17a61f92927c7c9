import { verify } from '@node-rs/argon2';
import { jsonHeaders, type Scenario } from '../scenario.js';

interface UserRow {
  id: string;
  email: string;
  displayName: string;
  handle: string;
  role: string;
  active: number;
  passwordHash: string | null;
  createdAt: string;
}

/** Sign-in: dominated by argon2 verification, which both sides do with @node-rs/argon2's defaults. */
export const login: Scenario = {
  name: 'login',
  measures: 'POST /api/auth/login as the admin: user row by email, argon2 verify, session row insert, Set-Cookie, user JSON',
  group: 'core',

  baseline(app, ctx) {
    const byEmail = ctx.db.prepare<[string], UserRow>(
      `SELECT id, email, display_name AS displayName, handle, role, active, password_hash AS passwordHash, created_at AS createdAt
         FROM users WHERE lower(email) = lower(?)`,
    );
    app.post('/api/auth/login', async (request, reply) => {
      const body = request.body as { email?: unknown; password?: unknown } | null;
      if (typeof body?.email !== 'string' || typeof body.password !== 'string') return reply.code(400).send({ error: 'invalid_input' });
      const row = byEmail.get(body.email.trim());
      const ok = row?.passwordHash ? await verify(row.passwordHash, body.password).catch(() => false) : false;
      if (!row || !ok || !row.active) return reply.code(401).send({ error: 'unauthenticated' });
      reply.header('set-cookie', ctx.openSession(row.id));
      return { id: row.id, email: row.email, displayName: row.displayName, handle: row.handle, role: row.role, active: true, createdAt: row.createdAt };
    });
  },

  async plan(target) {
    return {
      request: { method: 'POST', path: '/api/auth/login', headers: jsonHeaders(), body: JSON.stringify(target.admin) },
    };
  },
};
