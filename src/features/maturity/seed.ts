import type { DB } from '../../db/client.js';
import type { TSeedContext } from '../../http/feature.js';
import { allQuestionIds, scoreMaturity } from '../../referentials/maturity-grid.js';
import { rgesnScore, type TRgesnStatus } from '../../referentials/rgesn.js';
import { seedDeclarationVersion } from './rgesn-declarations.js';
import { latestReferentialId, loadCriteria, seedShippedReferential } from './rgesn-referential.js';

/** A small deterministic generator so the demo data is the same at every fresh start. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Demo organisations: those marked is_demo (the organisations feature seeds them first). */
async function demoOrganisationIds(db: DB): Promise<number[]> {
  const rows = await db.selectFrom('organisations').select('id').where('is_demo', '=', 1).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Demo maturity history: three yearly assessments per demo organisation (first three), each a little better than
 * the previous one. Written directly (no member acts in a seed) and skipped when the organisation has any.
 */
async function seedDemoMaturity(db: DB, orgIds: number[], now: Date): Promise<void> {
  const year = now.getUTCFullYear();
  for (const [i, orgId] of orgIds.slice(0, 3).entries()) {
    const has = await db
      .selectFrom('maturity_assessments')
      .select('id')
      .where('organisation_id', '=', orgId)
      .executeTakeFirst();
    if (has) continue;
    const rand = lcg(1000 + orgId);
    const start = 1 + (i % 2);
    await db.transaction().execute(async (tx) => {
      for (let k = 0; k < 3; k++) {
        const date = new Date(Date.UTC(year - 2 + k, 2, 10 + i));
        const at = (date > now ? new Date(now.getTime() - 86_400_000 * (3 - k)) : date).toISOString();
        const answers: Record<string, number> = {};
        for (const q of allQuestionIds)
          answers[q] = Math.min(5, start + k + (rand() < 0.35 ? 1 : 0) - (rand() < 0.2 ? 1 : 0)) || 1;
        const result = scoreMaturity(answers);
        const a = await tx
          .insertInto('maturity_assessments')
          .values({
            organisation_id: orgId,
            status: 'completed',
            overall_level: result.level,
            overall_score: result.score,
            created_by: null,
            created_at: at,
            completed_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('maturity_answers')
          .values(allQuestionIds.map((q) => ({ assessment_id: a.id, question_id: q, level: answers[q]! })))
          .execute();
        await tx
          .insertInto('maturity_dimension_results')
          .values(
            result.dimensions.map((d) => ({ assessment_id: a.id, dimension_id: d.id, level: d.level, score: d.score })),
          )
          .execute();
      }
    });
  }
}

/** Demo RGESN: one assessed service with a published declaration (version 1) for the first two demo organisations. */
async function seedDemoRgesn(db: DB, orgIds: number[], now: Date): Promise<void> {
  const referentialId = await latestReferentialId(db);
  if (referentialId === null) return;
  const criteria = await loadCriteria(db, referentialId);
  for (const orgId of orgIds.slice(0, 2)) {
    const has = await db
      .selectFrom('rgesn_assessments')
      .select('id')
      .where('organisation_id', '=', orgId)
      .executeTakeFirst();
    if (has) continue;
    const rand = lcg(2000 + orgId);
    const statuses = new Map<string, TRgesnStatus>();
    for (const c of criteria) {
      const r = rand();
      statuses.set(
        c.number,
        r < 0.45
          ? 'validated'
          : r < 0.6
            ? 'in_progress'
            : r < 0.75
              ? 'not_validated'
              : !c.applicableToAll && r < 0.9
                ? 'not_applicable'
                : 'to_assess',
      );
    }
    const score = rgesnScore(criteria, statuses).score;
    const at = now.toISOString();
    const due = new Date(Date.UTC(now.getUTCFullYear() + 1, 5, 30)).toISOString().slice(0, 10);
    await db.transaction().execute(async (tx) => {
      const a = await tx
        .insertInto('rgesn_assessments')
        .values({
          organisation_id: orgId,
          referential_id: referentialId,
          service_name: 'Portail client (démo)',
          service_url: 'https://example.org/',
          description: '',
          previous_score: score === null ? null : Math.max(0, Math.round(score - 12)),
          target_score: 75,
          target_date: due,
          published_at: null,
          published_score: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = criteria.map((c) => {
        const status = statuses.get(c.number)!;
        const planned = status === 'in_progress' || status === 'not_validated';
        return {
          assessment_id: a.id,
          criterion_number: c.number,
          status,
          justification: '',
          action_owner: planned ? 'Équipe produit' : null,
          action_due: planned ? due : null,
          updated_by: null,
          updated_at: at,
        };
      });
      for (let i = 0; i < rows.length; i += 30)
        await tx
          .insertInto('rgesn_answers')
          .values(rows.slice(i, i + 30))
          .execute();
      // The demo declaration is published the way members publish: as a stored version of these answers.
      await seedDeclarationVersion(tx, a.id, at);
    });
  }
}

/** Reference data (the shipped RGESN 2024 criteria) always; demo assessments when asked. Idempotent. */
export async function seedMaturity(ctx: TSeedContext, now = new Date()): Promise<void> {
  await seedShippedReferential(ctx.db);
  if (!ctx.demo) return;
  const orgIds = await demoOrganisationIds(ctx.db);
  await seedDemoMaturity(ctx.db, orgIds, now);
  await seedDemoRgesn(ctx.db, orgIds, now);
}
