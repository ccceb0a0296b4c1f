/** Whether a write failed because a unique column already holds the value (either engine). */
export function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: string }).code ?? '');
  // PostgreSQL's unique_violation; SQLite's extended result code.
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE');
}
