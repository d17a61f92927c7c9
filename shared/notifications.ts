import { z } from 'zod';
import { pageQuery } from './pagination.js';

export const NOTIFICATION_KINDS = ['mention', 'claimed', 'status', 'loop_closed'] as const;

export const notification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  subject: z.object({ type: z.string(), id: z.string() }),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notification>;

export const notificationPage = z.object({ items: z.array(notification), nextCursor: z.string().nullable(), unreadCount: z.number().int() });

export const listNotificationsQuery = pageQuery.extend({ unread: z.enum(['true', 'false']).optional() });

export const markReadBody = z.union([
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);
