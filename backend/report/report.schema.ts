import { z } from 'zod';
import { refuse } from '../errors.ts';
import { ReportError } from './report.errors.ts';

export const MAX_DAYS = 366;
export const DEFAULT_DAYS = 30;

const day = z.iso.date('A date as YYYY-MM-DD.');

/**
 * What a report covers: `{}` for the last 30 days, `{ days }` for the last so many days up to
 * today, or `{ from, to }`, both inclusive. Days are UTC calendar days.
 */
export const periodInput = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    days: z.number().int('A whole number of days.').min(1).max(MAX_DAYS).optional(),
  })
  .default({});

export type PeriodInput = z.infer<typeof periodInput>;

/** A resolved period: its first and last day, and the instants that bound it. */
export interface Period {
  from: string;
  to: string;
  /** Every day of the period, oldest first. */
  days: string[];
  /** `from` at 00:00 UTC, inclusive. */
  start: string;
  /** The day after `to` at 00:00 UTC, exclusive. */
  end: string;
}

/** Today as `YYYY-MM-DD` in UTC, the calendar reports count days in. */
export function utcToday(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus a number of days (negative to go back). */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00.000Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;

/** The period a request asks for, or a refusal that says what is wrong with it. */
export function resolvePeriod(input: PeriodInput, now = Date.now()): Period {
  const { from, to, days } = input;
  if (days !== undefined && (from !== undefined || to !== undefined)) {
    throw refuse('BAD_REQUEST', ReportError, 'PERIOD_MIXED');
  }
  if ((from === undefined) !== (to === undefined)) {
    throw refuse('BAD_REQUEST', ReportError, 'PERIOD_INCOMPLETE');
  }
  let first: string;
  let last: string;
  if (from !== undefined && to !== undefined) {
    if (to < from) throw refuse('BAD_REQUEST', ReportError, 'PERIOD_REVERSED');
    if (dayNumber(to) - dayNumber(from) + 1 > MAX_DAYS) {
      throw refuse('BAD_REQUEST', ReportError, 'PERIOD_TOO_LONG', { maxDays: MAX_DAYS });
    }
    first = from;
    last = to;
  } else {
    last = utcToday(now);
    first = addDays(last, -((days ?? DEFAULT_DAYS) - 1));
  }
  const count = dayNumber(last) - dayNumber(first) + 1;
  return {
    from: first,
    to: last,
    days: Array.from({ length: count }, (_, index) => addDays(first, index)),
    start: `${first}T00:00:00.000Z`,
    end: `${addDays(last, 1)}T00:00:00.000Z`,
  };
}
