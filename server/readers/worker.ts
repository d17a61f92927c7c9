/**
 * A reader thread (see pool.ts): answers read jobs from its own read-only
 * connection, so heavy reads never hold the main event loop.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../../db/client.js';
import * as schema from '../../db/schema.js';
import { AppError } from '../errors.js';
import { readJobs, type ReadJobName } from './jobs.js';

export interface ReadJob {
  id: number;
  name: ReadJobName;
  args: unknown;
}

export type ReadAnswer =
  | { id: number; result: unknown }
  | { id: number; appError: { code: AppError['code']; message: string; details: unknown } }
  | { id: number; failure: string };

const port = parentPort;
if (!port) throw new Error('reader: not in a worker thread');
const sqlite = openReader((workerData as { file: string }).file);
const context = { sqlite, db: drizzle(sqlite, { schema }) };

port.on('message', (job: ReadJob | 'close') => {
  if (job === 'close') {
    sqlite.close();
    port.close();
    return;
  }
  let answer: ReadAnswer;
  try {
    const run = readJobs[job.name] as (ctx: typeof context, args: unknown) => unknown;
    answer = { id: job.id, result: run(context, job.args) };
  } catch (error) {
    answer =
      error instanceof AppError
        ? { id: job.id, appError: { code: error.code, message: error.message, details: error.details } }
        : { id: job.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer);
});
