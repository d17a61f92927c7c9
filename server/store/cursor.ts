import { AppError } from '../errors.js';

/** Keyset cursors are opaque to clients: base64url JSON of the last row's sort key. */
export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor<T extends readonly (string | number)[]>(cursor: string | undefined, arity: T['length']): T | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key as unknown as T;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid_input', 'The cursor is not one this server gave out.', { field: 'cursor' });
}

/** Fetch one extra row to know whether a next page exists. */
export function pageFrom<R, T>(rows: R[], limit: number, present: (rows: R[]) => T[], keyOf: (row: R) => readonly (string | number)[]) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: present(pageRows), nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
