import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { canActForOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import {
  allQuestionIds,
  dimensionOf,
  maturityGrid,
  scoreMaturity,
  type TDimensionId,
  type TMaturityLevel,
  type TMaturityResult,
} from '../../referentials/maturity-grid.js';

export interface TMaturityAssessment {
  id: number;
  organisationId: number;
  status: 'draft' | 'completed';
  overallLevel: TMaturityLevel | null;
  overallScore: number | null;
  createdAt: string;
  completedAt: string | null;
  answers: Record<string, number>;
}

async function organisationExists(db: DB, orgId: number): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst());
}

/**
 * Loads one assessment of an organisation with its answers. Members of the organisation and administrators only;
 * anyone else gets a 403, an assessment of another organisation a 404.
 */
export async function getMaturityAssessment(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  assessmentId: number,
): Promise<TMaturityAssessment> {
  ensure(canActForOrganisation(actor, orgId));
  const row = await db
    .selectFrom('maturity_assessments')
    .selectAll()
    .where('id', '=', assessmentId)
    .where('organisation_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound();
  const answers = await db
    .selectFrom('maturity_answers')
    .select(['question_id', 'level'])
    .where('assessment_id', '=', assessmentId)
    .execute();
  return {
    id: row.id,
    organisationId: row.organisation_id,
    status: row.status,
    overallLevel: row.overall_level as TMaturityLevel | null,
    overallScore: row.overall_score == null ? null : Number(row.overall_score),
    createdAt: row.created_at,
    completedAt: row.completed_at,
    answers: Object.fromEntries(answers.map((a) => [a.question_id, Number(a.level)])),
  };
}

/** Completed assessments of an organisation, oldest first, with dimension levels (members and administrators). */
export async function listMaturityAssessments(db: DB, actor: TCurrentUser | null, orgId: number) {
  ensure(canActForOrganisation(actor, orgId));
  const rows = await db
    .selectFrom('maturity_assessments')
    .select(['id', 'status', 'overall_level', 'overall_score', 'created_at', 'completed_at'])
    .where('organisation_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = rows.map((r) => r.id);
  const dims = ids.length
    ? await db.selectFrom('maturity_dimension_results').selectAll().where('assessment_id', 'in', ids).execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    overallLevel: r.overall_level as TMaturityLevel | null,
    overallScore: r.overall_score == null ? null : Number(r.overall_score),
    createdAt: r.created_at,
    completedAt: r.completed_at,
    dimensions: Object.fromEntries(
      dims
        .filter((d) => d.assessment_id === r.id)
        .map((d) => [d.dimension_id, { level: Number(d.level) as TMaturityLevel, score: Number(d.score) }]),
    ) as Partial<Record<TDimensionId, { level: TMaturityLevel; score: number }>>,
  }));
}

/** Starts a new dated assessment (a draft until every dimension is answered). Members and administrators. */
export async function startMaturityAssessment(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  at = nowIso(),
): Promise<number> {
  ensure(canActForOrganisation(actor, orgId));
  if (!(await organisationExists(db, orgId))) throw notFound();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('maturity_assessments')
      .values({
        organisation_id: orgId,
        status: 'draft',
        overall_level: null,
        overall_score: null,
        created_by: actor!.id,
        created_at: at,
        completed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor!.id,
      action: 'maturity.assessment.start',
      subjectType: 'maturity_assessment',
      subjectId: row.id,
      details: { organisationId: orgId },
    });
    return row.id;
  });
}

/**
 * Saves the answers of one dimension (every question 1–5); when the whole grid is answered, computes and stores
 * the levels and completes the assessment. One transaction. Members and administrators.
 */
export async function saveDimensionAnswers(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  assessmentId: number,
  dimension: TDimensionId,
  answers: Record<string, TMaturityLevel>,
  at = nowIso(),
): Promise<{ completed: boolean; result: TMaturityResult | null }> {
  const current = await getMaturityAssessment(db, actor, orgId, assessmentId);
  const questions = dimensionOf(dimension).questions;
  return db.transaction().execute(async (tx) => {
    for (const q of questions) {
      const level = answers[q]!;
      const updated = await tx
        .updateTable('maturity_answers')
        .set({ level })
        .where('assessment_id', '=', assessmentId)
        .where('question_id', '=', q)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        await tx
          .insertInto('maturity_answers')
          .values({ assessment_id: assessmentId, question_id: q, level })
          .execute();
      current.answers[q] = level;
    }
    let result: TMaturityResult | null = null;
    if (allQuestionIds.every((q) => current.answers[q] !== undefined)) {
      result = scoreMaturity(current.answers);
      await tx.deleteFrom('maturity_dimension_results').where('assessment_id', '=', assessmentId).execute();
      await tx
        .insertInto('maturity_dimension_results')
        .values(
          result.dimensions.map((d) => ({
            assessment_id: assessmentId,
            dimension_id: d.id,
            level: d.level,
            score: d.score,
          })),
        )
        .execute();
      await tx
        .updateTable('maturity_assessments')
        .set({
          status: 'completed',
          overall_level: result.level,
          overall_score: result.score,
          completed_at: current.completedAt ?? at,
        })
        .where('id', '=', assessmentId)
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: actor!.id,
      action: 'maturity.assessment.answer',
      subjectType: 'maturity_assessment',
      subjectId: assessmentId,
      details: { dimension, answers },
    });
    return { completed: result !== null, result };
  });
}

/** The first dimension of the grid still unanswered in an assessment, or null when complete. */
export function nextDimension(answers: Record<string, number>): TDimensionId | null {
  return maturityGrid.find((d) => d.questions.some((q) => answers[q] === undefined))?.id ?? null;
}

/**
 * The organisation's level from its latest completed assessment, or null. Used by workshop recommendations and the
 * annual review: a service call without a user, so it reveals only the level and its date.
 */
export async function currentMaturityLevel(
  db: DB,
  orgId: number,
): Promise<{ level: TMaturityLevel; assessedAt: string } | null> {
  const row = await db
    .selectFrom('maturity_assessments')
    .select(['overall_level', 'completed_at'])
    .where('organisation_id', '=', orgId)
    .where('status', '=', 'completed')
    .orderBy('completed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row || row.overall_level == null || !row.completed_at) return null;
  return { level: Number(row.overall_level) as TMaturityLevel, assessedAt: row.completed_at };
}

/**
 * How many organisations stand at each level in a year: each organisation counts once, at the level of its last
 * assessment completed in that year. For the annual review (aggregates only, no names).
 */
export async function maturityDistribution(
  db: DB,
  year: number,
): Promise<{ year: number; organisations: number; levels: Record<TMaturityLevel, number> }> {
  const rows = await db
    .selectFrom('maturity_assessments')
    .select(['id', 'organisation_id', 'overall_level', 'completed_at'])
    .where('status', '=', 'completed')
    .where('completed_at', '>=', `${year}-01-01`)
    .where('completed_at', '<', `${year + 1}-01-01`)
    .orderBy('completed_at')
    .orderBy('id')
    .execute();
  const latest = new Map<number, number>();
  for (const r of rows) latest.set(r.organisation_id, Number(r.overall_level));
  const levels: Record<TMaturityLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const l of latest.values()) levels[l as TMaturityLevel]++;
  return { year, organisations: latest.size, levels };
}
