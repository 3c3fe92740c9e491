import { sql } from 'kysely';
import type { DB } from '../../db/client.js';
import { actionStats, organisationsWithPlanBy } from '../actions/index.js';
import { footprintReviewTotals, measuredMemberCount } from '../footprint/index.js';
import { declarationsPublishedBy, maturityLevelsAsOf } from '../maturity/index.js';
import { trainingStats, type TTrainingStats } from '../training/index.js';
import { workshopReviewStats, type TWorkshopReviewLine, type TWorkshopReviewStats } from '../workshops/index.js';
import { memberIdsAt, membersAt, yearBounds } from './scope.js';
import { disclosableCells, enoughFor, safeComplement } from './suppression.js';

export interface TCountRow {
  code: string;
  count: number;
  previous: number;
}

export interface TWorkshopFigures {
  workshops: number;
  registrations: number;
  /** Attended seats; null when withheld by the disclosure rules (like the rate). */
  attended: number | null;
  /** attended / recorded seats; null without recorded attendance or when withheld (suppression.ts, rule 4b). */
  attendanceRate: number | null;
  feedbackCount: number;
  /** Mean rating 1..5, withheld (null) under MIN_GROUP answers. */
  satisfaction: number | null;
}

export interface TNetworkReview {
  year: number;
  includesDemo: boolean;
  signatories: {
    total: number;
    previous: number;
    newInYear: number;
    byKind: TCountRow[];
    bySize: TCountRow[];
    bySector: TCountRow[];
    byRegion: TCountRow[];
  };
  workshops: {
    total: TWorkshopFigures;
    months: (TWorkshopFigures & { month: number })[];
    organisers: (TWorkshopFigures & { organisationId: number; name: string })[];
  };
  training: TTrainingStats;
  /** Members at the end of the year and how many measured, published a declaration, have an action plan. */
  practices: { members: number; measured: number; declared: number; withPlan: number };
  actions: { actions: number; actionsDone: number };
  /** Summed footprint of the members who measured (kgCO2e), null when fewer than MIN_GROUP measured. */
  footprint: {
    measured: number;
    total: { gwp: number; gwpLow: number; gwpHigh: number; devices: number } | null;
    /** Same-sample comparison, null when the sample or its complements are too small (see suppression.ts). */
    sameSample: { organisations: number; gwpBefore: number; gwpNow: number; change: number } | null;
  };
  /** Members by maturity level at the end of the year and of the year before; null when under MIN_GROUP. */
  maturity: { assessed: number; levels: number[]; previousAssessed: number; previousLevels: number[] | null } | null;
}

/** What rule 4b lets a cell show: its attendance (over recorded seats) and its mean rating (over answers). */
interface TShown {
  attendance: boolean;
  rating: boolean;
}

function figures(l: TWorkshopReviewLine, shown: TShown): TWorkshopFigures {
  return {
    workshops: l.workshops,
    registrations: l.registrations,
    attended: shown.attendance ? l.attended : null,
    attendanceRate: shown.attendance && l.recorded > 0 ? l.attended / l.recorded : null,
    feedbackCount: l.feedbackCount,
    satisfaction: shown.rating && l.feedbackCount > 0 ? l.ratingSum / l.feedbackCount : null,
  };
}

/** Applies rule 4b to the workshop figures: the total, by month and by organiser, for attendance and ratings. */
function workshopFigures(ws: TWorkshopReviewStats): TNetworkReview['workshops'] {
  const monthIndex = new Map(ws.months.map((m, i) => [m.month, i]));
  const orgIndex = new Map(ws.organisers.map((o, i) => [o.organisationId, i]));
  const rule = (size: (l: TWorkshopReviewLine) => number) => {
    const cross = new Map<string, number>();
    for (const c of ws.cells) cross.set(`${monthIndex.get(c.month)}:${orgIndex.get(c.organisationId)}`, size(c));
    return disclosableCells(
      size(ws.total),
      ws.months.map(size),
      ws.organisers.map(size),
      (r, c) => cross.get(`${r}:${c}`) ?? 0,
    );
  };
  const attendance = rule((l) => l.recorded);
  const rating = rule((l) => l.feedbackCount);
  return {
    total: figures(ws.total, { attendance: attendance.total, rating: rating.total }),
    months: ws.months.map((m, i) => ({
      month: m.month,
      ...figures(m, { attendance: attendance.rows[i]!, rating: rating.rows[i]! }),
    })),
    organisers: ws.organisers.map((o, i) => ({
      organisationId: o.organisationId,
      name: o.name,
      ...figures(o, { attendance: attendance.cols[i]!, rating: rating.cols[i]! }),
    })),
  };
}

async function signatoryCounts(
  db: DB,
  year: number,
  includeDemo: boolean,
  column: 'kind' | 'size_band' | 'sector' | 'region',
): Promise<TCountRow[]> {
  const rows = await db
    .selectFrom(membersAt(db, year, includeDemo).as('m'))
    .groupBy(`m.${column}`)
    .select([
      sql<string>`m.${sql.ref(column)}`.as('code'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(m.was_member)`.as('prev'),
    ])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(`m.${column}`)
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.n), previous: Number(r.prev ?? 0) }));
}

async function levelCounts(db: DB, year: number, includeDemo: boolean): Promise<number[]> {
  const rows = await db
    .selectFrom(maturityLevelsAsOf(db, yearBounds(year).end).as('l'))
    .where('l.organisation_id', 'in', memberIdsAt(db, year, includeDemo))
    .groupBy('l.level')
    .select(['l.level', sql<number>`count(*)`.as('n')])
    .execute();
  const levels = [0, 0, 0, 0, 0];
  for (const r of rows) levels[Number(r.level) - 1] = Number(r.n);
  return levels;
}

async function countMembersIn(
  db: DB,
  year: number,
  includeDemo: boolean,
  ids: ReturnType<typeof declarationsPublishedBy> | ReturnType<typeof organisationsWithPlanBy>,
): Promise<number> {
  const row = await db
    .selectFrom(membersAt(db, year, includeDemo).as('m'))
    .where('m.organisation_id', 'in', ids)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The network's review of a year: every figure is an aggregate computed in the database, and the disclosure rules
 * of suppression.ts are applied here, once, so the page, the exports and the API cannot differ. Public.
 */
export async function buildNetworkReview(
  db: DB,
  year: number,
  options: { includeDemo: boolean },
): Promise<TNetworkReview> {
  const { includeDemo } = options;
  const { end } = yearBounds(year);
  const scope = { before: end, includeDemo };
  const [
    byKind,
    bySize,
    bySector,
    byRegion,
    ws,
    training,
    measured,
    declared,
    withPlan,
    fp,
    actions,
    levels,
    previousLevels,
  ] = await Promise.all([
    signatoryCounts(db, year, includeDemo, 'kind'),
    signatoryCounts(db, year, includeDemo, 'size_band'),
    signatoryCounts(db, year, includeDemo, 'sector'),
    signatoryCounts(db, year, includeDemo, 'region'),
    workshopReviewStats(db, year, { includeDemo }),
    trainingStats(db, year),
    measuredMemberCount(db, year, scope),
    countMembersIn(db, year, includeDemo, declarationsPublishedBy(db, end)),
    countMembersIn(db, year, includeDemo, organisationsWithPlanBy(db, end)),
    footprintReviewTotals(db, year, scope),
    actionStats(db, year, { includeDemo }),
    levelCounts(db, year, includeDemo),
    levelCounts(db, year - 1, includeDemo),
  ]);
  const total = byKind.reduce((s, r) => s + r.count, 0);
  const previous = byKind.reduce((s, r) => s + r.previous, 0);
  const c = fp.continuing;
  const sameSampleShown =
    enoughFor(c.organisations) && safeComplement(fp.onlyNow) && safeComplement(fp.onlyBefore) && c.gwpBefore > 0;
  const assessed = levels.reduce((s, n) => s + n, 0);
  const previousAssessed = previousLevels.reduce((s, n) => s + n, 0);
  return {
    year,
    includesDemo: includeDemo,
    signatories: { total, previous, newInYear: total - previous, byKind, bySize, bySector, byRegion },
    workshops: workshopFigures(ws),
    training,
    practices: { members: total, measured, declared, withPlan },
    actions: { actions: actions.actions, actionsDone: actions.actionsDone },
    footprint: {
      measured: fp.organisations,
      total: enoughFor(fp.organisations)
        ? { gwp: fp.gwp, gwpLow: fp.gwpLow, gwpHigh: fp.gwpHigh, devices: fp.devices }
        : null,
      sameSample: sameSampleShown
        ? {
            organisations: c.organisations,
            gwpBefore: c.gwpBefore,
            gwpNow: c.gwpNow,
            change: (c.gwpNow - c.gwpBefore) / c.gwpBefore,
          }
        : null,
    },
    maturity: enoughFor(assessed)
      ? { assessed, levels, previousAssessed, previousLevels: enoughFor(previousAssessed) ? previousLevels : null }
      : null,
  };
}
