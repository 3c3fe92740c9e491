import type { DB, Tx } from '../../db/client.js';
import type { TCurrentUser } from '../../http/env.js';
import { canSeeOverlaps } from './policy.js';
import type { TWorkshopRow } from './repository.js';

export interface TOverlap {
  id: number;
  title: string;
  starts_at: string;
  time_zone: string;
  organisation_name: string;
}

const endOf = (w: { starts_at: string; duration_minutes: number }) =>
  new Date(w.starts_at).getTime() + w.duration_minutes * 60_000;

/**
 * For each of the given workshops (cancelled ones excepted), the other published workshops that run at the same
 * time (their intervals intersect), occurrences of the same series excepted: two sessions at once split the
 * audience the network promises a workshop to. Read in two queries whatever the number of workshops.
 */
export async function overlapsOf(db: DB | Tx, ids: number[]): Promise<Map<number, TOverlap[]>> {
  const out = new Map<number, TOverlap[]>();
  if (!ids.length) return out;
  const mine = await db
    .selectFrom('workshops')
    .select(['id', 'series_id', 'starts_at', 'duration_minutes'])
    .where('id', 'in', ids)
    .where('status', '!=', 'cancelled')
    .execute();
  if (!mine.length) return out;
  const starts = mine.map((w) => w.starts_at).sort();
  // Nothing lasts more than a day (the form's limit), so a day before the first start bounds the candidates.
  const lower = new Date(new Date(starts[0]!).getTime() - 86_400_000).toISOString();
  const upper = new Date(Math.max(...mine.map(endOf))).toISOString();
  const others = await db
    .selectFrom('workshops as w')
    .innerJoin('organisations as o', 'o.id', 'w.organisation_id')
    .select([
      'w.id',
      'w.title',
      'w.starts_at',
      'w.time_zone',
      'w.duration_minutes',
      'w.series_id',
      'o.name as organisation_name',
    ])
    .where('w.status', '=', 'published')
    .where('w.starts_at', '>=', lower)
    .where('w.starts_at', '<', upper)
    .orderBy('w.starts_at')
    .execute();
  for (const w of mine) {
    const start = new Date(w.starts_at).getTime();
    const end = endOf(w);
    const hits = others.filter(
      (o) =>
        o.id !== w.id &&
        !(w.series_id && o.series_id === w.series_id) &&
        new Date(o.starts_at).getTime() < end &&
        endOf(o) > start,
    );
    if (hits.length)
      out.set(
        w.id,
        hits.map(({ id, title, starts_at, time_zone, organisation_name }) => ({
          id,
          title,
          starts_at,
          time_zone,
          organisation_name,
        })),
      );
  }
  return out;
}

/**
 * The overlaps of a workshop and, for a series, of its live occurrences, as the organiser's page shows them.
 * Policy first: the organiser's members (`canSeeOverlaps`); anyone else gets nothing.
 */
export async function seriesOverlaps(
  db: DB,
  user: TCurrentUser | null,
  w: TWorkshopRow,
): Promise<{ id: number; starts_at: string; time_zone: string; overlaps: TOverlap[] }[]> {
  if (!canSeeOverlaps(user, w)) return [];
  const occurrences = w.series_id
    ? await db
        .selectFrom('workshops')
        .select(['id', 'starts_at', 'time_zone'])
        .where('series_id', '=', w.series_id)
        .where('organisation_id', '=', w.organisation_id)
        .where('status', '!=', 'cancelled')
        .orderBy('starts_at')
        .execute()
    : [{ id: w.id, starts_at: w.starts_at, time_zone: w.time_zone }];
  const found = await overlapsOf(
    db,
    occurrences.map((o) => o.id),
  );
  return occurrences.filter((o) => found.has(o.id)).map((o) => ({ ...o, overlaps: found.get(o.id)! }));
}
