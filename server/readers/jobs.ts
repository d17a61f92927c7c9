import type Database from 'better-sqlite3';
import type { Db } from '../../db/client.js';
import type { ParsedSearch } from '../../shared/search-query.js';
import { feedPageBody, type FeedFilter, type FeedKey } from '../features/insights/queries.js';
import { searchIndex, type SearchOptions } from '../features/search/queries.js';

export interface ReaderContext {
  sqlite: Database.Database;
  db: Db;
}

/**
 * The reads that run in worker threads (see pool.ts): the heaviest the
 * product answers, each a pure function of its arguments and a read
 * connection. Arguments and results cross threads by structured clone.
 */
export const readJobs = {
  search: (ctx: ReaderContext, args: { parsed: ParsedSearch; options: SearchOptions }) => searchIndex(ctx.sqlite, args.parsed, args.options),
  /** A feed page as its JSON body: serialized where it was read, so the main thread only sends it. */
  feedPage: (ctx: ReaderContext, args: { viewerId: string; filter: FeedFilter; limit: number; after: FeedKey | null }) =>
    feedPageBody(ctx.db, args.viewerId, args.filter, args.limit, args.after),
};

export type ReadJobs = typeof readJobs;
export type ReadJobName = keyof ReadJobs;
export type ReadJobArgs<K extends ReadJobName> = Parameters<ReadJobs[K]>[1];
export type ReadJobResult<K extends ReadJobName> = ReturnType<ReadJobs[K]>;
