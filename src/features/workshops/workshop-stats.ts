import type { DB } from '../../db/client.js';
import { endedBy } from './repository.js';
import { parseLevels } from './schemas.js';
import { defaultTimeZone, zonedMonth } from './time-zones.js';

export interface TStatsLine {
  workshops: number;
  registrations: number;
  /** Confirmed seats of the workshops whose attendance was recorded (the denominator of the rate). */
  recorded: number;
  attended: number;
  /** attended / recorded, null when no attendance was recorded. */
  attendanceRate: number | null;
  feedbackCount: number;
  /** Mean rating 1..5, null without feedback. */
  satisfaction: number | null;
}

export interface TWorkshopStats {
  year: number;
  months: (TStatsLine & { month: number })[];
  partners: (TStatsLine & { organisationId: number; name: string })[];
  total: TStatsLine;
}

function emptyLine(): TStatsLine & { ratingSum: number } {
  return {
    workshops: 0,
    registrations: 0,
    recorded: 0,
    attended: 0,
    attendanceRate: null,
    feedbackCount: 0,
    satisfaction: null,
    ratingSum: 0,
  };
}

function finish<T extends TStatsLine & { ratingSum: number }>(l: T): Omit<T, 'ratingSum'> {
  const { ratingSum, ...rest } = l;
  return {
    ...rest,
    attendanceRate: l.recorded ? l.attended / l.recorded : null,
    satisfaction: l.feedbackCount ? ratingSum / l.feedbackCount : null,
  };
}

/**
 * The year's programme in figures, for the programme view and the annual review: workshops held (published, not
 * cancelled) per month (in Paris time) and per organiser, confirmed registrations, attendance and satisfaction.
 */
export async function workshopStats(db: DB, year: number): Promise<TWorkshopStats> {
  // A little margin on both sides: month boundaries are Paris months, not UTC ones.
  const rows = await db
    .selectFrom('workshops as w')
    .innerJoin('organisations as o', 'o.id', 'w.organisation_id')
    .select(['w.id', 'w.starts_at', 'w.organisation_id', 'o.name'])
    .where('w.status', '=', 'published')
    .where('w.starts_at', '>=', `${year - 1}-12-31T00:00:00.000Z`)
    .where('w.starts_at', '<', `${year + 1}-01-02T00:00:00.000Z`)
    .where(endedBy(db, 'w'))
    .execute();
  const inYear = rows.filter((r) => zonedMonth(r.starts_at, defaultTimeZone).year === year);
  const ids = inYear.map((r) => r.id);
  const regs = ids.length
    ? await db
        .selectFrom('workshop_registrations')
        .select(['workshop_id', 'attended', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workshop_id', 'in', ids)
        .where('status', '=', 'confirmed')
        .groupBy(['workshop_id', 'attended'])
        .execute()
    : [];
  const fb = ids.length
    ? await db
        .selectFrom('workshop_feedback')
        .select(['workshop_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('rating').as('s')])
        .where('workshop_id', 'in', ids)
        .groupBy('workshop_id')
        .execute()
    : [];
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...emptyLine() }));
  const partners = new Map<number, TStatsLine & { ratingSum: number; organisationId: number; name: string }>();
  const total = emptyLine();
  for (const w of inYear) {
    const lines = [months[zonedMonth(w.starts_at, defaultTimeZone).month - 1]!, total];
    let p = partners.get(w.organisation_id);
    if (!p) partners.set(w.organisation_id, (p = { organisationId: w.organisation_id, name: w.name, ...emptyLine() }));
    lines.push(p);
    const mine = regs.filter((r) => r.workshop_id === w.id);
    const registrations = mine.reduce((s, r) => s + Number(r.n), 0);
    const recorded = mine.some((r) => r.attended !== null) ? registrations : 0;
    const attended = mine.filter((r) => r.attended === 1).reduce((s, r) => s + Number(r.n), 0);
    const f = fb.find((x) => x.workshop_id === w.id);
    for (const l of lines) {
      l.workshops++;
      l.registrations += registrations;
      l.recorded += recorded;
      l.attended += attended;
      l.feedbackCount += Number(f?.n ?? 0);
      l.ratingSum += Number(f?.s ?? 0);
    }
  }
  return {
    year,
    months: months.map(finish),
    partners: [...partners.values()]
      .sort((a, b) => b.workshops - a.workshops || a.name.localeCompare(b.name))
      .map(finish),
    total: finish(total),
  };
}

export interface TUpcomingWorkshop {
  id: number;
  title: string;
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  theme: string;
  levels: number[];
  format: string;
  organisationId: number;
  organisationName: string;
  path: string;
}

/**
 * Published workshops starting in [from, to), soonest first, optionally for some maturity levels. Other features
 * (dashboard, actions, knowledge) call this; `from`/`to` are ISO instants or Dates.
 */
export async function upcomingWorkshops(
  db: DB,
  opts: { from: string | Date; to: string | Date; levels?: number[]; limit?: number },
): Promise<TUpcomingWorkshop[]> {
  let q = db
    .selectFrom('workshops as w')
    .innerJoin('organisations as o', 'o.id', 'w.organisation_id')
    .select([
      'w.id',
      'w.title',
      'w.starts_at',
      'w.time_zone',
      'w.duration_minutes',
      'w.theme',
      'w.levels',
      'w.format',
      'w.organisation_id',
      'o.name',
    ])
    .where('w.status', '=', 'published')
    .where('w.starts_at', '>=', new Date(opts.from).toISOString())
    .where('w.starts_at', '<', new Date(opts.to).toISOString());
  const levels = opts.levels;
  if (levels?.length) q = q.where((eb) => eb.or(levels.map((l) => eb('w.levels', 'like', `%,${l},%`))));
  const rows = await q
    .orderBy('w.starts_at')
    .orderBy('w.id')
    .limit(opts.limit ?? 50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.starts_at,
    timeZone: r.time_zone,
    durationMinutes: r.duration_minutes,
    theme: r.theme,
    levels: parseLevels(r.levels),
    format: r.format,
    organisationId: r.organisation_id,
    organisationName: r.name,
    path: `/workshops/${r.id}`,
  }));
}

/** The workshops an organisation's members attended in a year (attendance recorded by the organiser). */
export async function workshopsAttendedBy(
  db: DB,
  orgId: number,
  year: number,
): Promise<
  { workshopId: number; title: string; startsAt: string; theme: string; organiser: string; attendees: number }[]
> {
  const rows = await db
    .selectFrom('workshop_registrations as r')
    .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
    .innerJoin('organisations as o', 'o.id', 'w.organisation_id')
    .select(['w.id', 'w.title', 'w.starts_at', 'w.theme', 'o.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.organisation_id', '=', orgId)
    .where('r.attended', '=', 1)
    .where('w.starts_at', '>=', `${year}-01-01T00:00:00.000Z`)
    .where('w.starts_at', '<', `${year + 1}-01-01T00:00:00.000Z`)
    .groupBy(['w.id', 'w.title', 'w.starts_at', 'w.theme', 'o.name'])
    .orderBy('w.starts_at')
    .execute();
  return rows.map((r) => ({
    workshopId: r.id,
    title: r.title,
    startsAt: r.starts_at,
    theme: r.theme,
    organiser: r.name,
    attendees: Number(r.n),
  }));
}
