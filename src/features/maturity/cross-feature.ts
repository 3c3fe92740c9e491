import type { DB } from '../../db/client.js';
import { isDimensionId, type TDimensionId } from '../../referentials/maturity-grid.js';

/**
 * Per-dimension scores (1–5, unrounded) of the organisation's latest completed maturity assessment, for the
 * actions feature's suggestions; empty when the organisation never completed one. No user check: callers are
 * services that already authorised the organisation's member.
 */
export async function currentDimensionScores(db: DB, orgId: number): Promise<{ id: TDimensionId; score: number }[]> {
  const latest = await db
    .selectFrom('maturity_assessments')
    .select('id')
    .where('organisation_id', '=', orgId)
    .where('status', '=', 'completed')
    .orderBy('completed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!latest) return [];
  const rows = await db
    .selectFrom('maturity_dimension_results')
    .select(['dimension_id', 'score'])
    .where('assessment_id', '=', latest.id)
    .execute();
  return rows
    .filter((r) => isDimensionId(r.dimension_id))
    .map((r) => ({ id: r.dimension_id as TDimensionId, score: Number(r.score) }));
}

/**
 * The RGESN criteria answered "not validated" or "in progress" in the organisation's assessments (latest answer
 * per service and criterion), with the platform's short wording, for actions drawn from eco-design gaps.
 */
export async function listUnvalidatedCriteria(
  db: DB,
  orgId: number,
  locale: 'fr' | 'en' = 'fr',
): Promise<{ number: string; label: string; assessmentId: number; serviceName: string }[]> {
  const rows = await db
    .selectFrom('rgesn_answers as a')
    .innerJoin('rgesn_assessments as s', 's.id', 'a.assessment_id')
    .innerJoin('rgesn_criteria as c', (j) =>
      j.onRef('c.referential_id', '=', 's.referential_id').onRef('c.number', '=', 'a.criterion_number'),
    )
    .select(['a.criterion_number', 'a.assessment_id', 's.service_name', 'c.short_fr', 'c.short_en', 'c.position'])
    .where('s.organisation_id', '=', orgId)
    .where('a.status', 'in', ['not_validated', 'in_progress'])
    .orderBy('s.service_name')
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({
    number: r.criterion_number,
    label: (locale === 'en' ? r.short_en : r.short_fr) ?? r.criterion_number,
    assessmentId: r.assessment_id,
    serviceName: r.service_name,
  }));
}
