import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIMITS } from '../../../shared/limits.js';
import { acceptInviteBody, loginBody, user } from '../../../shared/users.js';
import { requireUser, SESSION_COOKIE } from '../../plugins/auth.js';
import { LoginLimiter } from './login-limiter.js';
import { acceptInvite, login, logout } from './service.js';
import { loadUser } from '../users/queries.js';
import { AppError } from '../../errors.js';

export const authRoutes: FastifyPluginAsyncZod<{ secureCookies: boolean }> = async (app, opts) => {
  const limiter = new LoginLimiter();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secureCookies,
    maxAge: LIMITS.sessionDays * 86_400,
  } as const;

  app.post(
    '/auth/login',
    { schema: { tags: ['auth'], summary: 'Sign in with email and password', body: loginBody } },
    async (request, reply) => {
      const session = await login(app.store, limiter, { ...request.body, address: request.ip });
      reply.setCookie(SESSION_COOKIE, session.cookie, cookieOptions);
      return session.user;
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out of this session' } }, async (request, reply) => {
    const principal = request.principal;
    if (principal?.via === 'session') logout(app.store, principal.credentialId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.post(
    '/auth/accept-invite',
    { schema: { tags: ['auth'], summary: 'Set your password from an invite link and sign in', body: acceptInviteBody } },
    async (request, reply) => {
      const session = await acceptInvite(app.store, request.body);
      reply.setCookie(SESSION_COOKIE, session.cookie, cookieOptions);
      return session.user;
    },
  );

  app.get('/me', { schema: { tags: ['auth'], summary: 'The signed-in user, with role and teams', response: { 200: user } } }, async (request) => {
    const me = loadUser(app.store.db, requireUser(request).userId);
    if (!me) throw new AppError('unauthenticated', 'Sign in to continue.');
    return me;
  });
};
