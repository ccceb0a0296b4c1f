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

  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'Refusal';
    this.reason = reason;
    this.details = details;
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
  return new TRPCError({ code, message, cause: new Refusal(reason, message, details) });
}
