import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { cursorInput, decodeCursor, page, pageLimit } from '../db/cursor.ts';
import type { SecurityEventKind } from './security.tables.ts';

/** Where a security event came from, as the person would recognise it. */
export interface EventOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT = 400;

/** Where a request came from: the client's address as the server resolved it, and its browser. */
export function eventOrigin(
  ipAddress: string | null | undefined,
  headers: Headers | undefined,
): EventOrigin {
  return { ipAddress: ipAddress ?? null, userAgent: headers?.get('user-agent') ?? null };
}

/** Records one event in the person's security activity. */
export async function recordSecurityEvent(
  db: Db,
  userId: string,
  kind: SecurityEventKind,
  origin: EventOrigin = { ipAddress: null, userAgent: null },
): Promise<void> {
  await db
    .insertInto('securityEvent')
    .values({
      id: newId(),
      userId,
      kind,
      at: timestamp(),
      ipAddress: origin.ipAddress,
      userAgent: origin.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    })
    .execute();
}

/**
 * Records a sign-in, and a "new device" event before it when this person signed in before but
 * never from this browser. Returns whether the device was new.
 */
export async function recordSignIn(
  db: Db,
  userId: string,
  kind: Extract<SecurityEventKind, 'sign-in' | 'sign-in-code' | 'sign-in-handoff'>,
  origin: EventOrigin,
): Promise<boolean> {
  const signIns = ['sign-in', 'sign-in-code', 'sign-in-handoff'] as const;
  const earlier = await db
    .selectFrom('securityEvent')
    .select(['userAgent'])
    .where('userId', '=', userId)
    .where('kind', 'in', signIns)
    .orderBy('at', 'desc')
    .limit(200)
    .execute();
  const userAgent = origin.userAgent?.slice(0, MAX_USER_AGENT) ?? null;
  const newDevice = earlier.length > 0 && !earlier.some((row) => row.userAgent === userAgent);
  if (newDevice) await recordSecurityEvent(db, userId, 'new-device', origin);
  await recordSecurityEvent(db, userId, kind, origin);
  return newDevice;
}

export const securityEventsInput = z.strictObject({
  cursor: cursorInput,
  limit: pageLimit(20),
});

/** A person's security events, newest first, a page at a time. */
export async function listSecurityEvents(
  db: Db,
  userId: string,
  input: z.infer<typeof securityEventsInput>,
) {
  const after = decodeCursor(input.cursor);
  let query = db
    .selectFrom('securityEvent')
    .select(['id', 'kind', 'at', 'ipAddress', 'userAgent'])
    .where('userId', '=', userId);
  if (after) {
    const [at = '', id = ''] = after;
    query = query.where((eb) =>
      eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return page(rows, input.limit, (row) => [row.at, row.id]);
}
