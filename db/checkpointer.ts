import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the checkpointer copies the write-ahead log into the database file. */
const CHECKPOINT_INTERVAL_MS = 100;

/**
 * Pages the log may hold before the writing connection checkpoints by itself:
 * a safety net for when the checkpointer falls behind (bulk loads), large
 * enough that it does not fire under normal traffic.
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

/*
 * Plain CommonJS so that it runs the same under Node, tsx and Vitest. The
 * connection only ever checkpoints: PASSIVE never waits for, nor blocks,
 * the writer or readers.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops checkpointing and closes its connection; call before closing the writer's. */
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the request path. With SQLite's default, the
 * commit that pushes the log past 1,000 pages copies them into the database
 * and syncs it inside that request; measured under steady posting, those
 * checkpoints were a third of a post's time. A worker thread with its own
 * connection checkpoints on a timer instead, in parallel with the event loop.
 */
export function startCheckpointer(sqlite: Database.Database): Checkpointer {
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, file: sqlite.name, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => {
    // Without it the writer's own automatic checkpoints keep the log bounded.
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
  });
  return {
    async stop() {
      // Referenced again, or a process with nothing else to do would exit before the worker has.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
