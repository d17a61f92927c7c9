import type { Notification } from '../../shared/notifications.js';
import type { Page } from '../../shared/pagination.js';
import { api } from './http.js';

export type { Notification };

export interface NotificationPage extends Page<Notification> {
  unreadCount: number;
}

export interface NotificationQuery {
  limit?: number;
  cursor?: string | null;
  unread?: boolean;
}

/** GET /api/notifications: newest first, with the unread count. */
export const listNotifications = (query: NotificationQuery = {}, signal?: AbortSignal) =>
  api.get<NotificationPage>('/notifications', { limit: query.limit, cursor: query.cursor, unread: query.unread ? 'true' : undefined }, { signal });

/** Marks these notifications read; answers how many stay unread. */
export const markNotificationsRead = (ids: readonly string[]) => api.post<{ unreadCount: number }>('/notifications/read', { ids });

export const markAllNotificationsRead = () => api.post<{ unreadCount: number }>('/notifications/read', { all: true });
