import { msg } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

export { errorsFor, fieldErrorsOf } from '../portico-staff-settings/staff-settings.api.ts';

type Outputs = inferRouterOutputs<AppRouter>['staff'];
type Inputs = inferRouterInputs<AppRouter>['staff'];

export type Announcement = Outputs['announcement']['list']['items'][number];
export type AnnouncementInput = Inputs['announcement']['create'];
export type Severity = Announcement['severity'];
export type AnnouncementStatus = Announcement['status'];
export type ReminderRules = Outputs['reminder']['rules'];
export type AccountHit = Outputs['customer']['search']['items'][number];
/** An account an announcement goes to. */
export interface ChosenAccount {
  id: string;
  name: string;
}

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'outage'];
/** The server's limits, so the fields say so before the server does. */
export const MAX_TITLE = 120;
export const MAX_BODY = 2000;
export const MAX_ACCOUNTS = 200;

/** What the view's parts ask of it: focus after a render, a polite announcement, a re-read. */
export interface NoticesEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
  /** Something changed on the server: read the list (or rules) again. */
  changed(): void;
}

export function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'info':
      return msg('Information');
    case 'warning':
      return msg('Warning');
    case 'outage':
      return msg('Service outage');
  }
}

export function statusLabel(status: AnnouncementStatus): string {
  switch (status) {
    case 'scheduled':
      return msg('Scheduled');
    case 'active':
      return msg('Showing now');
    case 'ended':
      return msg('Ended');
  }
}

/** The longest a timer may wait in a browser (about 24.8 days); later moments wait for a read. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * How long until an announcement in `items` starts or ends by the clock, a second late so the
 * server's "now" has passed it too; null when none will.
 */
export function delayUntilNextMoment(
  items: readonly Pick<Announcement, 'startsAt' | 'endsAt'>[],
  now = Date.now(),
): number | null {
  const moments = items
    .flatMap((item) => [item.startsAt, item.endsAt])
    .map((at) => (at ? Date.parse(at) : NaN))
    .filter((at) => Number.isFinite(at) && at > now);
  if (!moments.length) return null;
  return Math.min(MAX_TIMER, Math.min(...moments) - now + 1_000);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO moment as a `datetime-local` value in the browser's time zone ("2026-11-23T09:30"). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}`
  );
}

/** A `datetime-local` value (the browser's time zone) as an ISO moment; '' is null. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/**
 * "7, 3, 1" as [7, 3, 1]; null when a part is not a whole number, so the form can say so before
 * the server does. Empty is [].
 */
export function daysOf(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.some((part) => !/^\d{1,4}$/.test(part))) return null;
  return parts.map(Number);
}

/** Days as the field shows them: "7, 3, 1". */
export function daysText(days: readonly number[]): string {
  return days.join(', ');
}
