/** Whether a write failed because a unique column already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  return String((error as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT_UNIQUE');
}
