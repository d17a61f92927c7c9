import { LIVE_CLOSE, helloMessage, liveEvent, presenceMessage, resyncMessage, type LiveEvent, type PresenceMessage } from '../../shared/events.js';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'signed-out';

export type LiveListener = (event: LiveEvent) => void;
export type ResyncListener = () => void;
export type PresenceListener = (message: PresenceMessage) => void;
export type StatusListener = (status: LiveStatus) => void;

const PING_EVERY_MS = 25_000;
const PONG_WITHIN_MS = 10_000;
const BACKOFF_BASE_MS = 300;
const BACKOFF_MAX_MS = 30_000;
/** A hidden tab retries more slowly: nobody is looking, and many tabs should not hammer a recovering server. */
const HIDDEN_BACKOFF_MAX_MS = 120_000;

/**
 * The one websocket of a tab: connects to /api/live, resumes from the last
 * seq it saw (so a dropped connection loses nothing), retries with exponential
 * backoff and jitter, notices a dead link with an application ping, and parses
 * every message with the shared schema (unknown types are ignored).
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private lastSeq: number | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private pongTimer: ReturnType<typeof setTimeout> | null = null;
  private viewing: string | null = null;
  private stopped = true;
  private _status: LiveStatus = 'connecting';
  private readonly eventListeners = new Set<LiveListener>();
  private readonly resyncListeners = new Set<ResyncListener>();
  private readonly presenceListeners = new Set<PresenceListener>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly presenceBySubject = new Map<string, PresenceMessage>();

  constructor(private readonly url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`) {}

  get status(): LiveStatus {
    return this._status;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clearTimers();
    this.socket?.close(1000, 'signed out');
    this.socket = null;
    // The next person to sign in starts from the present, not from this one's position.
    this.lastSeq = null;
    this.attempt = 0;
  }

  onEvent(listener: LiveListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onResync(listener: ResyncListener): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  onPresence(listener: PresenceListener): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  presenceOf(subject: string): PresenceMessage['users'] {
    return this.presenceBySubject.get(subject)?.users ?? [];
  }

  /** Tells the server which thread or issue this tab shows (`insight:<id>`, `issue:<id>`, or null). */
  setViewing(subject: string | null): void {
    this.viewing = subject;
    this.sendJson({ type: 'presence', viewing: subject });
  }

  private open(): void {
    if (this.stopped) return;
    this.setStatus(this.attempt === 0 && this.lastSeq === null ? 'connecting' : 'reconnecting');
    const since = this.lastSeq === null ? '' : `?since=${this.lastSeq}`;
    const socket = new WebSocket(`${this.url()}${since}`);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.setStatus('open');
      if (this.viewing) this.sendJson({ type: 'presence', viewing: this.viewing });
      this.startPing();
    });
    socket.addEventListener('message', (message) => this.receive(String(message.data)));
    socket.addEventListener('close', (closed) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      if (closed.code === LIVE_CLOSE.signedOut) {
        this.setStatus('signed-out');
        return;
      }
      this.scheduleRetry();
    });
  }

  private receive(text: string): void {
    this.touchPong();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const type = (raw as { type?: unknown } | null)?.type;
    if (type === 'pong') return;
    if (type === 'hello') {
      const hello = helloMessage.safeParse(raw);
      // A first connection starts from the server's present; a resumed one keeps its own position.
      if (hello.success && this.lastSeq === null) this.lastSeq = hello.data.seq;
      return;
    }
    if (type === 'resync') {
      const resync = resyncMessage.safeParse(raw);
      if (resync.success) this.lastSeq = resync.data.seq;
      for (const listener of this.resyncListeners) listener();
      return;
    }
    if (type === 'presence') {
      const presence = presenceMessage.safeParse(raw);
      if (!presence.success) return;
      this.presenceBySubject.set(presence.data.subject, presence.data);
      for (const listener of this.presenceListeners) listener(presence.data);
      return;
    }
    const parsed = liveEvent.safeParse(raw);
    if (!parsed.success) return; // an event type this client does not know yet: not fatal
    const event = parsed.data as LiveEvent;
    if (this.lastSeq !== null && event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    for (const listener of this.eventListeners) listener(event);
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.setStatus('reconnecting');
    const cap = document.visibilityState === 'hidden' ? HIDDEN_BACKOFF_MAX_MS : BACKOFF_MAX_MS;
    const ceiling = Math.min(cap, BACKOFF_BASE_MS * 2 ** this.attempt);
    this.attempt++;
    // Full jitter: reconnecting tabs spread out instead of arriving together.
    const delay = Math.random() * ceiling;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private readonly onVisibility = () => {
    // Coming back to a tab that is waiting out a long backoff: try now.
    if (document.visibilityState === 'visible' && this.retryTimer && !this.socket) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.attempt = 0;
      this.open();
    }
  };

  private startPing(): void {
    this.pingTimer = setInterval(() => {
      this.sendJson({ type: 'ping' });
      this.pongTimer ??= setTimeout(() => this.socket?.close(4000, 'no pong'), PONG_WITHIN_MS);
    }, PING_EVERY_MS);
  }

  private touchPong(): void {
    if (this.pongTimer) clearTimeout(this.pongTimer);
    this.pongTimer = null;
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.touchPong();
    this.retryTimer = null;
    this.pingTimer = null;
  }

  private sendJson(message: unknown): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private setStatus(status: LiveStatus): void {
    if (this._status === status) return;
    this._status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

/** The tab's connection; started by the app shell once someone is signed in. */
export const live = new LiveConnection();
