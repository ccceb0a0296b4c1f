import { TRPCError } from '@trpc/server';

type RefusalCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS';

/**
 * Why a domain rule refused a request, as a stable key (`OUT_OF_STOCK`) that clients can act on,
 * next to the sentence a customer reads. Carried as the cause of a TRPCError.
 */
export class Refusal extends Error {
  readonly reason: string;
  readonly details: Record<string, unknown> | undefined;
  /** The catalogue the message came from, by which the error formatter finds its translation. */
  readonly catalogue: Readonly<Record<string, string>> | undefined;

  constructor(
    reason: string,
    message: string,
    details?: Record<string, unknown>,
    catalogue?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'Refusal';
    this.reason = reason;
    this.details = details;
    this.catalogue = catalogue;
  }
}

/** A refusal from a domain catalogue: `refuse('CONFLICT', OrderError, 'OUT_OF_STOCK')`. */
export function refuse<Catalogue extends Record<string, string>>(
  code: RefusalCode,
  catalogue: Catalogue,
  reason: keyof Catalogue & string,
  details?: Record<string, unknown>,
): TRPCError {
  const message = catalogue[reason]!;
  return new TRPCError({ code, message, cause: new Refusal(reason, message, details, catalogue) });
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
} as const;
