import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../errors.js';

/**
 * FRONTLINE_RATE_LIMIT requests per minute per user or token (per address
 * before sign-in). It runs after authentication so a shared office address
 * does not throttle everybody behind it.
 */
export default fp<{ perMinute: number }>(
  async (app, opts) => {
    if (opts.perMinute <= 0) return;
    await app.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      max: opts.perMinute,
      timeWindow: 60_000,
      allowList: (request) => !request.url.startsWith('/api/'),
      keyGenerator: (request) => {
        const p = request.principal;
        if (!p) return `ip:${request.ip}`;
        return p.via === 'token' ? `token:${p.credentialId}` : `user:${p.userId}`;
      },
      errorResponseBuilder: (_request, context) => {
        const error = new AppError('rate_limited', `Too many requests: try again in ${context.after}.`, {
          limit: context.max,
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        });
        return Object.assign(error, { statusCode: 429 });
      },
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
