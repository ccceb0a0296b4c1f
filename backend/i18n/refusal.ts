import type { TRPCError } from '@trpc/server';
import { Refusal } from '../errors.ts';
import { sourceCatalogues, type CatalogueName } from './catalogues.ts';
import type { Locale } from './locale.ts';
import { catalogue, fill } from './translate.ts';
import { relativeTime } from './format.ts';

let names: Map<object, CatalogueName> | undefined;
let sentences: Map<string, [CatalogueName, string]> | undefined;

/** The registered name of a catalogue object, found by identity. */
function nameOf(object: object): CatalogueName | undefined {
  names ??= new Map(
    Object.entries(sourceCatalogues()).map(([name, value]) => [value, name as CatalogueName]),
  );
  return names.get(object);
}

/**
 * Where an English sentence without placeholders comes from, for errors thrown with a
 * catalogue's sentence but not through `refuse` (the access rules, a shared helper).
 */
function originOf(english: string): [CatalogueName, string] | undefined {
  if (!sentences) {
    sentences = new Map();
    for (const [name, entries] of Object.entries(sourceCatalogues())) {
      for (const [key, text] of Object.entries(entries as Record<string, string>)) {
        if (!/\{\w+\}/.test(text) && !sentences.has(text)) {
          sentences.set(text, [name as CatalogueName, key]);
        }
      }
    }
  }
  return sentences.get(english);
}

/** A sentence the server wrote in English, in `locale` when it is a known one. */
export function translateSentence(locale: Locale, english: string): string {
  if (locale === 'en') return english;
  const origin = originOf(english);
  if (!origin) return english;
  const [name, key] = origin;
  return (catalogue(locale, name) as Record<string, string>)[key] ?? english;
}

/**
 * A refusal's sentence in `locale`: from the catalogue `refuse` took it from, else the rate
 * limit's wait, else whatever catalogue has the same English sentence.
 */
export function translateRefusal(locale: Locale, refusal: Refusal): string {
  if (locale === 'en') return refusal.message;
  const name = refusal.catalogue && nameOf(refusal.catalogue);
  if (name) {
    const text = (catalogue(locale, name) as Record<string, string>)[refusal.reason];
    if (text !== undefined) return text;
  }
  const wait = refusal.details?.retryAfterSeconds;
  if (refusal.reason === 'RATE_LIMITED' && typeof wait === 'number') {
    return fill(catalogue(locale, 'ServerError').RATE_LIMITED, {
      when: relativeTime(locale, wait, 'second'),
    });
  }
  return translateSentence(locale, refusal.message);
}

/**
 * The message a tRPC error answers with, in `locale`: an unexpected failure's one sentence, the
 * note that fields are not valid (each field's own words stay as the schema wrote them), a
 * refusal's sentence, or any other sentence a catalogue knows.
 */
export function errorMessage(
  locale: Locale,
  error: TRPCError,
  kind: 'internal' | 'fields' | 'other',
): string {
  const server = catalogue(locale, 'ServerError');
  if (kind === 'internal') return server.INTERNAL;
  if (kind === 'fields') return server.INVALID_FIELDS;
  if (error.cause instanceof Refusal) return translateRefusal(locale, error.cause);
  return translateSentence(locale, error.message);
}
