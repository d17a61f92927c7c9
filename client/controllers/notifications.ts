import type { ReactiveControllerHost } from 'lit';
import { listNotifications, markAllNotificationsRead, markNotificationsRead } from '../api/notifications.js';
import { StoreController } from './store.js';
import { live } from '../api/live.js';

/** How often the unread count is asked for while no live connection tells us. */
export const NOTIFICATION_POLL_MS = 30_000;

/**
 * The signed-in person's unread notification count: one store for the tab.
 * It polls while at least one element watches it (and the tab is visible);
 * `refresh()` asks now, so live `notification.created` events can call it
 * when the websocket arrives and replace the polling.
 */
export class NotificationsStore extends EventTarget {
  #unreadCount = 0;
  #loaded = false;
  #watchers = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #refreshing: Promise<void> | null = null;
  #stopLive: (() => void) | null = null;
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  get unreadCount(): number {
    return this.#unreadCount;
  }

  /** False until the first count arrived. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** Asks the server for the unread count now; concurrent calls share one request. Failures keep the last count. */
  refresh(): Promise<void> {
    this.#refreshing ??= listNotifications({ limit: 1 })
      .then((page) => this.setUnreadCount(page.unreadCount))
      .catch(() => {
        // Offline or signed out: the next poll tries again.
      })
      .finally(() => {
        this.#refreshing = null;
      });
    return this.#refreshing;
  }

  /** Any answer that carries the count (a list page, marking read) updates it here. */
  setUnreadCount(count: number): void {
    if (this.#loaded && count === this.#unreadCount) return;
    this.#unreadCount = Math.max(0, count);
    this.#loaded = true;
    this.dispatchEvent(new Event('change'));
  }

  async markRead(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const { unreadCount } = await markNotificationsRead(ids);
    this.setUnreadCount(unreadCount);
  }

  async markAllRead(): Promise<void> {
    const { unreadCount } = await markAllNotificationsRead();
    this.setUnreadCount(unreadCount);
  }

  /** Starts polling for the first watcher; `unwatch` stops it after the last. */
  watch(): void {
    this.#watchers += 1;
    if (this.#watchers > 1) return;
    void this.refresh();
    // Live: a notification for me arrives as an event (the server sends it to me only); resync means ask again.
    const stopEvents = live.onEvent((event) => {
      if (event.type === 'notification.created') void this.refresh();
    });
    const stopResync = live.onResync(() => void this.refresh());
    this.#stopLive = () => {
      stopEvents();
      stopResync();
    };
    // Polling remains the fallback while the live connection is down.
    this.#timer = setInterval(() => {
      if (document.visibilityState !== 'hidden' && live.status !== 'open') void this.refresh();
    }, NOTIFICATION_POLL_MS);
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  unwatch(): void {
    this.#watchers = Math.max(0, this.#watchers - 1);
    if (this.#watchers > 0) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#stopLive?.();
    this.#stopLive = null;
    document.removeEventListener('visibilitychange', this.#onVisible);
    // Nobody shows the count any more (signed out): the next person starts from theirs.
    this.#unreadCount = 0;
    this.#loaded = false;
  }
}

export const notifications = new NotificationsStore();

/** The unread count for an element: re-renders it on change and keeps the count fresh while connected. */
export class NotificationsController extends StoreController<NotificationsStore> {
  constructor(host: ReactiveControllerHost) {
    super(host, notifications);
  }

  override hostConnected(): void {
    super.hostConnected();
    this.store.watch();
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.store.unwatch();
  }

  get unreadCount(): number {
    return this.store.unreadCount;
  }
}
