/** True when SQLite refused a write because a unique index already holds the value. */
export function isUniqueViolation(error: unknown, index?: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return cause ? isUniqueViolation(cause, index) : false;
  }
  return index === undefined || error.message.includes(index);
}
