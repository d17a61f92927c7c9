import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { rateLimit: false }, schema: { tags: ['health'], summary: '{"ok": true} when the database answers', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => {
      try {
        app.database.sqlite.prepare('select 1').get();
      } catch {
        throw new AppError('unavailable', 'The database does not answer.');
      }
      return { ok: true as const };
    },
  );
};
