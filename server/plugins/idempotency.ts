import fp from 'fastify-plugin';
import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import { LIMITS } from '../../shared/limits.js';
import { AppError } from '../errors.js';
import { nowIso } from '../store/ids.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Creating POST: honours the Idempotency-Key header. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyReservation: { principal: string; key: string } | null;
  }
}

/**
 * Same key from the same principal answers the first result. The key is
 * reserved before the handler runs, so a concurrent duplicate gets a 409
 * instead of a second row; a failed first attempt frees the key for a retry.
 */
export default fp(
  async (app) => {
    const { db } = app.store;
    app.decorateRequest('idempotencyReservation', null);

    app.addHook('preHandler', async (request, reply) => {
      if (!request.routeOptions.config.idempotent) return;
      const raw = request.headers['idempotency-key'];
      if (raw === undefined || !request.principal) return;
      const key = Array.isArray(raw) ? raw[0] : raw;
      if (!key || key.length > LIMITS.idempotencyKeyLength) {
        throw new AppError('invalid_input', `Idempotency-Key must be 1 to ${LIMITS.idempotencyKeyLength} characters.`);
      }
      const principal = request.principal.via === 'token' ? `token:${request.principal.credentialId}` : `user:${request.principal.userId}`;
      const route = `${request.method} ${request.url}`;
      const inserted = db
        .insert(idempotencyKeys)
        .values({ principal, key, route, createdAt: nowIso() })
        .onConflictDoNothing()
        .run();
      if (inserted.changes === 1) {
        request.idempotencyReservation = { principal, key };
        return;
      }
      const previous = db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)))
        .get();
      if (!previous || previous.route !== route) {
        throw new AppError('conflict', 'This Idempotency-Key was already used for a different request.');
      }
      if (previous.statusCode === null || previous.response === null) {
        throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed.');
      }
      return reply
        .code(previous.statusCode)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(previous.response);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const reservation = request.idempotencyReservation;
      if (!reservation) return payload;
      request.idempotencyReservation = null;
      const where = and(eq(idempotencyKeys.principal, reservation.principal), eq(idempotencyKeys.key, reservation.key));
      if (reply.statusCode < 300 && typeof payload === 'string') {
        db.update(idempotencyKeys).set({ statusCode: reply.statusCode, response: payload }).where(where).run();
      } else {
        db.delete(idempotencyKeys).where(where).run();
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['store', 'auth'] },
);
