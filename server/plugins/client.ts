import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendError } from './errors.js';

/**
 * Serves the built client and answers every client route with index.html;
 * unknown /api paths get the contract's 404.
 */
export default fp<{ root: string }>(
  async (app, opts) => {
    const hasClient = existsSync(join(opts.root, 'index.html'));
    if (hasClient) {
      await app.register(fastifyStatic, {
        root: opts.root,
        wildcard: false,
        index: false,
        setHeaders: (res, path) => {
          if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
        },
      });
    }
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (path === '/api' || path.startsWith('/api/') || !['GET', 'HEAD'].includes(request.method)) {
        return sendError(reply, 'not_found', `No route ${request.method} ${path}.`);
      }
      if (!hasClient) return reply.code(503).type('text/plain').send('The client is not built: run `npm run build`.');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'client' },
);
