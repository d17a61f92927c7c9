import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '../shared/limits.js';
import { loadConfig, type Config } from './config.js';
import errors from './plugins/errors.js';
import store from './plugins/store.js';
import auth from './plugins/auth.js';
import security from './plugins/security.js';
import rateLimit from './plugins/rate-limit.js';
import idempotency from './plugins/idempotency.js';
import openapi from './plugins/openapi.js';
import client from './plugins/client.js';
import live from './plugins/live.js';
import search from './plugins/search.js';
import { searchRoutes } from './features/search/routes.js';
import { dashboardRoutes } from './features/dashboard/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { authRoutes } from './features/auth/routes.js';
import { userRoutes } from './features/users/routes.js';
import { teamRoutes } from './features/teams/routes.js';
import { tokenRoutes } from './features/tokens/routes.js';
import { customerRoutes } from './features/customers/routes.js';
import { insightRoutes } from './features/insights/routes.js';
import { threadRoutes } from './features/threads/routes.js';
import { issueRoutes } from './features/issues/routes.js';
import { notificationRoutes } from './features/notifications/routes.js';

export interface BuildOptions {
  config?: Partial<Config>;
  /** Where the built client lives; defaults to dist/client beside the project. */
  clientRoot?: string;
  logger?: boolean;
  /** How often live sockets are pinged; tests shorten it. */
  heartbeatMs?: number;
  /** Bytes a live socket may have waiting before it is cut off; tests lower it. */
  liveSendBufferLimit?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

const projectRoot = resolve(fileURLToPath(import.meta.url), '../..');

/**
 * Builds a ready Frontline app: plugins in order (framework → capabilities →
 * features), never listening. Tests build it on a temp folder; main.ts listens.
 */
export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig(), ...options.config };
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: LIMITS.requestBodyBytes,
    trustProxy: false,
  });
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API (OpenAPI) and type the handlers; answers are built by
  // presenters that already produce exactly those shapes, so they are sent with plain
  // JSON.stringify instead of being validated again on every response (the feed's largest cost).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Bodies are JSON only: anything else is a 415 from Fastify's content-type parsing.
  app.removeContentTypeParser(['text/plain']);

  // While shutting down, in-flight requests finish but their connections are not kept alive,
  // so a client's idle keep-alive socket cannot hold the process open after its answer.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  await app.register(errors);
  await app.register(cookie);
  await app.register(store, { file: join(config.dataDir, 'frontline.db') });
  await app.register(security, { publicUrl: config.publicUrl });
  await app.register(auth);
  await app.register(rateLimit, { perMinute: config.rateLimit });
  await app.register(idempotency);
  await app.register(openapi, { publicUrl: config.publicUrl });
  await app.register(search);
  await app.register(live, { publicUrl: config.publicUrl, replayLimit: config.replayLimit, heartbeatMs: options.heartbeatMs, sendBufferLimit: options.liveSendBufferLimit });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes, { secureCookies: config.publicUrl.startsWith('https:') });
      await api.register(userRoutes, { publicUrl: config.publicUrl });
      await api.register(teamRoutes);
      await api.register(tokenRoutes);
      await api.register(customerRoutes);
      await api.register(insightRoutes);
      await api.register(threadRoutes);
      await api.register(issueRoutes);
      await api.register(notificationRoutes);
      await api.register(searchRoutes);
      await api.register(dashboardRoutes);
    },
    { prefix: '/api' },
  );

  await app.register(client, { root: options.clientRoot ?? join(projectRoot, 'dist/client') });
  await app.ready();
  return app;
}
