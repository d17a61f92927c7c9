import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/roles.js';
import { AppError } from '../errors.js';
import { findPrincipalBySession, findPrincipalByToken } from '../features/auth/queries.js';

export const SESSION_COOKIE = 'frontline_session';

export interface Principal {
  userId: string;
  role: Role;
  displayName: string;
  via: 'session' | 'token';
  /** The session's hash or the token's id: what identifies the credential. */
  credentialId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The signed-in principal, or a 401 in the contract's shape. */
export function requireUser(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.principal;
}

/** The signed-in principal if it holds one of `roles`, else 403. */
export function requireRole(request: FastifyRequest, ...roles: Role[]): Principal {
  const principal = requireUser(request);
  if (!roles.includes(principal.role)) {
    throw new AppError('forbidden', `Only ${roles.join(' or ')} accounts may do that.`);
  }
  return principal;
}

/** Resolves the session cookie or bearer token of every request before any handler runs. */
export default fp(
  async (app) => {
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match?.[1]) throw new AppError('unauthenticated', 'Use "Authorization: Bearer <token>".');
        request.principal = findPrincipalByToken(app.store.db, match[1]);
        if (!request.principal) throw new AppError('unauthenticated', 'That API token is unknown or revoked.');
        return;
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) request.principal = findPrincipalBySession(app.store.db, cookie);
    });
  },
  { name: 'auth', dependencies: ['store'] },
);
