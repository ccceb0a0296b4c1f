import { randomUUID } from 'node:crypto';
import type { TestClient, TrpcEnvelope } from './portico.ts';
import { ADDRESS } from './address.ts';

/** Someone who writes during the crash test, signed in once and used against every restart. */
export interface Writer {
  name: string;
  userId: string;
  /** The customer's account; null for staff. */
  accountId: string | null;
  client: TestClient;
}

export type WriteKind = 'order' | 'ticket' | 'reply' | 'staffReply' | 'payment';

/** One write the load sent, with its request key, to check and to send again as it was. */
export interface Write {
  kind: WriteKind;
  writer: Writer;
  key: string;
  path: string;
  input: Record<string, unknown>;
}

/** A write the server answered with a result: the order, payment or ticket it names. */
export interface Acked extends Write {
  id: string;
}

/** Every write of the run, by what became of it. */
export class WriteLog {
  readonly acked: Acked[] = [];
  /** Sent, but the answer never came: the server may or may not have written them. */
  readonly lost: Write[] = [];
  /** Answers that were neither a result nor a lost connection: each one fails the test. */
  readonly unexpected: string[] = [];
}

/** The id an answer names: the order, the payment, or the ticket the message is on. */
export function idOf(kind: WriteKind, result: unknown): string {
  const data = result as { order?: { id: string }; paymentId?: string; id?: string };
  const id = kind === 'order' ? data.order?.id : kind === 'payment' ? data.paymentId : data.id;
  if (!id) throw new Error(`${kind}: no id in ${JSON.stringify(result)}`);
  return id;
}

/**
 * Sends a write as a client would, once. The answer is either a result (acknowledged), a lost
 * connection or unreadable body (lost: the server died while it ran), or anything else.
 */
export async function send(
  write: Write,
  client: TestClient,
): Promise<
  { outcome: 'acked'; data: unknown } | { outcome: 'lost' } | { outcome: 'refused'; why: string }
> {
  let status: number;
  let body: TrpcEnvelope;
  try {
    const response = await client.post(`/api/trpc/${write.path}`, write.input);
    status = response.status;
    body = (await response.json()) as TrpcEnvelope;
  } catch {
    return { outcome: 'lost' };
  }
  if (status === 200 && body.result) return { outcome: 'acked', data: body.result.data };
  return { outcome: 'refused', why: `${write.path} ${status} ${JSON.stringify(body.error)}` };
}

/** Sends a write and notes what became of it. */
export async function sendAndLog(
  write: Write,
  client: TestClient,
  log: WriteLog,
): Promise<'acked' | 'lost' | 'refused'> {
  const answer = await send(write, client);
  if (answer.outcome === 'acked') log.acked.push({ ...write, id: idOf(write.kind, answer.data) });
  else if (answer.outcome === 'lost') log.lost.push(write);
  else log.unexpected.push(answer.why);
  return answer.outcome;
}

/** What the load writes with: the people, their tickets, and a product that never runs out. */
export interface LoadPlan {
  customers: (Writer & { ticketId: string })[];
  agent: Writer;
  productId: string;
  /** Per customer and server run: `order.place` allows 10 a minute per person. */
  ordersPerRun: number;
  /** Per customer and server run: `ticket.create` allows 10 in ten minutes per person. */
  ticketsPerRun: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The writes each worker sends, one after the other, until the run stops. */
function workers(plan: LoadPlan): { writer: Writer; next: (turn: number) => Write | null }[] {
  const { agent } = plan;
  const customerWorkers = plan.customers.flatMap((customer) => [
    {
      writer: customer as Writer,
      next: (turn: number): Write | null => {
        if (turn >= plan.ordersPerRun) return null;
        const key = randomUUID();
        const items = [{ productId: plan.productId, quantity: 1 }];
        // The total is filled in from a fresh quote just before sending, as the order form does.
        const input = { idempotencyKey: key, items, address: ADDRESS, note: '' };
        return { kind: 'order', writer: customer, key, path: 'order.place', input };
      },
    },
    {
      writer: customer as Writer,
      next: (turn: number): Write => {
        const key = randomUUID();
        if (turn % 5 === 4 && turn / 5 < plan.ticketsPerRun) {
          const input = {
            idempotencyKey: key,
            subject: `Crash test ticket ${key}`,
            kind: 'question',
            body: `Opened under load ${key}`,
          };
          return { kind: 'ticket', writer: customer, key, path: 'ticket.create', input };
        }
        const input = { idempotencyKey: key, ticketId: customer.ticketId, body: `Reply ${key}` };
        return { kind: 'reply', writer: customer, key, path: 'ticket.reply', input };
      },
    },
  ]);
  return [
    ...customerWorkers,
    {
      writer: agent,
      next: (turn: number): Write => {
        const key = randomUUID();
        const customer = plan.customers[turn % plan.customers.length]!;
        const input = { idempotencyKey: key, ticketId: customer.ticketId, body: `Answer ${key}` };
        return { kind: 'staffReply', writer: agent, key, path: 'staff.ticket.reply', input };
      },
    },
    {
      writer: agent,
      next: (turn: number): Write => {
        const key = randomUUID();
        const customer = plan.customers[turn % plan.customers.length]!;
        const input = {
          idempotencyKey: key,
          accountId: customer.accountId,
          amount: 100 + turn,
          receivedOn: today(),
          method: 'bank_transfer',
          reference: `Crash ${key.slice(0, 8)}`,
        };
        return { kind: 'payment', writer: agent, key, path: 'staff.payment.post', input };
      },
    },
  ];
}

/**
 * A steady write load against the server at `url`: every worker sends its next write as soon as
 * the last one was answered, until `stopped()` says the server is gone. Resolves when every
 * worker has had its last answer (or lost it).
 */
export async function runLoad(
  plan: LoadPlan,
  url: string,
  stopped: () => boolean,
  log: WriteLog,
): Promise<void> {
  await Promise.all(
    workers(plan).map(async ({ writer, next }) => {
      const client = writer.client.at(url);
      for (let turn = 0; !stopped(); turn++) {
        const write = next(turn);
        if (!write) return;
        if (write.kind === 'order') {
          const quote = await client
            .query('order.quote', { items: write.input['items'], address: ADDRESS })
            .catch(() => null);
          const total = (quote?.body.result?.data as { total?: number } | undefined)?.total;
          if (total === undefined) {
            if (!stopped()) log.unexpected.push(`order.quote: ${JSON.stringify(quote?.body)}`);
            return;
          }
          write.input['expectedTotal'] = total;
        }
        const outcome = await sendAndLog(write, client, log);
        // Only the kill may cut an answer off.
        if (outcome === 'lost' && !stopped()) {
          log.unexpected.push(`${write.path}: the answer was lost while the server ran`);
        }
      }
    }),
  );
}
