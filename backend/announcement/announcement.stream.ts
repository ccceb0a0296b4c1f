import { tracked } from '@trpc/server';
import type { Context } from '../context.ts';
import type { AnnouncementSignal } from '../realtime/bus.ts';
import { isStaffRole } from '../session/roles.ts';
import { nextChangeAt, type Viewer } from './announcement.queries.ts';

/** setTimeout's longest wait; streams end after minutes anyway (see `trpc.ts`). */
const MAX_WAIT_MS = 2 ** 31 - 1;
/** Timers may fire a hair early; waking just after the moment finds the change made. */
const AFTER_MS = 5;

/**
 * Whether a change concerns the viewer: it is for everyone, or for their account; staff (whose
 * console lists every announcement) hear every change.
 */
const concerns = (signal: AnnouncementSignal, viewer: Viewer, staff: boolean) =>
  staff ||
  signal.accountIds === null ||
  (viewer.accountId !== null && signal.accountIds.includes(viewer.accountId));

/** Resolves at `at` (ISO), or never when null; `cancel` stops the timer. */
function wakeAt(at: string | null) {
  let timer: NodeJS.Timeout | undefined;
  const woken = new Promise<'time'>((resolve) => {
    if (at === null) return;
    const wait = Math.min(Date.parse(at) - Date.now() + AFTER_MS, MAX_WAIT_MS);
    timer = setTimeout(() => resolve('time'), Math.max(wait, 0));
  });
  return { woken, cancel: () => clearTimeout(timer) };
}

/**
 * A `sync` first (and after each reconnect), then a `change` whenever the viewer's banner may
 * differ: staff published, changed or ended an announcement for them, they dismissed one on
 * another device (heard as a change for their account), or one of theirs starts or ends by the
 * clock. The page reads `announcement.current` again on each.
 */
export async function* announcementChanges(
  ctx: Context,
  viewer: Viewer,
  signal: AbortSignal | undefined,
) {
  const { db, bus } = ctx.services;
  const staff = isStaffRole(ctx.session?.role);
  let sequence = 0;
  const id = () => `${Date.now().toString(36)}-${(sequence++).toString(36)}`;
  // Listen before the sync, so nothing that happens in between is missed.
  const signals = bus.announcementSignals(signal);
  yield tracked(id(), { type: 'sync' as const });
  let heard = signals.next();
  for (;;) {
    const clock = wakeAt(await nextChangeAt(db, viewer));
    const next = await Promise.race([heard, clock.woken]);
    clock.cancel();
    if (next !== 'time') {
      if (next.done) return;
      heard = signals.next();
      if (!concerns(next.value, viewer, staff)) continue;
    }
    yield tracked(id(), { type: 'change' as const });
  }
}
