import { msg, str } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { getLocale } from '../shared/locale.ts';

export type Report = inferRouterOutputs<AppRouter>['staff']['report']['overview'];
export type ReportDay = Report['days'][number];
export type PeriodInput = NonNullable<inferRouterInputs<AppRouter>['staff']['report']['overview']>;

/** The period picker's choices: the last so many days, or two dates. */
export type Preset = '7' | '30' | '90' | 'custom';
export const PRESETS: readonly Preset[] = ['7', '30', '90', 'custom'];
export const MAX_DAYS = 366;

export function presetLabel(preset: Preset): string {
  switch (preset) {
    case '7':
      return msg('Last 7 days');
    case '30':
      return msg('Last 30 days');
    case '90':
      return msg('Last 90 days');
    case 'custom':
      return msg('Choose dates');
  }
}

/** Today as `YYYY-MM-DD` in UTC, the calendar the reports count days in. */
export const utcToday = () => new Date().toISOString().slice(0, 10);

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A report day (`2026-03-02`, a UTC day) as a reader says it: "2 Mar" or "2 Mar 2026". */
export function formatDay(day: string, withYear = false, locale: string = getLocale()): string {
  const key = `${locale}:${withYear}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    dayFormats.set(key, format);
  }
  return format.format(new Date(`${day}T00:00:00.000Z`));
}

export function formatCount(value: number, locale: string = getLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** The unit a set of durations reads best in, by the largest of them. */
export type TimeUnit = 'second' | 'minute' | 'hour' | 'day';
const SECONDS: Record<TimeUnit, number> = { second: 1, minute: 60, hour: 3600, day: 86400 };

export function unitFor(maxSeconds: number): TimeUnit {
  if (maxSeconds < 120) return 'second';
  if (maxSeconds < 2 * 3600) return 'minute';
  if (maxSeconds < 2 * 86400) return 'hour';
  return 'day';
}

export const inUnit = (seconds: number, unit: TimeUnit) => seconds / SECONDS[unit];

/** A duration in the given unit: "45 sec", "1.5 hr", in the interface's language. */
export function formatInUnit(value: number, unit: TimeUnit, locale: string = getLocale()): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** A duration in seconds, in the unit that reads best for it alone. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return msg('no data');
  const unit = unitFor(seconds);
  return formatInUnit(inUnit(seconds, unit), unit);
}

export function unitLabel(unit: TimeUnit): string {
  switch (unit) {
    case 'second':
      return msg('Seconds');
    case 'minute':
      return msg('Minutes');
    case 'hour':
      return msg('Hours');
    case 'day':
      return msg('Days');
  }
}

/** Money totals by currency, "€1,234.50 · $20.00"; nothing is "0" in no currency. */
export function formatTotals(
  totals: readonly { currency: string; total: number }[],
  locale: string = getLocale(),
): string {
  if (totals.length === 0) return formatCount(0, locale);
  return totals
    .map(({ currency, total }) => {
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(total / 10 ** digits);
    })
    .join(' · ');
}

/** The period as words: "2 Mar 2026 – 4 Mar 2026". */
export function periodLabel(period: Report['period']): string {
  const from = formatDay(period.from, true);
  const to = formatDay(period.to, true);
  return period.from === period.to ? from : msg(str`${from} – ${to}`);
}
