import type { Scenario } from '../scenario.js';

/** An authenticated read: the per-request cost of session resolution plus a small JSON answer. */
export const me: Scenario = {
  name: 'GET /api/me',
  measures: 'GET /api/me with a session cookie: session by token hash joined to its user, user JSON',
  group: 'core',

  baseline(app, ctx) {
    app.get('/api/me', async (request, reply) => {
      const user = ctx.userOf(request);
      if (!user) return reply.code(401).send({ error: 'unauthenticated' });
      return user;
    });
  },

  async plan(target) {
    const cookie = await target.signIn(target.admin);
    return { request: { method: 'GET', path: '/api/me', headers: { cookie } } };
  },
};
