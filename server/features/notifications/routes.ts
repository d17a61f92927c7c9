import { keysetAfter } from '../../store/keyset.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '../../../db/schema.js';
import { listNotificationsQuery, markReadBody, notificationPage } from '../../../shared/notifications.js';
import { requireUser } from '../../plugins/auth.js';
import { decodeCursor, pageFrom } from '../../store/cursor.js';
import { nowIso } from '../../store/ids.js';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.store;
  const unreadCount = (userId: string) =>
    db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;

  app.get(
    '/notifications',
    { schema: { tags: ['notifications'], summary: 'Your notifications, newest first, with the unread count', querystring: listNotificationsQuery, response: { 200: notificationPage } } },
    async (request) => {
      const { userId } = requireUser(request);
      const { limit, cursor, unread } = request.query;
      const after = decodeCursor<[string, string]>(cursor, 2);
      const conditions: SQL[] = [eq(notifications.userId, userId)];
      if (unread === 'true') conditions.push(isNull(notifications.readAt));
      if (after) conditions.push(keysetAfter(notifications.createdAt, notifications.id, after, 'desc'));
      const rows = db.select().from(notifications).where(and(...conditions)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit + 1).all();
      const page = pageFrom(
        rows,
        limit,
        (list) => list.map((n) => ({ id: n.id, kind: n.kind, subject: { type: n.subjectType, id: n.subjectId }, data: n.data, readAt: n.readAt, createdAt: n.createdAt })),
        (n) => [n.createdAt, n.id],
      );
      return { ...page, unreadCount: unreadCount(userId) };
    },
  );

  app.post(
    '/notifications/read',
    { schema: { tags: ['notifications'], summary: 'Mark read: {ids} or {all: true}', body: markReadBody, response: { 200: z.object({ unreadCount: z.number().int() }) } } },
    async (request) => {
      const { userId } = requireUser(request);
      const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
      const body = request.body;
      const where = 'ids' in body ? and(mine, inArray(notifications.id, body.ids)) : mine;
      db.update(notifications).set({ readAt: nowIso() }).where(where).run();
      return { unreadCount: unreadCount(userId) };
    },
  );
};
