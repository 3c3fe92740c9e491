import type { DB } from '../../db/client.js';
import { canActForOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import { memberActionSummary, type TMemberActionSummary } from '../actions/index.js';
import { listMeasuredYears } from '../footprint/index.js';
import { maturityLevelsAsOf } from '../maturity/index.js';
import { getOrganisation, validatedSignature, type TSignatureSummary } from '../organisations/index.js';
import { memberTrainingSummary, type TMemberTrainingSummary } from '../training/index.js';
import { workshopsAttendedBy } from '../workshops/index.js';
import { peerBenchmark, type TPeerBenchmark } from './peer-benchmark.js';
import { readPublicChoices } from './save-report-settings.js';
import type { TPublicChoices } from './schemas.js';
import { yearBounds } from './scope.js';

export interface TMemberReport {
  org: { id: number; name: string; slug: string; kind: string; sector: string; sizeBand: string };
  year: number;
  signature: TSignatureSummary | null;
  footprint: {
    now: { gwp: number; low: number | null; high: number | null } | null;
    before: { gwp: number } | null;
    change: number | null;
    years: { year: number; gwp: number }[];
  };
  maturity: { now: number | null; before: number | null };
  actions: TMemberActionSummary;
  workshops: Awaited<ReturnType<typeof workshopsAttendedBy>>;
  training: TMemberTrainingSummary;
  employees: number | null;
  choices: TPublicChoices;
  benchmark: TPeerBenchmark;
}

async function levelAt(db: DB, orgId: number, year: number): Promise<number | null> {
  const row = await db
    .selectFrom(maturityLevelsAsOf(db, yearBounds(year).end).as('l'))
    .where('l.organisation_id', '=', orgId)
    .select('l.level')
    .executeTakeFirst();
  return row ? Number(row.level) : null;
}

/**
 * An organisation's yearly report: what it committed to (the manifesto version it signed) against what it did,
 * with its anonymous peer benchmark. Who: the organisation's members and administrators (it holds private data).
 */
export async function buildMemberReport(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  year: number,
  options: { includeDemo: boolean },
): Promise<TMemberReport> {
  ensure(canActForOrganisation(actor, orgId));
  const org = await getOrganisation(db, orgId);
  if (!org) throw notFound();
  const [signature, measured, now, before, actions, workshops, training, facts, choices, benchmark] = await Promise.all(
    [
      validatedSignature(db, orgId),
      listMeasuredYears(db, orgId),
      levelAt(db, orgId, year),
      levelAt(db, orgId, year - 1),
      memberActionSummary(db, orgId, year),
      workshopsAttendedBy(db, orgId, year),
      memberTrainingSummary(db, orgId, year),
      db
        .selectFrom('review_org_year_facts')
        .select('employees')
        .where('organisation_id', '=', orgId)
        .where('year', '=', year)
        .executeTakeFirst(),
      readPublicChoices(db, orgId),
      peerBenchmark(db, org, year, options),
    ],
  );
  const thisYear = measured.find((m) => m.year === year && m.gwp !== null);
  const lastYear = measured.find((m) => m.year === year - 1 && m.gwp !== null);
  return {
    org: { id: org.id, name: org.name, slug: org.slug, kind: org.kind, sector: org.sector, sizeBand: org.size_band },
    year,
    signature,
    footprint: {
      now: thisYear ? { gwp: thisYear.gwp!, low: thisYear.low, high: thisYear.high } : null,
      before: lastYear ? { gwp: lastYear.gwp! } : null,
      change: thisYear && lastYear && lastYear.gwp! > 0 ? (thisYear.gwp! - lastYear.gwp!) / lastYear.gwp! : null,
      years: measured.filter((m) => m.gwp !== null && m.year <= year).map((m) => ({ year: m.year, gwp: m.gwp! })),
    },
    maturity: { now, before },
    actions,
    workshops,
    training,
    employees: facts ? Number(facts.employees) : null,
    choices,
    benchmark,
  };
}
