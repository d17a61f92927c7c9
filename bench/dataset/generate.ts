/**
 * The insights dataset (BENCH_INSIGHTS rows, 1,000,000 by default), written
 * straight into SQLite with prepared statements in one transaction: the
 * product child and the baseline child each call `generateInsights` with a
 * writer for their own tables. Both use the same seed, so both servers hold
 * the same ids, times, bodies, channels, sentiments and tags.
 *
 * Rows go in in time order, as real use writes them, with random ids (so the
 * id indexes get random inserts, as in real use too).
 */
import type Database from 'better-sqlite3';
import type { Channel, Sentiment } from '../../shared/insights.js';
import { bodyOf, channelOf, encodeCursor, idOf, SENTIMENTS, seededRandom, tagsOf } from './content.js';

export const DATASET_SEED = 20261123;
/** How many replies the thread of the thread scenario has. */
export const THREAD_REPLIES = 50;
/** How many feed cursors are handed to the parent; one is picked at random per request. */
const CURSORS = 400;
/** The generated insights span this many days up to now. */
const SPAN_DAYS = 730;
const DAY = 86_400_000;

export interface Author {
  id: string;
  teamIds: readonly string[];
}

export interface GeneratedInsight {
  id: string;
  authorId: string;
  body: string;
  channel: Channel;
  sentiment: Sentiment;
  tags: string[];
  customerId: string | null;
  replyCount: number;
  createdAt: string;
}

export interface GeneratedReply {
  id: string;
  insightId: string;
  authorId: string;
  body: string;
  createdAt: string;
}

/** Inserts one generated row into a server's own tables (inside the generation transaction). */
export interface DatasetWriter {
  insight(row: GeneratedInsight, author: Author): void;
  reply(row: GeneratedReply, author: Author): void;
}

/** What a child hands the parent once its dataset exists (over IPC, see children.ts). */
export interface InsightsFixtures {
  /** Generated insights (the product also has the demo's own few hundred). */
  count: number;
  /** Wall-clock seconds the generation took, indexes included. */
  seconds: number;
  /** Feed cursors at random positions (each with at least a full page of 50 older rows). */
  cursors: string[];
  /** An insight with THREAD_REPLIES replies. */
  threadId: string;
  /** Customers a new insight may name. */
  customerIds: string[];
}

export interface GenerateOptions {
  count: number;
  /** The rows span this many days up to now (default 730). */
  spanDays?: number;
  /** Seed of the row sequence (default DATASET_SEED): another seed makes another dataset. */
  seed?: number;
  authors: readonly Author[];
  customerIds: readonly string[];
  writer: DatasetWriter;
  /** The tables the writer fills: their secondary indexes are rebuilt after the load. */
  tables: readonly string[];
  /** Progress lines, e.g. to stderr with the server's name. */
  log: (line: string) => void;
  now?: number;
}

/**
 * Runs `body` in one transaction with the pragmas of a bulk load, then
 * restores the database's own (WAL, synchronous, foreign keys, cache): no WAL
 * twice the size of the data, no fsync, and a page cache big enough that
 * random primary-key inserts stay in memory.
 */
export function bulkLoad<T>(db: Database.Database, tables: readonly string[], body: () => T): T {
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288'); // 512 MiB
  // The writers only use ids read from the database or generated in the same run, so checking
  // every reference again (a primary-key search per tag and team row) only costs time.
  db.pragma('foreign_keys = OFF');
  // Secondary indexes are dropped and re-created from their own SQL afterwards: one sort instead
  // of a million random inserts each. Primary keys (and their automatic indexes) stay.
  const indexes = db
    .prepare<string[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables);
  try {
    return db.transaction(() => {
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      const out = body();
      for (const index of indexes) db.exec(index.sql);
      return out;
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`journal_mode = ${journal}`);
  }
}

export function generateInsights(db: Database.Database, options: GenerateOptions): InsightsFixtures {
  const { count, authors, customerIds, writer, log } = options;
  if (count < 1) throw new Error('generateInsights: count must be at least 1');
  if (authors.length === 0) throw new Error('generateInsights: no authors');
  const started = performance.now();
  const seed = options.seed ?? DATASET_SEED;
  const random = seededRandom(seed);
  // The long-tail terms of the bodies come from their own stream (see bodyOf): `random` is drawn
  // exactly as it would be without them.
  const details = seededRandom(seed + 1);
  const now = options.now ?? Date.now();
  const spanDays = options.spanDays ?? SPAN_DAYS;

  // Times first, sorted, so rows are written oldest first (as real use writes them).
  const times = new Float64Array(count);
  const from = now - spanDays * DAY;
  for (let i = 0; i < count; i++) times[i] = Math.floor(from + random.next() * (spanDays * DAY - 60_000));
  times.sort();

  // A cursor at row i pages through rows i-1, i-2, …: keep at least a full page (and then some) below it.
  const lowest = Math.min(count - 1, 60);
  const cursorAt = new Set<number>();
  for (let tries = 0; cursorAt.size < Math.min(CURSORS, count - lowest) && tries < CURSORS * 10; tries++) cursorAt.add(random.int(lowest, count - 1));
  const threadAt = random.int(0, count - 1);

  const cursors: string[] = [];
  let threadId = '';
  let threadAuthor = authors[0] as Author;
  let threadCreated = 0;
  const step = Math.max(1, Math.round(count / 10));
  let lastLog = started;

  bulkLoad(db, options.tables, () => {
    for (let i = 0; i < count; i++) {
      const author = random.pick(authors);
      const createdAt = new Date(times[i] as number).toISOString();
      const row: GeneratedInsight = {
        id: idOf(random),
        authorId: author.id,
        body: bodyOf(random, details),
        channel: channelOf(random),
        sentiment: random.pick(SENTIMENTS),
        tags: tagsOf(random),
        customerId: customerIds.length > 0 && random.chance(0.6) ? random.pick(customerIds) : null,
        replyCount: i === threadAt ? THREAD_REPLIES : 0,
        createdAt,
      };
      writer.insight(row, author);
      if (cursorAt.has(i)) cursors.push(encodeCursor([createdAt, row.id]));
      if (i === threadAt) {
        threadId = row.id;
        threadAuthor = author;
        threadCreated = times[i] as number;
      }
      if ((i + 1) % step === 0 || i + 1 === count) {
        const t = performance.now();
        if (t - lastLog > 2_000 || i + 1 === count) {
          log(`insights ${(i + 1).toLocaleString('en')}/${count.toLocaleString('en')} (${((t - started) / 1000).toFixed(1)} s)`);
          lastLog = t;
        }
      }
    }
    // The thread: replies from several people, spread between the post and now.
    const gap = Math.max(1, Math.floor((now - threadCreated) / (THREAD_REPLIES + 1)));
    let at = threadCreated;
    for (let r = 1; r <= THREAD_REPLIES; r++) {
      const author = r === 1 ? threadAuthor : random.pick(authors);
      at += Math.min(gap, random.int(60_000, 6 * 3_600_000));
      writer.reply({ id: idOf(random), insightId: threadId, authorId: author.id, body: bodyOf(random), createdAt: new Date(at).toISOString() }, author);
    }
  });

  const seconds = (performance.now() - started) / 1000;
  log(`${count.toLocaleString('en')} insights and a thread of ${THREAD_REPLIES} replies in ${seconds.toFixed(1)} s`);
  // Shuffle so the order carries no time information.
  for (let i = cursors.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [cursors[i], cursors[j]] = [cursors[j] as string, cursors[i] as string];
  }
  return { count, seconds, cursors, threadId, customerIds: [...customerIds] };
}
