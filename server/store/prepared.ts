import type { Queryable } from '../../db/client.js';

/**
 * A drizzle query built and prepared once per database handle, run with
 * `sql.placeholder` values: hot paths (every request's session lookup, the
 * feed) skip rebuilding SQL each time.
 */
export function preparedFor<T>(build: (db: Queryable) => T): (db: Queryable) => T {
  const byHandle = new WeakMap<Queryable, T>();
  return (db) => {
    let prepared = byHandle.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      byHandle.set(db, prepared);
    }
    return prepared;
  };
}
