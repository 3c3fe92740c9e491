/**
 * Percentiles computed in the database, portably: SQLite has no percentile_cont, so the values are ranked with
 * ROW_NUMBER() and only the two ranks around each percentile come back (at most two rows per percentile), then
 * interpolated linearly the way percentile_cont does.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/types.js';
import type { DB } from '../../db/client.js';

export interface TPercentiles {
  n: number;
  /** Keyed by the percentile in hundredths (25, 50, 75). */
  values: Record<number, number>;
}

/**
 * Percentiles of the column `v` of a sub-query (null values ignored). `ps` are whole hundredths. Returns n = 0
 * and no values when the sub-query is empty.
 */
export async function percentilesOf(
  db: DB,
  source: SelectQueryBuilder<Database, any, { v: number | null }>,
  ps: readonly number[],
): Promise<TPercentiles> {
  const ranked = db
    .selectFrom(source.as('x'))
    .where('x.v', 'is not', null)
    .select(['x.v', sql<number>`row_number() over (order by x.v)`.as('rn'), sql<number>`count(*) over ()`.as('n')]);
  // Integer division on both engines: floor(p × (n − 1) / 100) is the 0-based rank below the percentile. The
  // percentile is inlined as an integer literal: better-sqlite3 binds JS numbers as REAL, which would turn the
  // division into a fractional one.
  const ints = ps.map((p) => {
    if (!Number.isInteger(p) || p < 0 || p > 100) throw new Error(`percentile must be a whole number 0..100, got ${p}`);
    return sql.lit(p);
  });
  const wanted = ints.flatMap((p) => [sql`(${p} * (r.n - 1)) / 100 + 1`, sql`(${p} * (r.n - 1)) / 100 + 2`]);
  const rows = await db
    .selectFrom(ranked.as('r'))
    .select(['r.v', 'r.rn', 'r.n'])
    .where(sql<boolean>`r.rn in (${sql.join(wanted)}) or r.rn = 1`)
    .execute();
  if (!rows.length) return { n: 0, values: {} };
  const n = Number(rows[0]!.n);
  const at = new Map(rows.map((r) => [Number(r.rn), Number(r.v)]));
  const values: Record<number, number> = {};
  for (const p of ps) {
    const h = (p * (n - 1)) / 100;
    const lo = Math.floor(h);
    const a = at.get(lo + 1)!;
    const b = at.get(lo + 2) ?? a;
    values[p] = a + (h - lo) * (b - a);
  }
  return { n, values };
}
