import { TRPCError } from '@trpc/server';
import { fill, type Value } from './i18n/fill.ts';

type RefusalCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS';

type ErrorCode = ConstructorParameters<typeof TRPCError>[0]['code'];
type Catalogue = Readonly<Record<string, string>>;
type Values = Readonly<Record<string, Value>>;

/**
 * A catalogue's sentence, by its key and the values of its placeholders, carried as the cause
 * of a TRPCError. The error formatter writes it in the caller's language from the key, so the
 * English is written once, in the catalogue, and never matched as text. The message is the
 * English, for logs and for callers that read no language.
 */
export class CatalogueMessage extends Error {
  readonly catalogue: Catalogue;
  readonly key: string;
  readonly values: Values | undefined;

  constructor(catalogue: Catalogue, key: string, values?: Values) {
    super(fill(catalogue[key] ?? key, values));
    this.name = 'CatalogueMessage';
    this.catalogue = catalogue;
    this.key = key;
    this.values = values;
  }
}

/**
 * Why a domain rule refused a request, as a stable key (`OUT_OF_STOCK`) that clients can act on,
 * next to the sentence a customer reads. Carried as the cause of a TRPCError.
 */
export class Refusal extends CatalogueMessage {
  readonly reason: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    catalogue: Catalogue,
    reason: string,
    details?: Record<string, unknown>,
    values?: Values,
  ) {
    super(catalogue, reason, values);
    this.name = 'Refusal';
    this.reason = reason;
    this.details = details;
  }
}

/**
 * A refusal from a domain catalogue: `refuse('CONFLICT', OrderError, 'OUT_OF_STOCK')`. Its key
 * travels as `data.reason`; `values` fill the sentence's placeholders (numbers and words that
 * differ by language are written for the reader).
 */
export function refuse<C extends Catalogue>(
  code: RefusalCode,
  catalogue: C,
  reason: keyof C & string,
  details?: Record<string, unknown>,
  values?: Values,
): TRPCError {
  const cause = new Refusal(catalogue, reason, details, values);
  return new TRPCError({ code, message: cause.message, cause });
}

/**
 * An error with a catalogue's sentence that is not a domain rule a client acts on, so it has
 * no `data.reason`: the access rules (`catalogueError('FORBIDDEN', ServerError, 'STAFF_ONLY')`),
 * a page link that is no longer valid.
 */
export function catalogueError<C extends Catalogue>(
  code: ErrorCode,
  catalogue: C,
  key: keyof C & string,
  values?: Values,
): TRPCError {
  const cause = new CatalogueMessage(catalogue, key, values);
  return new TRPCError({ code, message: cause.message, cause });
}

/**
 * The sentences the server itself says, outside any domain: the error formatter's own, the
 * access rules' and the rate limit's. Translated like the domain catalogues.
 */
export const ServerError = {
  INTERNAL: 'Something went wrong on our side. Please try again in a moment.',
  INVALID_FIELDS: 'Some fields are not valid.',
  SIGN_IN: 'Please sign in.',
  NO_CUSTOMER_ACCOUNT: 'This sign-in has no customer account.',
  BUYER_ONLY:
    'Your role in this account lets you see orders but not place or change them. Ask the account owner.',
  OWNER_ONLY: 'Only the owner of this account can do that.',
  STAFF_ONLY: 'This needs a staff sign-in.',
  ADMIN_ONLY: 'This needs an administrator.',
  BAD_CURSOR: 'This page link is not valid any more. Start again from the first page.',
  /** `{when}` is a relative time in the reader's language: "in 30 seconds". */
  RATE_LIMITED: 'Too many attempts. Try again {when}.',
  NUL_CHARACTER: 'The text holds a NUL character, which cannot be saved. Remove it and try again.',
} as const;
