import type { TRPCError } from '@trpc/server';
import { CatalogueMessage } from '../errors.ts';
import { sourceCatalogues, type CatalogueName } from './catalogues.ts';
import type { Locale } from './locale.ts';
import { catalogue as sentencesOf, fill, type Value } from './translate.ts';

let names: Map<object, CatalogueName> | undefined;

/** The registered name of a catalogue object, found by identity. */
function nameOf(object: object): CatalogueName | undefined {
  names ??= new Map(
    Object.entries(sourceCatalogues()).map(([name, value]) => [value, name as CatalogueName]),
  );
  return names.get(object);
}

/**
 * A catalogue's sentence in `locale`, by key, its values written for the reader:
 * `sentenceIn('de', LedgerError, 'INVOICE_NOT_FOUND')`. A catalogue that is not registered
 * (staff-only ones) keeps its English.
 */
export function sentenceIn<C extends Readonly<Record<string, string>>>(
  locale: Locale,
  catalogue: C,
  key: keyof C & string,
  values?: Readonly<Record<string, Value>>,
): string {
  const name = locale === 'en' ? undefined : nameOf(catalogue);
  const translated = name ? (sentencesOf(locale, name) as Record<string, string>)[key] : undefined;
  if (translated !== undefined) return fill(translated, values, locale);
  return fill(catalogue[key] ?? key, values);
}

/** A refusal's or an access rule's sentence in `locale`. */
export function translateMessage(locale: Locale, message: CatalogueMessage): string {
  return sentenceIn(locale, message.catalogue, message.key, message.values);
}

/**
 * The message a tRPC error answers with, in `locale`: an unexpected failure's one sentence, the
 * note that fields are not valid (each field's own words stay as the schema wrote them), or a
 * catalogue's sentence by its key. Anything else (tRPC's own words for a path that does not
 * exist) is not written for customers and stays as it is.
 */
export function errorMessage(
  locale: Locale,
  error: TRPCError,
  kind: 'internal' | 'fields' | 'other',
): string {
  const server = sentencesOf(locale, 'ServerError');
  if (kind === 'internal') return server.INTERNAL;
  if (kind === 'fields') return server.INVALID_FIELDS;
  if (error.cause instanceof CatalogueMessage) return translateMessage(locale, error.cause);
  return error.message;
}
