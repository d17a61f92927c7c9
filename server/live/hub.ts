import type { WebSocket } from 'ws';
import { and, asc, eq, gt, isNull, max, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { events, users } from '../../db/schema.js';
import { LIVE_CLOSE, LIVE_PROTOCOL_VERSION } from '../../shared/events.js';
import type { Principal } from '../plugins/auth.js';
import type { StoredEvent } from '../store/store.js';
import { Presence } from './presence.js';

/** Past this many bytes waiting in a socket's send buffer, the client is cut off and must resume. */
export const SEND_BUFFER_LIMIT = 1024 * 1024;
const REPLAY_PAGE = 500;
/** Sockets written per turn of the event loop: a broadcast to thousands yields to HTTP in between. */
const FANOUT_SLICE = 50;

interface Outgoing {
  seq: number;
  audience: string | null;
  frame: Buffer;
  /** The clients connected when delivery began; later ones get it by replay if they asked for it. */
  targets: Client[] | null;
  next: number;
}

interface Client {
  socket: WebSocket;
  principal: Principal;
  /** Last seq sent: nothing at or below it is sent again. */
  lastSeq: number;
  /** While replaying, live events wait here so none is lost at the seam. */
  pending: { seq: number; audience: string | null; frame: Buffer }[] | null;
  alive: boolean;
}

/**
 * The live side of the event log: replays what a client missed, then streams
 * committed events to everyone allowed to hear them, each serialized once.
 */
export class LiveHub {
  private readonly clients = new Set<Client>();
  private readonly bySocket = new Map<WebSocket, Client>();
  private readonly names = new Map<string, string>();
  private readonly outgoing: Outgoing[] = [];
  private draining = false;
  /** Clients cut off, by cause: observable by operators and tests. */
  readonly stats = { tooSlow: 0, deadPeers: 0 };
  readonly presence = new Presence((socket) => {
    const client = this.bySocket.get(socket as WebSocket);
    return { id: client?.principal.userId ?? '', displayName: client?.principal.displayName ?? '' };
  });

  constructor(
    private readonly db: Db,
    private readonly replayLimit: number,
    private readonly sendBufferLimit = SEND_BUFFER_LIMIT,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  latestSeq(): number {
    return this.db.select({ seq: max(events.seq) }).from(events).get()?.seq ?? 0;
  }

  /**
   * Registers the socket before anything else so no live event can slip by,
   * then replays from `since` in pages, then drains what arrived meanwhile.
   */
  connect(socket: WebSocket, principal: Principal, since: number | null): void {
    const latest = this.latestSeq();
    const client: Client = { socket, principal, lastSeq: latest, pending: null, alive: true };
    this.clients.add(client);
    this.bySocket.set(socket, client);
    socket.on('pong', () => (client.alive = true));
    this.send(client, JSON.stringify({ type: 'hello', seq: latest, protocolVersion: LIVE_PROTOCOL_VERSION }));
    if (since === null || since === latest) return;
    if (since > latest || latest - since > this.replayLimit) {
      this.send(client, JSON.stringify({ type: 'resync', seq: latest }));
      return;
    }
    client.lastSeq = since;
    client.pending = [];
    this.replay(client, latest);
  }

  private replay(client: Client, until: number): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    const rows = this.db
      .select({ event: events, actorName: users.displayName })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorId))
      .where(and(gt(events.seq, client.lastSeq), or(isNull(events.audienceUserId), eq(events.audienceUserId, client.principal.userId))))
      .orderBy(asc(events.seq))
      .limit(REPLAY_PAGE)
      .all();
    for (const { event, actorName } of rows) {
      if (event.seq > until) break;
      this.sendEvent(client, event.seq, Buffer.from(serialize(event, actorName)));
    }
    const last = rows[rows.length - 1];
    if (rows.length === REPLAY_PAGE && last && last.event.seq < until) {
      client.lastSeq = last.event.seq;
      setImmediate(() => this.replay(client, until));
      return;
    }
    // Replay reached `until`: everything after it was buffered live; send it in order.
    client.lastSeq = Math.max(client.lastSeq, until);
    const pending = client.pending ?? [];
    client.pending = null;
    for (const item of pending) this.deliver(client, item.seq, item.audience, item.frame);
  }

  /** Store.onCommit listener: called once per committed transaction, in seq order. */
  publish(committed: readonly StoredEvent[]): void {
    for (const event of committed) {
      if (event.type === 'user.updated' && event.data.changes && (event.data.changes as { active?: boolean }).active === false) {
        this.disconnectUser(String(event.data.userId));
      }
      if (event.type === 'token.revoked') this.disconnectCredential(String(event.data.tokenId));
      if (event.type === 'user.updated' && typeof (event.data.changes as { displayName?: unknown }).displayName === 'string') {
        this.names.delete(String(event.data.userId));
      }
      if (this.clients.size === 0) continue;
      const frame = Buffer.from(serialize({ ...event, subjectType: event.subject.type, subjectId: event.subject.id, payload: event.data }, this.nameOf(event.actorId)));
      this.outgoing.push({ seq: event.seq, audience: event.audienceUserId, frame, targets: null, next: 0 });
    }
    if (!this.draining) this.drain();
  }

  /**
   * Delivers queued events in seq order, at most FANOUT_SLICE sockets per turn,
   * so a broadcast to thousands never holds the event loop for long.
   */
  private drain(): void {
    this.draining = true;
    let budget = FANOUT_SLICE;
    while (this.outgoing.length > 0) {
      const head = this.outgoing[0] as Outgoing;
      head.targets ??= [...this.clients];
      while (head.next < head.targets.length && budget > 0) {
        const client = head.targets[head.next++] as Client;
        if (this.clients.has(client)) this.deliver(client, head.seq, head.audience, head.frame);
        budget--;
      }
      if (head.next < head.targets.length) {
        setImmediate(() => this.drain());
        return;
      }
      this.outgoing.shift();
    }
    this.draining = false;
  }

  private deliver(client: Client, seq: number, audience: string | null, frame: Buffer): void {
    if (audience !== null && audience !== client.principal.userId) return;
    if (client.pending) {
      client.pending.push({ seq, audience, frame });
      return;
    }
    this.sendEvent(client, seq, frame);
  }

  private sendEvent(client: Client, seq: number, frame: Buffer): void {
    if (seq <= client.lastSeq) return;
    client.lastSeq = seq;
    this.send(client, frame);
  }

  private send(client: Client, frame: Buffer | string): void {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.sendBufferLimit) {
      // A slow reader must not grow server memory: cut it off; it resumes from its last seq.
      this.stats.tooSlow++;
      this.drop(client, LIVE_CLOSE.tooSlow, 'too slow: reconnect with ?since=');
      return;
    }
    socket.send(frame, { binary: false });
  }

  private nameOf(userId: string | null): string | null {
    if (!userId) return null;
    let name = this.names.get(userId);
    if (name === undefined) {
      name = this.db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get()?.name ?? '';
      this.names.set(userId, name);
    }
    return name;
  }

  /** Sends a presence message about `subject` to every connected client. */
  broadcastPresence(subjects: readonly string[]): void {
    for (const subject of subjects) {
      const frame = Buffer.from(JSON.stringify({ type: 'presence', subject, users: this.presence.viewers(subject) }));
      for (const client of this.clients) if (!client.pending) this.send(client, frame);
    }
  }

  setViewing(socket: WebSocket, subject: string | null): void {
    this.broadcastPresence(this.presence.set(socket, subject));
  }

  disconnect(socket: WebSocket): void {
    const client = this.bySocket.get(socket);
    if (!client) return;
    this.clients.delete(client);
    this.bySocket.delete(socket);
    this.broadcastPresence(this.presence.set(socket, null));
  }

  private drop(client: Client, code: number, reason: string): void {
    this.disconnect(client.socket);
    client.socket.close(code, reason);
    // A peer that stopped reading may never complete the closing handshake.
    setTimeout(() => client.socket.terminate(), 2000).unref();
  }

  disconnectUser(userId: string): void {
    for (const client of [...this.clients]) if (client.principal.userId === userId) this.drop(client, LIVE_CLOSE.signedOut, 'signed out');
  }

  disconnectCredential(credentialId: string): void {
    for (const client of [...this.clients]) if (client.principal.credentialId === credentialId) this.drop(client, LIVE_CLOSE.signedOut, 'signed out');
  }

  /** Ping every client; terminate those that did not answer the previous ping. */
  heartbeat(): void {
    for (const client of [...this.clients]) {
      if (!client.alive) {
        this.stats.deadPeers++;
        this.disconnect(client.socket);
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }

  closeAll(): void {
    for (const client of [...this.clients]) this.drop(client, LIVE_CLOSE.goingAway, 'server shutting down');
  }
}

type EventRow = Pick<typeof events.$inferSelect, 'seq' | 'type' | 'at' | 'actorId' | 'subjectType' | 'subjectId' | 'payload'>;

/** The wire shape of an event: {seq, type, at, actor, subject, data}. */
const serialize = (event: EventRow, actorName: string | null): string =>
  JSON.stringify({
    seq: event.seq,
    type: event.type,
    at: event.at,
    actor: event.actorId ? { id: event.actorId, displayName: actorName ?? '' } : null,
    subject: { type: event.subjectType, id: event.subjectId },
    data: event.payload,
  });
