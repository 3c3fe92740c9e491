import type { DB, Tx } from '../../db/client.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import { canSeeProgramme } from './policy.js';
import { levelIds, parseLevels } from './schemas.js';
import { defaultTimeZone, zonedMonth, zonedToUtc } from './time-zones.js';

/** How many months the programme looks ahead (the current one included). */
export const programmeMonths = 12;

export interface TMonthCoverage {
  year: number;
  month: number;
  /** YYYY-MM, the key of alerts about this month. */
  key: string;
  published: number;
  drafts: number;
  /** Published workshops per maturity level 1..5 (a workshop for several levels counts for each). */
  levels: { level: number; published: number }[];
}

export interface TProgrammeCoverage {
  /** The period: first instant of the current month, first instant after the last month (Paris time). */
  from: string;
  to: string;
  months: TMonthCoverage[];
  /** Partner organisations with no workshop published in the period, by name. */
  silentPartners: { organisationId: number; name: string }[];
}

/** The month `k` months after (year, month), 1-based months. */
export function addMonths(year: number, month: number, k: number): { year: number; month: number } {
  const m0 = month - 1 + k;
  return { year: year + Math.floor(m0 / 12), month: (((m0 % 12) + 12) % 12) + 1 };
}

/** The first instant of a month in the programme's zone (Paris), as ISO text. */
export function monthStartIso(year: number, month: number): string {
  return zonedToUtc(`${year}-${String(month).padStart(2, '0')}-01`, '00:00', defaultTimeZone)!.toISOString();
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The promise in figures, month by month from the current one (Paris time, as the programme and the review count
 * months): published workshops and drafts, published ones per maturity level, and the partner organisations that
 * published nothing in the whole period. Cancelled workshops count nowhere.
 */
export async function programmeCoverage(db: DB | Tx, now: Date, count = programmeMonths): Promise<TProgrammeCoverage> {
  const first = zonedMonth(now.toISOString(), defaultTimeZone);
  const end = addMonths(first.year, first.month, count);
  const from = monthStartIso(first.year, first.month);
  const to = monthStartIso(end.year, end.month);
  const rows = await db
    .selectFrom('workshops')
    .select(['organisation_id', 'starts_at', 'status', 'levels'])
    .where('status', 'in', ['published', 'draft'])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();
  const months: TMonthCoverage[] = [];
  for (let i = 0; i < count; i++) {
    const { year, month } = addMonths(first.year, first.month, i);
    months.push({
      year,
      month,
      key: monthKey(year, month),
      published: 0,
      drafts: 0,
      levels: levelIds.map((level) => ({ level, published: 0 })),
    });
  }
  const publishers = new Set<number>();
  for (const r of rows) {
    const z = zonedMonth(r.starts_at, defaultTimeZone);
    const m = months.find((x) => x.year === z.year && x.month === z.month);
    if (!m) continue;
    if (r.status === 'draft') {
      m.drafts++;
      continue;
    }
    m.published++;
    publishers.add(r.organisation_id);
    for (const l of parseLevels(r.levels)) {
      const cell = m.levels.find((x) => x.level === l);
      if (cell) cell.published++;
    }
  }
  const partners = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'partner')
    .orderBy('name')
    .execute();
  return {
    from,
    to,
    months,
    silentPartners: partners.filter((p) => !publishers.has(p.id)).map((p) => ({ organisationId: p.id, name: p.name })),
  };
}

/** The coverage for a person: the programme view's policy first (administrators and organisers), then the figures. */
export async function readProgrammeCoverage(db: DB, user: TCurrentUser | null, now: Date): Promise<TProgrammeCoverage> {
  if (!canSeeProgramme(user))
    throw new AppError(403, 'forbidden', 'The programme view is for administrators and organisers');
  return programmeCoverage(db, now);
}
