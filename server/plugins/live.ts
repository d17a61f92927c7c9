import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import { z } from 'zod';
import { clientPresence } from '../../shared/events.js';
import { AppError } from '../errors.js';
import { LiveHub } from '../live/hub.js';
import { requireUser } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub;
  }
}

const liveQuery = z.object({ since: z.coerce.number().int().min(0).optional() });

/**
 * GET /api/live: one websocket per tab, authenticated on upgrade (session
 * cookie or bearer token), Origin checked, events published after commit.
 */
export default fp<{ publicUrl: string; replayLimit: number; heartbeatMs?: number; sendBufferLimit?: number }>(
  async (app, opts) => {
    const publicOrigin = new URL(opts.publicUrl).origin;
    const hub = new LiveHub(app.store.db, opts.replayLimit, opts.sendBufferLimit);
    app.decorate('live', hub);
    const stop = app.store.onCommit((events) => hub.publish(events));
    const heartbeat = setInterval(() => hub.heartbeat(), opts.heartbeatMs ?? 30_000);
    heartbeat.unref();

    await app.register(websocket, {
      options: { maxPayload: 4096, perMessageDeflate: false },
      preClose: (done) => {
        hub.closeAll();
        done();
      },
    });
    app.addHook('onClose', async () => {
      clearInterval(heartbeat);
      stop();
    });

    app.get(
      '/api/live',
      {
        websocket: true,
        schema: { hide: true, querystring: liveQuery },
        preValidation: async (request) => {
          const origin = request.headers.origin;
          if (origin && origin !== publicOrigin) throw new AppError('forbidden', 'Live updates are only served to this site’s own pages.');
          requireUser(request);
        },
      },
      (socket, request) => {
        // Listeners first, before anything that could yield: no message is lost.
        socket.on('message', (raw) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(String(raw));
          } catch {
            return;
          }
          // An application-level ping: browsers cannot see protocol pings, so this is how a tab notices a dead link.
          if ((parsed as { type?: unknown } | null)?.type === 'ping') {
            socket.send('{"type":"pong"}');
            return;
          }
          const presence = clientPresence.safeParse(parsed);
          if (presence.success) hub.setViewing(socket, presence.data.viewing);
        });
        socket.on('close', () => hub.disconnect(socket));
        socket.on('error', () => hub.disconnect(socket));
        const principal = requireUser(request);
        hub.connect(socket, principal, (request.query as z.infer<typeof liveQuery>).since ?? null);
      },
    );
  },
  { name: 'live', dependencies: ['store', 'auth'] },
);
