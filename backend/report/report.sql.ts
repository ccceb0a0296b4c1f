import {
  PostgresAdapter,
  sql,
  type Expression,
  type RawBuilder,
  type SelectQueryBuilder,
} from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * The only SQL in the reports that differs between engines, and the one place days are cut.
 * Times are ISO-8601 UTC text (`2026-05-04T09:30:00.000Z`) on every engine, so a UTC day is
 * the first ten characters: `substr` is the same on SQLite and PostgreSQL. The numbers are
 * written into the SQL, not bound, so PostgreSQL sees the same expression in SELECT and GROUP BY.
 */
export function dayOf(column: string): RawBuilder<string> {
  return sql<string>`substr(${sql.ref(column)}, 1, 10)`;
}

/** Whole seconds from one ISO time to a later one. */
export function secondsBetween(db: Db, from: string, to: string): RawBuilder<number> {
  const [a, b] = [sql.ref(from), sql.ref(to)];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return sql<number>`round(extract(epoch from (cast(${b} as timestamptz) - cast(${a} as timestamptz))))`;
  }
  return sql<number>`round((julianday(${b}) - julianday(${a})) * 86400)`;
}

/** Rows of a duration measure: the UTC day it counts on and how long it took. */
export interface Duration {
  day: string;
  seconds: number;
}

export interface DurationSummary {
  count: number;
  /** Seconds; null when nothing was measured. */
  median: number | null;
  /** Nearest-rank 90th percentile, in seconds. */
  p90: number | null;
}

export interface DurationStats {
  overall: DurationSummary;
  /** Median seconds by day, for the days that have any. */
  medianByDay: Map<string, { count: number; median: number }>;
}

/**
 * The median (mean of the middle two for an even count) and nearest-rank 90th percentile of a
 * duration query, overall and per day, with window functions both engines have.
 */
export async function durationStats<DB, TB extends keyof DB>(
  db: Db,
  durations: SelectQueryBuilder<DB, TB, Duration>,
): Promise<DurationStats> {
  const ranked = db
    .selectFrom(durations.as('d'))
    .select((eb) => [
      'd.day',
      'd.seconds',
      eb.fn
        .agg<number>('row_number')
        .over((over) => over.partitionBy('d.day').orderBy('d.seconds'))
        .as('rn'),
      eb.fn
        .countAll<number>()
        .over((over) => over.partitionBy('d.day'))
        .as('n'),
      eb.fn
        .agg<number>('row_number')
        .over((over) => over.orderBy('d.seconds'))
        .as('rnAll'),
      eb.fn.countAll<number>().over().as('nAll'),
    ])
    .as('r');
  const middle = (rank: Expression<number>, count: Expression<number>) =>
    sql<boolean>`${rank} in ((${count} + 1) / 2, (${count} + 2) / 2)`;
  const [overall, byDay] = await Promise.all([
    db
      .selectFrom(ranked)
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn
          .avg<number | null>(
            eb
              .case()
              .when(middle(eb.ref('r.rnAll'), eb.ref('r.nAll')))
              .then(eb.ref('r.seconds'))
              .end(),
          )
          .as('median'),
        eb.fn
          .min<number | null>(
            eb
              .case()
              .when(sql<boolean>`${eb.ref('r.rnAll')} * 10 >= ${eb.ref('r.nAll')} * 9`)
              .then(eb.ref('r.seconds'))
              .end(),
          )
          .as('p90'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(ranked)
      .select((eb) => [
        'r.day',
        eb.fn.countAll<number>().as('count'),
        eb.fn
          .avg<number>(
            eb
              .case()
              .when(middle(eb.ref('r.rn'), eb.ref('r.n')))
              .then(eb.ref('r.seconds'))
              .end(),
          )
          .as('median'),
      ])
      .groupBy('r.day')
      .execute(),
  ]);
  return {
    overall: {
      count: Number(overall.count),
      median: overall.median === null ? null : Number(overall.median),
      p90: overall.p90 === null ? null : Number(overall.p90),
    },
    medianByDay: new Map(
      byDay.map((row) => [row.day, { count: Number(row.count), median: Number(row.median) }]),
    ),
  };
}
