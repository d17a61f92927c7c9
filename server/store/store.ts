import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { events } from '../../db/schema.js';
import { preparedFor } from './prepared.js';
import type { EventDataOf, EventType } from '../../shared/events.js';
import { nowIso } from './ids.js';

export interface StoredEvent {
  seq: number;
  type: EventType;
  at: string;
  actorId: string | null;
  subject: { type: string; id: string };
  data: Record<string, unknown>;
  audienceUserId: string | null;
}

export interface EventInput<T extends EventType> {
  actorId: string | null;
  subject: { type: string; id: string };
  data: EventDataOf<T>;
  /** Only this user may hear it (a notification); null means everyone signed in. */
  audienceUserId?: string | null;
}

/** Receives events after the transaction that wrote them has committed. */
export type EventListener = (events: readonly StoredEvent[]) => void;

/** Runs inside the transaction right after an event is appended (derived rows such as the search outbox). */
export type AppendHook = (tx: Tx, event: StoredEvent) => void;

export interface WriteContext {
  tx: Tx;
  /** Appends to the event log in the current transaction; the only way services write events. */
  append<T extends EventType>(type: T, input: EventInput<T>): StoredEvent;
}

/**
 * The one door for writes: a synchronous transaction (better-sqlite3 cannot
 * roll back across an await) that collects the events it appends and hands
 * them to listeners only once the commit succeeded.
 */
export class Store {
  private readonly listeners = new Set<EventListener>();
  private readonly appendHooks: AppendHook[] = [];

  constructor(readonly db: Db) {}

  onCommit(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onAppend(hook: AppendHook): void {
    this.appendHooks.push(hook);
  }

  write<T>(body: (ctx: WriteContext) => T): T {
    const written: StoredEvent[] = [];
    const result = this.db.transaction((tx) => this.run(tx, written, body), { behavior: 'immediate' });
    this.publish(written);
    return result;
  }

  /**
   * The same as `write`, for the hottest writes: bodies queued in one turn of
   * the event loop commit together in one transaction (group commit), each in
   * a savepoint of its own, so one that throws is undone alone and rejects
   * alone. Under load, a commit (the log pages it writes) is most of a small
   * write's cost; sharing it is what makes posting cheap.
   */
  writeGrouped<T>(body: (ctx: WriteContext) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ body, resolve: resolve as (value: unknown) => void, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
  }

  private queued: QueuedWrite[] = [];

  private commitQueued(): void {
    const batch = this.queued;
    this.queued = [];
    const written: StoredEvent[] = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(
        (tx) => {
          for (const item of batch) {
            const mark = written.length;
            tx.run(sql`savepoint grouped_write`);
            try {
              outcomes.push({ ok: true, value: this.run(tx, written, item.body) });
              tx.run(sql`release grouped_write`);
            } catch (error) {
              tx.run(sql`rollback to grouped_write`);
              tx.run(sql`release grouped_write`);
              written.length = mark;
              outcomes.push({ ok: false, error });
            }
          }
        },
        { behavior: 'immediate' },
      );
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    this.publish(written);
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }

  private run<T>(tx: Tx, written: StoredEvent[], body: (ctx: WriteContext) => T): T {
    const append: WriteContext['append'] = (type, input) => {
      const event = appendEvent(tx, written, type, input);
      for (const hook of this.appendHooks) hook(tx, event);
      return event;
    };
    const out = body({ tx, append });
    if (out instanceof Promise) throw new Error('Store.write bodies must be synchronous');
    return out;
  }

  private publish(written: readonly StoredEvent[]): void {
    if (written.length > 0) for (const listener of this.listeners) listener(written);
  }
}

interface QueuedWrite {
  body: (ctx: WriteContext) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Every write appends at least one event: prepared once. The payload arrives as JSON text. */
const insertEvent = preparedFor((db) =>
  db
    .insert(events)
    .values({
      type: sql.placeholder('type'),
      actorId: sql.placeholder('actorId'),
      subjectType: sql.placeholder('subjectType'),
      subjectId: sql.placeholder('subjectId'),
      payload: sql`${sql.placeholder('payload')}`,
      audienceUserId: sql.placeholder('audienceUserId'),
      at: sql.placeholder('at'),
    })
    .returning({ seq: events.seq })
    .prepare(),
);

function appendEvent<T extends EventType>(
  tx: Tx,
  written: StoredEvent[],
  type: T,
  input: EventInput<T>,
): StoredEvent {
  const at = nowIso();
  const data = input.data as Record<string, unknown>;
  const row = insertEvent(tx).get({
    type,
    actorId: input.actorId,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    payload: JSON.stringify(data),
    audienceUserId: input.audienceUserId ?? null,
    at,
  }) as { seq: number };
  const event: StoredEvent = {
    seq: row.seq,
    type,
    at,
    actorId: input.actorId,
    subject: input.subject,
    data,
    audienceUserId: input.audienceUserId ?? null,
  };
  written.push(event);
  return event;
}
