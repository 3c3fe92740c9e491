import type { DB } from '../../db/client.js';
import { loadSkillsFramework } from './skills-store.js';
import { orderLearningPath, roleTargets, type TLearningRole, type TPathStep } from './learning-path.js';
import { loadTrainings, type TTraining } from './training-repository.js';

/**
 * A suggested path for a role from a starting level (see `orderLearningPath` for the rule), and the role's
 * target level per block. Public: reads the catalogue and the framework.
 */
export async function suggestLearningPath(
  db: DB,
  role: TLearningRole,
  startLevel: number,
): Promise<{ targets: Map<number, number>; steps: TPathStep<TTraining>[] }> {
  const framework = await loadSkillsFramework(db);
  const targets = roleTargets(framework, role);
  const relevant = [...targets].filter(([, target]) => target >= startLevel).map(([block]) => block);
  if (!relevant.length) return { targets, steps: [] };
  // Only trainings that build a relevant block at or above the start level can qualify; cap the candidates.
  const rows = await db
    .selectFrom('training_skills')
    .select('training_id')
    .distinct()
    .where('block_position', 'in', relevant)
    .where('level', '>=', startLevel)
    .orderBy('training_id', 'desc')
    .limit(1000)
    .execute();
  const candidates = await loadTrainings(
    db,
    rows.map((r) => Number(r.training_id)),
  );
  return { targets, steps: orderLearningPath(framework, role, startLevel, candidates) };
}
