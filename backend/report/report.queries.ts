import type { Db } from '../db/database.ts';
import { dayOf, durationStats, secondsBetween, type DurationSummary } from './report.sql.ts';
import type { Period } from './report.schema.ts';

/** One UTC day of the report; times are median seconds, null on a day with nothing measured. */
export interface ReportDay {
  day: string;
  ticketsOpened: number;
  ticketsResolved: number;
  firstResponseMedian: number | null;
  resolutionMedian: number | null;
  chats: number;
  chatsPicked: number;
  chatWaitMedian: number | null;
  orders: number;
  /** Order value by currency, in minor units, cancelled orders left out. */
  orderTotals: { currency: string; total: number }[];
}

export interface Report {
  period: { from: string; to: string; timeZone: 'UTC' };
  days: ReportDay[];
  tickets: {
    opened: number;
    resolved: number;
    firstResponse: DurationSummary;
    resolution: DurationSummary;
  };
  ratings: {
    count: number;
    average: number | null;
    /** How many ratings gave each number of stars, 5 to 1. */
    distribution: { stars: number; count: number }[];
  };
  chats: { started: number; queued: number; picked: number; wait: DurationSummary };
  orders: { count: number; cancelled: number; totals: { currency: string; total: number }[] };
}

/**
 * The figures of the staff reports for one period, each counted on the UTC day it happened:
 * - tickets opened on the day they were created, resolved on the day of their last resolution
 *   (tickets resolved now or closed after it; merged duplicates left out);
 * - first response: from the customer's first message to the first answer the customer could
 *   see (notes do not count), on the day of that answer;
 * - resolution time: from opening to the last resolution, on the day of the resolution;
 * - ratings on the day they were given;
 * - chats on the day they started; waits from joining the queue to an agent picking the chat
 *   up, on the day the chat joined the queue;
 * - orders on the day they were placed; totals leave cancelled orders out.
 */
export async function readReport(db: Db, period: Period): Promise<Report> {
  const { start, end } = period;

  const opened = db
    .selectFrom('ticket')
    .select((eb) => [dayOf('createdAt').as('day'), eb.fn.countAll<number>().as('count')])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .groupBy(dayOf('createdAt'))
    .execute();

  const resolvedTickets = db
    .selectFrom('ticket')
    .where('resolvedAt', '>=', start)
    .where('resolvedAt', '<', end)
    .where('status', 'in', ['resolved', 'closed'])
    .where('mergedInto', 'is', null);
  const resolved = resolvedTickets
    .select((eb) => [dayOf('resolvedAt').as('day'), eb.fn.countAll<number>().as('count')])
    .groupBy(dayOf('resolvedAt'))
    .execute();
  const resolution = durationStats(
    db,
    resolvedTickets.select([
      dayOf('resolvedAt').as('day'),
      secondsBetween(db, 'createdAt', 'resolvedAt').as('seconds'),
    ]),
  );

  // A ticket answered in the period was changed in it: `updatedAt` narrows the threads read.
  const firstResponse = durationStats(
    db,
    db
      .with('asked', (qc) =>
        qc
          .selectFrom('ticketMessage as m')
          .innerJoin('ticket as t', 't.id', 'm.ticketId')
          .select(['m.ticketId', (eb) => eb.fn.min('m.createdAt').as('askedAt')])
          .where('m.authorRole', '=', 'customer')
          .where('m.internal', '=', 0)
          .where('t.updatedAt', '>=', start)
          .groupBy('m.ticketId'),
      )
      .with('answered', (qc) =>
        qc
          .selectFrom('asked')
          .innerJoin('ticketMessage as s', (join) =>
            join
              .onRef('s.ticketId', '=', 'asked.ticketId')
              .onRef('s.createdAt', '>', 'asked.askedAt')
              .on('s.authorRole', '=', 'staff')
              .on('s.internal', '=', 0),
          )
          .select(['asked.askedAt', (eb) => eb.fn.min('s.createdAt').as('answeredAt')])
          .groupBy(['asked.ticketId', 'asked.askedAt']),
      )
      .selectFrom('answered')
      .select([
        dayOf('answered.answeredAt').as('day'),
        secondsBetween(db, 'answered.askedAt', 'answered.answeredAt').as('seconds'),
      ])
      .where('answered.answeredAt', '>=', start)
      .where('answered.answeredAt', '<', end),
  );

  const rated = db
    .selectFrom('ticket')
    .where('rating', 'is not', null)
    .where('ratedAt', '>=', start)
    .where('ratedAt', '<', end);
  const ratings = rated
    .select((eb) => ['rating', eb.fn.countAll<number>().as('count')])
    .groupBy('rating')
    .execute();
  const ratingAverage = rated
    .select((eb) => eb.fn.avg<number | null>('rating').as('average'))
    .executeTakeFirstOrThrow();

  const chats = db
    .selectFrom('chatConversation')
    .select((eb) => [
      dayOf('createdAt').as('day'),
      eb.fn.countAll<number>().as('started'),
      eb.fn.count<number>('queuedAt').as('queued'),
      eb.fn.count<number>('pickedAt').as('picked'),
    ])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .groupBy(dayOf('createdAt'))
    .execute();
  const chatWait = durationStats(
    db,
    db
      .selectFrom('chatConversation')
      .select([
        dayOf('queuedAt').as('day'),
        secondsBetween(db, 'queuedAt', 'pickedAt').as('seconds'),
      ])
      .where('pickedAt', 'is not', null)
      .where('queuedAt', '>=', start)
      .where('queuedAt', '<', end),
  );

  const orders = db
    .selectFrom('order')
    .select((eb) => {
      const kept = eb('status', '!=', 'cancelled');
      return [
        dayOf('createdAt').as('day'),
        'currency',
        eb.fn.count<number>(eb.case().when(kept).then(1).end()).as('count'),
        eb.fn
          .coalesce(eb.fn.sum<number>(eb.case().when(kept).then(eb.ref('total')).end()), eb.lit(0))
          .as('total'),
        eb.fn.count<number>(eb.case().when(kept).then(eb.lit(null)).else(1).end()).as('cancelled'),
      ];
    })
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .groupBy([dayOf('createdAt'), 'currency'])
    .execute();

  const [
    openedRows,
    resolvedRows,
    resolutionStats,
    responseStats,
    ratingRows,
    { average },
    chatRows,
    waitStats,
    orderRows,
  ] = await Promise.all([
    opened,
    resolved,
    resolution,
    firstResponse,
    ratings,
    ratingAverage,
    chats,
    chatWait,
    orders,
  ]);

  const countsByDay = (rows: { day: string; count: number }[]) =>
    new Map(rows.map((row) => [row.day, Number(row.count)]));
  const openedByDay = countsByDay(openedRows);
  const resolvedByDay = countsByDay(resolvedRows);
  const chatsByDay = new Map(chatRows.map((row) => [row.day, row]));
  const ordersOf = (day: string) => orderRows.filter((row) => row.day === day);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const totalsOf = (rows: typeof orderRows) => {
    const totals = new Map<string, number>();
    for (const row of rows) {
      if (Number(row.count) === 0) continue;
      totals.set(row.currency, (totals.get(row.currency) ?? 0) + Number(row.total));
    }
    return [...totals].sort().map(([currency, total]) => ({ currency, total }));
  };

  const days: ReportDay[] = period.days.map((day) => {
    const chat = chatsByDay.get(day);
    const dayOrders = ordersOf(day);
    return {
      day,
      ticketsOpened: openedByDay.get(day) ?? 0,
      ticketsResolved: resolvedByDay.get(day) ?? 0,
      firstResponseMedian: responseStats.medianByDay.get(day)?.median ?? null,
      resolutionMedian: resolutionStats.medianByDay.get(day)?.median ?? null,
      chats: Number(chat?.started ?? 0),
      chatsPicked: Number(chat?.picked ?? 0),
      chatWaitMedian: waitStats.medianByDay.get(day)?.median ?? null,
      orders: sum(dayOrders.map((row) => Number(row.count))),
      orderTotals: totalsOf(dayOrders),
    };
  });

  const stars = new Map(ratingRows.map((row) => [Number(row.rating), Number(row.count)]));
  return {
    period: { from: period.from, to: period.to, timeZone: 'UTC' },
    days,
    tickets: {
      opened: sum(days.map((day) => day.ticketsOpened)),
      resolved: sum(days.map((day) => day.ticketsResolved)),
      firstResponse: responseStats.overall,
      resolution: resolutionStats.overall,
    },
    ratings: {
      count: sum([...stars.values()]),
      average: average === null ? null : Number(average),
      distribution: [5, 4, 3, 2, 1].map((count) => ({
        stars: count,
        count: stars.get(count) ?? 0,
      })),
    },
    chats: {
      started: sum(chatRows.map((row) => Number(row.started))),
      queued: sum(chatRows.map((row) => Number(row.queued))),
      picked: sum(chatRows.map((row) => Number(row.picked))),
      wait: waitStats.overall,
    },
    orders: {
      count: sum(days.map((day) => day.orders)),
      cancelled: sum(orderRows.map((row) => Number(row.cancelled))),
      totals: totalsOf(orderRows),
    },
  };
}
