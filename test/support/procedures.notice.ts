import type { Entry } from './procedures.ts';

/** The notice procedures' entries of the authorization matrix (see `PROCEDURES`). */
export function noticeProcedures(): Record<string, Entry> {
  return {};
}
