import type { Queryable } from '../../db/client.js';

/** The SQLite connection behind a handle: the database itself and every transaction on it share it. */
const connectionOf = (db: Queryable): object => (db as unknown as { session: { client: object } }).session.client;

/**
 * A drizzle query built and prepared once per connection, run with
 * `sql.placeholder` values: hot paths (every request's session lookup, posting,
 * the feed) skip rebuilding SQL each time. Keyed by the connection, so a
 * statement prepared outside a transaction also serves inside one (better-sqlite3
 * runs both on the same connection).
 */
export function preparedFor<T>(build: (db: Queryable) => T): (db: Queryable) => T {
  const byConnection = new WeakMap<object, T>();
  return (db) => {
    const key = connectionOf(db);
    let prepared = byConnection.get(key);
    if (prepared === undefined) {
      prepared = build(db);
      byConnection.set(key, prepared);
    }
    return prepared;
  };
}
