import { normaliseHeader } from '../../imports/read-table.js';
import { jobBlockLevel, type TSkillsFramework } from '../../referentials/skills-framework.js';
import type { TAudience } from './vocabulary.js';

/**
 * Roles a learner can pick, each tied to the framework's jobs (by name, so a re-imported sheet with columns in
 * another order still matches) and to the catalogue audience that serves it.
 */
export const learningRoles = {
  developer: { audience: 'developers', jobs: ['Développeuse Développeur', 'Tech Lead', 'Ingénieur Dév Ops'] },
  designer: { audience: 'designers', jobs: ['Designer UX', 'Responsable du design'] },
  data: { audience: 'data', jobs: ['Analyste de données', 'Data Scientist', 'Data Ingeneer'] },
  ops: {
    audience: 'ops',
    jobs: [
      'Administrateur(trice) d’outils, de systèmes, de réseaux et/ou de télécoms',
      'Ingénieur solution Cloud',
      "Responsable d'exploitation",
    ],
  },
  buyer: { audience: 'buyers', jobs: ['Acheteur public - numérique'] },
  manager: {
    audience: 'managers',
    jobs: ["Responsable d'entité dédiée au numérique", 'DP SI', 'Chef de projet MOA SI', 'Responsable de programme'],
  },
  teacher: { audience: 'teachers', jobs: ['Responsable Green IT'] },
  student: { audience: 'students', jobs: ['Conceptrice Concepteur'] },
} as const satisfies Record<string, { audience: TAudience; jobs: readonly string[] }>;
export type TLearningRole = keyof typeof learningRoles;
export const learningRoleIds = Object.keys(learningRoles) as TLearningRole[];

/** What the role needs per block: the highest level any of its jobs needs in any skill of the block (0: nothing). */
export function roleTargets(framework: TSkillsFramework, role: TLearningRole): Map<number, number> {
  const wanted = new Set(learningRoles[role].jobs.map(normaliseHeader));
  const jobs = framework.jobs.filter((j) => wanted.has(normaliseHeader(j.name)));
  const targets = new Map<number, number>();
  for (const b of framework.blocks)
    targets.set(b.position, Math.max(0, ...jobs.map((j) => jobBlockLevel(framework, j.position, b.position))));
  return targets;
}

/** A candidate as the ordering needs it. */
export interface TPathCandidate {
  id: number;
  title: string;
  durationHours: number;
  audiences: string[];
  skills: { block: number; level: number }[];
}
export interface TPathStep<T extends TPathCandidate> {
  training: T;
  level: number;
  block: number;
}

/**
 * Orders trainings into a path for a role, starting at the learner's level (maturity 1..5 → skill level 1..5):
 * 1. the relevant blocks are those where the role's jobs need a level (target ≥ 1 in the framework);
 * 2. a training qualifies when it builds a relevant block at a level between the start and the role's target for
 *    that block, and it is aimed at the role's audience, at everyone, or at no audience in particular;
 * 3. each training is placed at its lowest qualifying level (you learn the basics before the expertise); within one
 *    level, blocks the role needs most come first, then the framework's block order, then shorter trainings, then title.
 */
export function orderLearningPath<T extends TPathCandidate>(
  framework: TSkillsFramework,
  role: TLearningRole,
  startLevel: number,
  candidates: T[],
  limit = 15,
): TPathStep<T>[] {
  const targets = roleTargets(framework, role);
  const audience = learningRoles[role].audience;
  const steps: (TPathStep<T> & { weight: number })[] = [];
  for (const tr of candidates) {
    if (tr.audiences.length && !tr.audiences.includes(audience) && !tr.audiences.includes('everyone')) continue;
    let best: { level: number; block: number; weight: number } | null = null;
    for (const s of tr.skills) {
      const target = targets.get(s.block) ?? 0;
      if (target < 1 || s.level < startLevel || s.level > target) continue;
      const better =
        !best ||
        s.level < best.level ||
        (s.level === best.level && (target > best.weight || (target === best.weight && s.block < best.block)));
      if (better) best = { level: s.level, block: s.block, weight: target };
    }
    if (best) steps.push({ training: tr, ...best });
  }
  steps.sort(
    (a, b) =>
      a.level - b.level ||
      b.weight - a.weight ||
      a.block - b.block ||
      a.training.durationHours - b.training.durationHours ||
      a.training.title.localeCompare(b.training.title),
  );
  return steps.slice(0, limit).map(({ training, level, block }) => ({ training, level, block }));
}
