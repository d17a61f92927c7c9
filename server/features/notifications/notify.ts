import { notifications } from '../../../db/schema.js';
import type { WriteContext } from '../../store/store.js';
import { newId, nowIso } from '../../store/ids.js';

export type NotificationKind = (typeof notifications.$inferInsert)['kind'];

export interface NotificationInput {
  kind: NotificationKind;
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}

/**
 * Notifies each recipient once, in the transaction of the change that caused
 * it. Nobody is notified of their own action.
 */
export function notify(ctx: WriteContext, actorId: string, recipients: Iterable<string>, input: NotificationInput): string[] {
  const created: string[] = [];
  const at = nowIso();
  for (const userId of new Set(recipients)) {
    if (userId === actorId) continue;
    const id = newId();
    ctx.tx
      .insert(notifications)
      .values({ id, userId, kind: input.kind, subjectType: input.subject.type, subjectId: input.subject.id, data: input.data, createdAt: at })
      .run();
    ctx.append('notification.created', {
      actorId,
      subject: { type: 'notification', id },
      data: { notificationId: id, userId, kind: input.kind, subject: input.subject },
      audienceUserId: userId,
    });
    created.push(id);
  }
  return created;
}
