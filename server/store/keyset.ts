import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * The keyset condition "after this row" for an ordering on (key, id), as a row
 * value: SQLite and PostgreSQL both seek an index on (key, id) with it, where
 * `key < x or (key = x and id < y)` makes SQLite scan from the start.
 */
export function keysetAfter(key: SQLWrapper, id: SQLWrapper, after: readonly [unknown, unknown], direction: 'asc' | 'desc'): SQL {
  return direction === 'desc' ? sql`(${key}, ${id}) < (${after[0]}, ${after[1]})` : sql`(${key}, ${id}) > (${after[0]}, ${after[1]})`;
}
