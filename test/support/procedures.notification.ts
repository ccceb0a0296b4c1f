import type { Entry } from './procedures.ts';

/** The notification procedures' entries of the authorization matrix (see `PROCEDURES`). */
export function notificationProcedures(): Record<string, Entry> {
  return {};
}
