/**
 * A search worker (see pool.ts): answers search jobs from its own read
 * connection, so a ranked query never holds the main event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../../../db/client.js';
import type { ParsedSearch } from '../../../shared/search-query.js';
import { AppError } from '../../errors.js';
import { searchIndex, type SearchOptions } from './queries.js';

export interface SearchJob {
  id: number;
  parsed: ParsedSearch;
  options: SearchOptions;
}

export type SearchAnswer =
  | { id: number; result: ReturnType<typeof searchIndex> }
  | { id: number; appError: { code: AppError['code']; message: string; details: unknown } }
  | { id: number; failure: string };

const port = parentPort;
if (!port) throw new Error('search worker: not in a worker thread');
const sqlite = openReader((workerData as { file: string }).file);

port.on('message', (job: SearchJob | 'close') => {
  if (job === 'close') {
    sqlite.close();
    port.close();
    return;
  }
  let answer: SearchAnswer;
  try {
    answer = { id: job.id, result: searchIndex(sqlite, job.parsed, job.options) };
  } catch (error) {
    answer =
      error instanceof AppError
        ? { id: job.id, appError: { code: error.code, message: error.message, details: error.details } }
        : { id: job.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer);
});
