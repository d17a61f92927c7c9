import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle a transaction body receives; queries accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Pages each connection keeps in its own memory (KiB when negative): 64 MiB,
 * four times SQLite's default here. The recent end of the feed's index and the
 * full-text segments of common words stay resident rather than being read
 * again from a file cache the system may have reclaimed.
 */
const PAGE_CACHE = 'cache_size = -65536';

/**
 * drizzle prepares a statement for every query it runs; compiling the same SQL
 * again and again was the largest cost of a request. Statements are reusable,
 * so keep them by their SQL text (drizzle toggles `raw` on readers: reset it).
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * A second connection to a database the app has opened, for reading only
 * (worker threads): no migrations, writes refused by SQLite itself.
 */
export function openReader(file: string): Database.Database {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('query_only = 1');
  sqlite.pragma(PAGE_CACHE);
  cacheStatements(sqlite);
  return sqlite;
}

/** Opens the SQLite file once, with the pragmas the whole app relies on, and applies committed migrations. */
export function openDatabase(file: string): DbHandle {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(PAGE_CACHE);
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return {
    db,
    sqlite,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
