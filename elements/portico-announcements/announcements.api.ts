import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

export { accountOf, renderTaskError } from '../shared/task.ts';

type Outputs = inferRouterOutputs<AppRouter>;

export type CurrentAnnouncements = Outputs['announcement']['current'];
export type Announcement = CurrentAnnouncements['items'][number];
export type Severity = Announcement['severity'];

/** The longest a timer may wait in a browser (about 24.8 days); later changes wait for a read. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * How long until the server's answer may change by time alone (an announcement starting or
 * ending), when it said: `nextChangeAt` is optional, and a missing or past one means no timer.
 */
export function delayUntilNextChange(answer: unknown, now = Date.now()): number | null {
  const next = (answer as { nextChangeAt?: unknown } | null)?.nextChangeAt;
  if (typeof next !== 'string') return null;
  const at = Date.parse(next);
  if (!Number.isFinite(at)) return null;
  // A second late rather than early: the server's "now" must have passed the moment too.
  return Math.min(MAX_TIMER, Math.max(0, at - now) + 1_000);
}

const STORAGE_KEY = 'portico-announcements-dismissed';
/** The most ids a visitor's browser keeps; the oldest go first. */
const KEPT = 100;
/** Where storage is blocked, dismissals last as long as the page. */
let pageDismissed: string[] = [];

/**
 * The announcements dismissed in this browser: a visitor's, and a customer's until the server
 * has theirs (a page left right after "Dismiss" may cut that request off).
 */
export function locallyDismissed(): Set<string> {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(kept)) return new Set(kept.filter((id) => typeof id === 'string'));
  } catch {
    // Unreadable or blocked: the page's own list is all there is.
  }
  return new Set(pageDismissed);
}

/** Remembers a dismissal in this browser (or forgets it, when the server refused it). */
export function dismissLocally(id: string, dismissed = true): void {
  const ids = [...locallyDismissed()].filter((kept) => kept !== id);
  if (dismissed) ids.push(id);
  pageDismissed = ids.slice(-KEPT);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(pageDismissed));
  } catch {
    // Storage is blocked: the dismissal lasts as long as the page.
  }
}
