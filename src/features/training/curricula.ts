import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure } from '../../http/actor.js';
import { canManageCurriculaFor, organisationOf } from './policy.js';
import type { TCurriculumInput } from './schemas.js';

export interface TCurriculumEntry {
  id: number;
  programme: string;
  year: number;
  hours: number;
  compulsory: boolean;
  students: number;
}

/** A school's curriculum entries, newest year first. Who: members of the school and admins (routes check). */
export async function listCurriculum(db: DB, organisationId: number): Promise<TCurriculumEntry[]> {
  const rows = await db
    .selectFrom('curriculum_entries')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('year', 'desc')
    .orderBy('programme')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    programme: r.programme,
    year: Number(r.year),
    hours: Number(r.hours),
    compulsory: Number(r.compulsory) === 1,
    students: Number(r.students),
  }));
}

/** Totals per year, oldest first: the school's progress. */
export function curriculumProgress(
  entries: TCurriculumEntry[],
): { year: number; programmes: number; hours: number; students: number; compulsoryShare: number }[] {
  const byYear = new Map<number, TCurriculumEntry[]>();
  for (const e of entries) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, list]) => ({
      year,
      programmes: list.length,
      hours: list.reduce((s, e) => s + e.hours, 0),
      students: list.reduce((s, e) => s + e.students, 0),
      compulsoryShare: list.filter((e) => e.compulsory).length / list.length,
    }));
}

/**
 * Records (or corrects) one programme's figures for a year: one row per programme and year.
 * Who: members of the school, admins.
 */
export async function saveCurriculumEntry(
  db: DB,
  actor: TCurrentUser,
  organisationId: number,
  input: TCurriculumInput,
): Promise<void> {
  const org = await organisationOf(db, organisationId);
  ensure(canManageCurriculaFor(actor, org));
  await db.transaction().execute(async (tx) => {
    const values = {
      hours: input.hours,
      compulsory: input.compulsory ? 1 : 0,
      students: input.students,
      updated_by: actor.id,
      updated_at: nowIso(),
    };
    const existing = await tx
      .selectFrom('curriculum_entries')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('programme', '=', input.programme)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (existing) await tx.updateTable('curriculum_entries').set(values).where('id', '=', existing.id).execute();
    else
      await tx
        .insertInto('curriculum_entries')
        .values({ organisation_id: org.id, programme: input.programme, year: input.year, ...values })
        .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'curriculum.save',
      subjectType: 'organisation',
      subjectId: org.id,
      details: input,
    });
  });
}

/** Removes one entry of the school. Who: members of the school, admins. */
export async function deleteCurriculumEntry(
  db: DB,
  actor: TCurrentUser,
  organisationId: number,
  entryId: number,
): Promise<void> {
  const org = await organisationOf(db, organisationId);
  ensure(canManageCurriculaFor(actor, org));
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('curriculum_entries').where('id', '=', entryId).where('organisation_id', '=', org.id).execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'curriculum.delete',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { entryId },
    });
  });
}

export interface TTrainingStats {
  year: number;
  /** Trainings published during the year (created in it). */
  trainingsPublished: number;
  /** Trainings in the catalogue at the end of the year. */
  trainingsInCatalogue: number;
  providers: number;
  /** Curricula reported by schools for the year. */
  schoolsReporting: number;
  programmes: number;
  students: number;
  hours: number;
  compulsoryProgrammes: number;
  /** Offers posted during the year. */
  offersPosted: number;
}

/**
 * The year's figures for the annual review: catalogue growth, and schools' curricula (students reached, hours).
 * Demo organisations are left out so the public review counts only the real network. Public aggregate.
 */
export async function trainingStats(db: DB, year: number): Promise<TTrainingStats> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const real = (eb: any) =>
    eb.exists(
      eb
        .selectFrom('organisations as o')
        .select('o.id')
        .whereRef('o.id', '=', 'organisation_id')
        .where('o.is_demo', '=', 0),
    );
  const [published, catalogue, providers, curricula, offers] = await Promise.all([
    db
      .selectFrom('trainings')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where(real)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('trainings')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('created_at', '<', to)
      .where(real)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('trainings')
      .select((eb) => eb.fn.count('organisation_id').distinct().as('n'))
      .where('created_at', '<', to)
      .where(real)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('curriculum_entries')
      .select((eb) => [
        eb.fn.count('organisation_id').distinct().as('schools'),
        eb.fn.countAll().as('programmes'),
        eb.fn.coalesce(eb.fn.sum('students'), eb.lit(0)).as('students'),
        eb.fn.coalesce(eb.fn.sum('hours'), eb.lit(0)).as('hours'),
        eb.fn.coalesce(eb.fn.sum('compulsory'), eb.lit(0)).as('compulsory'),
      ])
      .where('year', '=', year)
      .where(real)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('job_offers')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where(real)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    year,
    trainingsPublished: Number(published.n),
    trainingsInCatalogue: Number(catalogue.n),
    providers: Number(providers.n),
    schoolsReporting: Number(curricula.schools),
    programmes: Number(curricula.programmes),
    students: Number(curricula.students),
    hours: Number(curricula.hours),
    compulsoryProgrammes: Number(curricula.compulsory),
    offersPosted: Number(offers.n),
  };
}
