import type { Db } from '../db/database.ts';
import { emitEvent } from '../events/event.emit.ts';
import type { PorticoEvent } from '../events/event.types.ts';
import { addDays } from '../ledger/ledger.settle.ts';
import { readReminderRules } from './reminder.rules.ts';
import type { ReminderKind } from './reminder.tables.ts';

/** Days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** One reminder to send: its step, the smaller steps it stands for, and its event. */
interface Due {
  kind: ReminderKind;
  subjectId: string;
  accountId: string;
  step: string;
  /** Steps passed over while nobody looked: recorded as sent, never sent late. */
  alsoDone: string[];
  event: PorticoEvent;
}

const CHUNK = 500;

/** Thrown inside a claim's transaction to undo it: the subject changed since it was read. */
class Stale extends Error {}

/** What a tick did: how many reminders it sent of each kind. */
export interface TickResult {
  invoiceDue: number;
  invoiceOverdue: number;
  orderDelayed: number;
}

/**
 * Sends every reminder the rules call for on the UTC day of `now`, each step once: the step's
 * row and its event are written in one transaction, and a process that finds the row already
 * there (it lost the race, or an earlier tick sent it) writes nothing.
 */
export async function sendReminders(db: Db, now: Date): Promise<TickResult> {
  const rules = await readReminderRules(db);
  const today = now.toISOString().slice(0, 10);
  const result: TickResult = { invoiceDue: 0, invoiceOverdue: 0, orderDelayed: 0 };
  const { invoiceDue, invoiceOverdue, orderDelayed } = rules;
  if (invoiceDue.enabled && invoiceDue.daysBefore.length) {
    result.invoiceDue = await claimAll(db, await dueInvoices(db, today, invoiceDue.daysBefore));
  }
  if (invoiceOverdue.enabled && invoiceOverdue.daysAfter.length) {
    result.invoiceOverdue = await claimAll(
      db,
      await overdueInvoices(db, today, invoiceOverdue.daysAfter),
    );
  }
  if (orderDelayed.enabled) result.orderDelayed = await claimAll(db, await lateOrders(db, today));
  return result;
}

function unpaidInvoices(db: Db) {
  return db
    .selectFrom('invoice')
    .select(['id', 'accountId', 'issuedOn', 'dueOn'])
    .where('awaitingPayment', '=', 1)
    .where('voidedAt', 'is', null);
}

/**
 * Invoices not yet overdue whose reminder day has come: the latest step reached (a tick that
 * missed days sends one, not each). A step whose day was not after the invoice's issue day is
 * skipped: the customer just got the invoice itself, which says when it is due.
 */
async function dueInvoices(db: Db, today: string, daysBefore: number[]): Promise<Due[]> {
  const furthest = Math.max(...daysBefore);
  const invoices = await unpaidInvoices(db)
    .where('dueOn', '>=', today)
    .where('dueOn', '<=', addDays(today, furthest))
    .execute();
  const due: Due[] = [];
  for (const invoice of invoices) {
    const days = daysBetween(today, invoice.dueOn);
    const reached = daysBefore.filter(
      (step) => step >= days && addDays(invoice.dueOn, -step) > invoice.issuedOn,
    );
    if (!reached.length) continue;
    const step = Math.min(...reached);
    due.push({
      kind: 'invoiceDue',
      subjectId: invoice.id,
      accountId: invoice.accountId,
      step: String(step),
      alsoDone: reached.filter((other) => other > step).map(String),
      event: {
        type: 'invoice.due',
        accountId: invoice.accountId,
        actorId: null,
        invoiceId: invoice.id,
        days,
      },
    });
  }
  return due;
}

/** Unpaid invoices past a step after their due day: the largest step reached, the rest recorded. */
async function overdueInvoices(db: Db, today: string, daysAfter: number[]): Promise<Due[]> {
  const nearest = Math.min(...daysAfter);
  const invoices = await unpaidInvoices(db)
    .where('dueOn', '<=', addDays(today, -nearest))
    .execute();
  return invoices.map((invoice) => {
    const days = daysBetween(invoice.dueOn, today);
    const reached = daysAfter.filter((step) => step <= days);
    const step = Math.max(...reached);
    return {
      kind: 'invoiceOverdue',
      subjectId: invoice.id,
      accountId: invoice.accountId,
      step: String(step),
      alsoDone: reached.filter((other) => other < step).map(String),
      event: {
        type: 'invoice.overdue',
        accountId: invoice.accountId,
        actorId: null,
        invoiceId: invoice.id,
        days,
      },
    };
  });
}

/** Orders past their promised day and not delivered: once per promised day. */
async function lateOrders(db: Db, today: string): Promise<Due[]> {
  const orders = await db
    .selectFrom('order')
    .select(['id', 'accountId', 'promisedOn'])
    .where('promisedOn', 'is not', null)
    .where('promisedOn', '<', today)
    .where('status', 'not in', ['delivered', 'cancelled'])
    .execute();
  return orders.map((order) => ({
    kind: 'orderDelayed',
    subjectId: order.id,
    accountId: order.accountId,
    step: order.promisedOn!,
    alsoDone: [],
    event: {
      type: 'order.delayed',
      accountId: order.accountId,
      actorId: null,
      orderId: order.id,
      promisedOn: order.promisedOn!,
    },
  }));
}

/** Claims and sends each reminder not sent yet; how many this call sent. */
async function claimAll(db: Db, candidates: Due[]): Promise<number> {
  let sent = 0;
  for (let start = 0; start < candidates.length; start += CHUNK) {
    const chunk = candidates.slice(start, start + CHUNK);
    const done = await alreadySent(db, chunk);
    for (const due of chunk) {
      if (done.has(`${due.subjectId} ${due.step}`)) continue;
      if (await claim(db, due)) sent++;
    }
  }
  return sent;
}

/** The steps among `candidates` already sent (`subjectId step`), to skip them without a write. */
async function alreadySent(db: Db, candidates: Due[]): Promise<Set<string>> {
  const [first] = candidates;
  if (!first) return new Set();
  const rows = await db
    .selectFrom('reminderSent')
    .select(['subjectId', 'step'])
    .where('kind', '=', first.kind)
    .where(
      'subjectId',
      'in',
      candidates.map((due) => due.subjectId),
    )
    .execute();
  return new Set(rows.map((row) => `${row.subjectId} ${row.step}`));
}

/**
 * One transaction: the step's row first (the write that takes the lock, so a process that lost
 * the race inserts nothing and stops), then a check that the subject still needs it, then the
 * smaller steps and the event.
 */
async function claim(db: Db, due: Due): Promise<boolean> {
  try {
    return await db.transaction().execute(async (trx) => {
      const sentAt = new Date().toISOString();
      const row = { kind: due.kind, subjectId: due.subjectId, accountId: due.accountId, sentAt };
      const inserted = await trx
        .insertInto('reminderSent')
        .values({ ...row, step: due.step })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows !== 1n) return false;
      if (!(await stillNeeded(trx, due))) throw new Stale();
      if (due.alsoDone.length) {
        await trx
          .insertInto('reminderSent')
          .values(due.alsoDone.map((step) => ({ ...row, step })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await emitEvent(trx, due.event);
      return true;
    });
  } catch (error) {
    if (error instanceof Stale) return false;
    throw error;
  }
}

/** Paid, voided, delivered, cancelled or promised anew since the tick read it: no reminder. */
async function stillNeeded(trx: Db, due: Due): Promise<boolean> {
  if (due.kind === 'orderDelayed') {
    const order = await trx
      .selectFrom('order')
      .select('id')
      .where('id', '=', due.subjectId)
      .where('promisedOn', '=', due.step)
      .where('status', 'not in', ['delivered', 'cancelled'])
      .executeTakeFirst();
    return order !== undefined;
  }
  const invoice = await unpaidInvoices(trx).where('id', '=', due.subjectId).executeTakeFirst();
  return invoice !== undefined;
}
