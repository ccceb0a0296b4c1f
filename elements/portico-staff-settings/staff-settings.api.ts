import { TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

type Outputs = inferRouterOutputs<AppRouter>['staff'];

export type AllSettings = Outputs['settings']['get'];
export type PortalSettings = Outputs['settings']['get']['portal'];
export type StaffPerson = Outputs['settings']['people']['list'][number];
export type StaffRole = StaffPerson['role'];
export type CannedReply = Outputs['ticket']['canned']['list'][number];
export type TestMailResult = Outputs['settings']['testMail'];
export type Locale = PortalSettings['locales'][number];

export const LOCALES: readonly Locale[] = ['en', 'de', 'lv', 'hr', 'el', 'fa'];

/** What the view's parts ask of it: focus after a render, and a polite announcement. */
export interface SettingsEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
}

/** The server's reasons per field (`colors.brand`, `ticketCategories.2`), or none. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error.data as { fieldErrors?: unknown } | undefined)?.fieldErrors;
  return fields && typeof fields === 'object' ? (fields as Record<string, string[]>) : {};
}

/** The reasons for `field` and anything under it (`ticketCategories` takes `ticketCategories.1`). */
export function errorsFor(fields: Record<string, string[]>, field: string): string {
  return Object.entries(fields)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, reasons]) => reasons)
    .join(' ');
}

/** A language's own name, in that language ("Deutsch", "latviešu"). */
export function localeName(locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => channel(parseInt(part, 16))) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21), or null when one is not a colour. */
export function contrastRatio(a: string, b: string): number | null {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === null || lb === null) return null;
  const [light, dark] = la > lb ? [la, lb] : [lb, la];
  return (light + 0.05) / (dark + 0.05);
}

/** Text on a brand-coloured button needs this much contrast to be read (WCAG AA). */
export const MIN_CONTRAST = 4.5;
