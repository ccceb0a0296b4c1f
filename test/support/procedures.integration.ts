import type { Entry } from './procedures.ts';

/** The integration procedures' entries of the authorization matrix (see `PROCEDURES`). */
export function integrationProcedures(): Record<string, Entry> {
  return {};
}
