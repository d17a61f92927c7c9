import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedSearch } from '../../../shared/search-query.js';
import { AppError } from '../../errors.js';
import type { SearchOptions, SearchResult } from './queries.js';
import type { SearchAnswer, SearchJob } from './worker.js';

interface Pending {
  resolve: (result: SearchResult) => void;
  reject: (error: unknown) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  exited: Promise<void>;
}

/**
 * Ranked search runs in worker threads, each with its own read connection
 * (WAL lets them read while the main connection writes). A query over a word
 * in tens of thousands of documents takes milliseconds of ranking; on the
 * event loop that time would hold every other request and the live fan-out,
 * and searches could only run one at a time. Workers start on the first
 * search, so an app that never searches never pays for them.
 */
export class SearchPool {
  private threads: Thread[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly size = Math.max(1, Math.min(2, availableParallelism())),
  ) {}

  search(parsed: ParsedSearch, options: SearchOptions): Promise<SearchResult> {
    if (this.closed) return Promise.reject(new Error('search pool closed'));
    if (this.threads.length < this.size) this.threads.push(this.start());
    // The least busy thread.
    const thread = this.threads.reduce((best, t) => (t.pending.size < best.pending.size ? t : best));
    const id = this.nextId++;
    return new Promise<SearchResult>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, parsed, options } satisfies SearchJob);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = [];
    for (const thread of threads) {
      thread.worker.ref();
      thread.worker.postMessage('close');
    }
    await Promise.all(threads.map((t) => t.exited));
  }

  private start(): Thread {
    // Its own loader (worker-entry registers tsx), not the parent's flags.
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { file: this.file }, execArgv: [] });
    // Idle threads do not keep the process alive; close() waits for them.
    worker.unref();
    const thread: Thread = { worker, pending: new Map(), exited: new Promise((resolve) => worker.once('exit', () => resolve())) };
    worker.on('message', (answer: SearchAnswer) => {
      const waiting = thread.pending.get(answer.id);
      if (!waiting) return;
      thread.pending.delete(answer.id);
      if ('result' in answer) waiting.resolve(answer.result);
      else if ('appError' in answer) waiting.reject(new AppError(answer.appError.code, answer.appError.message, answer.appError.details));
      else waiting.reject(new Error(`search worker: ${answer.failure}`));
    });
    const fail = (error: unknown) => {
      // A thread that dies fails what it held; the next search starts another.
      this.threads = this.threads.filter((t) => t !== thread);
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (thread.pending.size > 0) fail(new Error(`search worker exited (${code})`));
      this.threads = this.threads.filter((t) => t !== thread);
    });
    return thread;
  }
}
