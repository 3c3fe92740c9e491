/**
 * The year's workshop programme in figures for the annual review, grouped in the database (per month, per
 * organiser, whole year). Added by the review feature. Months are UTC calendar months of the start instant (a
 * workshop starting between midnight and 2 a.m. Paris time on the 1st counts in the previous month: a rare case
 * accepted to keep the grouping in SQL on both databases).
 */
import { sql } from 'kysely';
import type { DB } from '../../db/client.js';
import { endedBy } from './repository.js';

export interface TWorkshopReviewLine {
  workshops: number;
  /** Confirmed registrations. */
  registrations: number;
  /** Confirmed seats of the workshops whose attendance was recorded (the denominator of the attendance rate). */
  recorded: number;
  attended: number;
  feedbackCount: number;
  ratingSum: number;
}

export interface TWorkshopReviewStats {
  months: (TWorkshopReviewLine & { month: number })[];
  organisers: (TWorkshopReviewLine & { organisationId: number; name: string })[];
  /** The same figures per month and organiser (only pairs with workshops), for the review's disclosure rules. */
  cells: (TWorkshopReviewLine & { month: number; organisationId: number })[];
  total: TWorkshopReviewLine;
}

/**
 * Workshops held in the year: published and ended by `at` (now by default: a future workshop is not held yet);
 * `includeDemo` false leaves out those of demo organisers.
 */
export async function workshopReviewStats(
  db: DB,
  year: number,
  options: { includeDemo?: boolean; at?: string } = {},
): Promise<TWorkshopReviewStats> {
  const regs = db
    .selectFrom('workshop_registrations')
    .where('status', '=', 'confirmed')
    .groupBy('workshop_id')
    .select([
      'workshop_id',
      sql<number>`count(*)`.as('regs'),
      sql<number>`sum(case when attended = 1 then 1 else 0 end)`.as('attended'),
      sql<number>`sum(case when attended is not null then 1 else 0 end)`.as('marked'),
    ]);
  const fb = db
    .selectFrom('workshop_feedback')
    .groupBy('workshop_id')
    .select(['workshop_id', sql<number>`count(*)`.as('n'), sql<number>`sum(rating)`.as('s')]);
  let perWorkshop = db
    .selectFrom('workshops as w')
    .innerJoin('organisations as o', 'o.id', 'w.organisation_id')
    .leftJoin(regs.as('r'), 'r.workshop_id', 'w.id')
    .leftJoin(fb.as('f'), 'f.workshop_id', 'w.id')
    .where('w.status', '=', 'published')
    .where('w.starts_at', '>=', `${year}-01-01`)
    .where('w.starts_at', '<', `${year + 1}-01-01`)
    .where(endedBy(db, 'w', options.at))
    .select([
      'w.id',
      'w.organisation_id',
      'o.name',
      sql<number>`cast(substr(w.starts_at, 6, 2) as integer)`.as('month'),
      sql<number>`coalesce(r.regs, 0)`.as('regs'),
      sql<number>`coalesce(r.attended, 0)`.as('attended'),
      // Attendance counts for a workshop once the organiser recorded it for anyone: its confirmed seats become the base.
      sql<number>`case when coalesce(r.marked, 0) > 0 then coalesce(r.regs, 0) else 0 end`.as('recorded'),
      sql<number>`coalesce(f.n, 0)`.as('fb_n'),
      sql<number>`coalesce(f.s, 0)`.as('fb_s'),
    ]);
  if (!options.includeDemo) perWorkshop = perWorkshop.where('o.is_demo', '=', 0);
  const sums = [
    sql<number>`count(*)`.as('workshops'),
    sql<number>`sum(x.regs)`.as('registrations'),
    sql<number>`sum(x.recorded)`.as('recorded'),
    sql<number>`sum(x.attended)`.as('attended'),
    sql<number>`sum(x.fb_n)`.as('feedback'),
    sql<number>`sum(x.fb_s)`.as('rating'),
  ] as const;
  const line = (r: {
    workshops: unknown;
    registrations: unknown;
    recorded: unknown;
    attended: unknown;
    feedback: unknown;
    rating: unknown;
  }): TWorkshopReviewLine => ({
    workshops: Number(r.workshops),
    registrations: Number(r.registrations ?? 0),
    recorded: Number(r.recorded ?? 0),
    attended: Number(r.attended ?? 0),
    feedbackCount: Number(r.feedback ?? 0),
    ratingSum: Number(r.rating ?? 0),
  });
  const [months, organisers, total, cells] = await Promise.all([
    db
      .selectFrom(perWorkshop.as('x'))
      .groupBy('x.month')
      .select(['x.month', ...sums])
      .orderBy('x.month')
      .execute(),
    db
      .selectFrom(perWorkshop.as('x'))
      .groupBy(['x.organisation_id', 'x.name'])
      .select(['x.organisation_id', 'x.name', ...sums])
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('x.name')
      .execute(),
    db
      .selectFrom(perWorkshop.as('x'))
      .select([...sums])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(perWorkshop.as('x'))
      .groupBy(['x.month', 'x.organisation_id'])
      .select(['x.month', 'x.organisation_id', ...sums])
      .execute(),
  ]);
  const byMonth = new Map(months.map((m) => [Number(m.month), line(m)]));
  const empty = line({ workshops: 0, registrations: 0, recorded: 0, attended: 0, feedback: 0, rating: 0 });
  return {
    months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...(byMonth.get(i + 1) ?? empty) })),
    organisers: organisers.map((o) => ({ organisationId: Number(o.organisation_id), name: o.name, ...line(o) })),
    total: line(total),
    cells: cells.map((c) => ({ month: Number(c.month), organisationId: Number(c.organisation_id), ...line(c) })),
  };
}
