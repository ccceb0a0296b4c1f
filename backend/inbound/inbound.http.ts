import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { Services } from '../services.ts';
import { Refusal, ServerError } from '../errors.ts';
import { holdsNul } from '../http/nul-text.ts';
import { authenticate, type InboundCaller } from './inbound.keys.ts';
import { InboundError } from './inbound.errors.ts';
import type { InboundKind } from './inbound.tables.ts';
import {
  inboundInvoiceInput,
  inboundPaymentInput,
  orderUpdateInput,
  requestHash,
} from './inbound.schema.ts';
import type { Message, Outcome } from './inbound.idempotency.ts';
import { importInvoice, importPayment } from './inbound.ledger.ts';
import { updateOrder } from './inbound.orders.ts';

export const INBOUND_PREFIX = '/api/inbound/v1';
export const MAX_INBOUND_BYTES = 64 * 1024;

type Env = { Variables: { caller: InboundCaller } };
type Status = 400 | 401 | 404 | 409 | 413;

function problem(
  c: HonoContext,
  status: Status,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return c.json({ error: { code, message, ...extra } }, status);
}

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

const STATUS_OF: Partial<Record<TRPCError['code'], Status>> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
};

/** A domain refusal as the inbound API's error, or null for a failure of ours (a 500). */
function refusalAnswer(c: HonoContext, error: unknown): Response | null {
  if (!(error instanceof TRPCError)) return null;
  const status = STATUS_OF[error.code];
  if (!status) return null;
  const refusal = error.cause instanceof Refusal ? error.cause : null;
  const details = refusal?.details ? { details: refusal.details } : {};
  return problem(c, status, refusal?.reason ?? error.code, error.message, details);
}

type Run<Input> = (caller: InboundCaller, input: Input, message: Message) => Promise<Outcome>;

/**
 * The shape every inbound message goes through: JSON, validated strictly, its id and digest
 * looked up (same id, same content: the first answer again with `replayed: true`, nothing
 * written), then applied, and the events it caused handled before the answer.
 */
function endpoint<Schema extends z.ZodType<{ id: string }>>(
  services: Services,
  kind: InboundKind,
  schema: Schema,
  run: Run<z.infer<Schema>>,
) {
  return async (c: HonoContext<Env>) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return problem(c, 400, 'MALFORMED_JSON', InboundError.MALFORMED_JSON);
    }
    if (holdsNul(raw)) return problem(c, 400, 'NUL_CHARACTER', ServerError.NUL_CHARACTER);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return problem(c, 400, 'VALIDATION_FAILED', InboundError.VALIDATION_FAILED, {
        fieldErrors: fieldErrors(parsed.error),
      });
    }
    const input = parsed.data;
    const caller = c.get('caller');
    const message: Message = {
      kind,
      externalId: input.id,
      requestHash: requestHash(input),
      keyId: caller.keyId,
    };
    try {
      const { answer, replayed } = await run(caller, input, message);
      if (!replayed) await services.events.runNow();
      return c.json({ id: input.id, ...answer.body, replayed }, answer.status);
    } catch (error) {
      const refused = refusalAnswer(c, error);
      if (refused) return refused;
      throw error;
    }
  };
}

/**
 * The ERP's way in, server to server: `Authorization: Bearer pk_…` instead of a session, no
 * Origin and no CORS, bodies of at most 64 KB. Mounted before the browser API's middleware, and
 * after the admission gate, which counts these requests like every other.
 */
export function mountInbound(app: Hono, services: Services): void {
  const api = new Hono<Env>();
  api.use('*', async (c, next) => {
    const caller = await authenticate(services.db, c.req.header('authorization'));
    if (!caller) {
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, 'UNAUTHORIZED', InboundError.UNAUTHORIZED);
    }
    c.set('caller', caller);
    return next();
  });
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_INBOUND_BYTES,
      onError: (c) => problem(c, 413, 'PAYLOAD_TOO_LARGE', InboundError.PAYLOAD_TOO_LARGE),
    }),
  );

  api.post(
    '/order-updates',
    endpoint(services, 'order_update', orderUpdateInput, (caller, input, message) =>
      updateOrder(services, caller, input, message),
    ),
  );
  api.post(
    '/invoices',
    endpoint(services, 'invoice', inboundInvoiceInput, (caller, input, message) =>
      importInvoice(services, caller, input, message),
    ),
  );
  api.post(
    '/payments',
    endpoint(services, 'payment', inboundPaymentInput, (caller, input, message) =>
      importPayment(services, caller, input, message),
    ),
  );

  app.route(INBOUND_PREFIX, api);
  app.all('/api/inbound/*', (c) => problem(c, 404, 'NOT_FOUND', InboundError.NOT_FOUND));
}
