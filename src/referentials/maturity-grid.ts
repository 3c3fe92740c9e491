/**
 * Techcare's own organisation maturity grid for responsible digital practice: 7 dimensions, 4 questions each, and
 * for every question five answers that describe observable practice, one per level (1 beginner … 5 exemplary).
 * Texts live in i18n (`maturity.dimension.<d>`, `maturity.question.<q>`, `maturity.answer.<q>.<level>`).
 *
 * Scoring rule (documented on the result page):
 *  1. A dimension's score is the mean of its answers (1–5).
 *  2. Its level is the floor of that mean, but never more than one level above its weakest answer (the floor
 *     rule: one neglected practice holds the dimension back, so a high average cannot hide it).
 *  3. The overall score is the mean of the dimension scores; the overall level is its floor, never more than one
 *     level above the weakest dimension's level (same rule, one step up).
 *  4. Strengths are dimensions whose score is at least half a level above the overall score (or at level 5);
 *     gaps are those at least half a level below it (or at level 1). For each gap, the next step is the answer one
 *     level above the weakest answer of that dimension.
 *
 * PURE module: no database, no network, no file access.
 */

export type TMaturityLevel = 1 | 2 | 3 | 4 | 5;
export const maturityLevelIds: readonly TMaturityLevel[] = [1, 2, 3, 4, 5];

export type TDimensionId =
  | 'strategy'
  | 'measurement'
  | 'purchasing'
  | 'datacentres'
  | 'ecodesign'
  | 'awareness'
  | 'endoflife';

export interface TMaturityDimension {
  id: TDimensionId;
  /** Question ids, `<dimension>.<topic>`. */
  questions: readonly string[];
}

/** The grid, in display order. */
export const maturityGrid: readonly TMaturityDimension[] = [
  { id: 'strategy', questions: ['strategy.policy', 'strategy.sponsor', 'strategy.targets', 'strategy.reporting'] },
  {
    id: 'measurement',
    questions: ['measurement.inventory', 'measurement.footprint', 'measurement.indicators', 'measurement.data'],
  },
  {
    id: 'purchasing',
    questions: ['purchasing.criteria', 'purchasing.lifespan', 'purchasing.refurbished', 'purchasing.suppliers'],
  },
  {
    id: 'datacentres',
    questions: ['datacentres.hosting', 'datacentres.efficiency', 'datacentres.cloud', 'datacentres.storage'],
  },
  {
    id: 'ecodesign',
    questions: ['ecodesign.process', 'ecodesign.referential', 'ecodesign.measure', 'ecodesign.sobriety'],
  },
  {
    id: 'awareness',
    questions: ['awareness.staff', 'awareness.training', 'awareness.ambassadors', 'awareness.habits'],
  },
  { id: 'endoflife', questions: ['endoflife.reuse', 'endoflife.collection', 'endoflife.wipe', 'endoflife.tracking'] },
];

export const dimensionIds: readonly TDimensionId[] = maturityGrid.map((d) => d.id);
export const allQuestionIds: readonly string[] = maturityGrid.flatMap((d) => d.questions);

export function isDimensionId(s: string): s is TDimensionId {
  return (dimensionIds as readonly string[]).includes(s);
}

export function dimensionOf(id: TDimensionId): TMaturityDimension {
  return maturityGrid.find((d) => d.id === id)!;
}

/** i18n keys of the grid's texts (kept here so views and tests build them the same way). */
export const gridKeys = {
  level: (l: TMaturityLevel) => `maturity.level.${l}` as const,
  dimension: (d: TDimensionId) => `maturity.dimension.${d}` as const,
  question: (q: string) => `maturity.question.${q}` as const,
  answer: (q: string, l: TMaturityLevel) => `maturity.answer.${q}.${l}` as const,
};

export interface TDimensionResult {
  id: TDimensionId;
  score: number;
  level: TMaturityLevel;
  weakest: TMaturityLevel;
}

export interface TMaturityResult {
  dimensions: TDimensionResult[];
  score: number;
  level: TMaturityLevel;
  strengths: TDimensionId[];
  gaps: TDimensionId[];
  /** For each gap, the question to work on and the level of the practice to reach next. */
  nextSteps: { dimension: TDimensionId; question: string; targetLevel: TMaturityLevel }[];
}

/** A missing or out-of-range answer. */
export class IncompleteMaturityAnswers extends Error {
  constructor(public readonly missing: string[]) {
    super(`Missing or invalid answers: ${missing.join(', ')}`);
  }
}

function toLevel(n: number): TMaturityLevel {
  return Math.max(1, Math.min(5, Math.floor(n + 1e-9))) as TMaturityLevel;
}

function isLevel(n: unknown): n is TMaturityLevel {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
}

/** Scores one dimension from its answers (all required). */
export function scoreDimension(
  dimension: TMaturityDimension,
  answers: Readonly<Record<string, number>>,
): TDimensionResult {
  const values = dimension.questions.map((q) => answers[q]);
  const missing = dimension.questions.filter((q, i) => !isLevel(values[i]));
  if (missing.length) throw new IncompleteMaturityAnswers(missing);
  const levels = values as TMaturityLevel[];
  const score = levels.reduce((s, l) => s + l, 0) / levels.length;
  const weakest = Math.min(...levels) as TMaturityLevel;
  return { id: dimension.id, score, level: Math.min(toLevel(score), weakest + 1) as TMaturityLevel, weakest };
}

/** Scores a whole assessment (every question of the grid must be answered 1–5). See the rule at the top. */
export function scoreMaturity(answers: Readonly<Record<string, number>>): TMaturityResult {
  const missing = allQuestionIds.filter((q) => !isLevel(answers[q]));
  if (missing.length) throw new IncompleteMaturityAnswers(missing);
  const dimensions = maturityGrid.map((d) => scoreDimension(d, answers));
  const score = dimensions.reduce((s, d) => s + d.score, 0) / dimensions.length;
  const weakestLevel = Math.min(...dimensions.map((d) => d.level));
  const level = Math.min(toLevel(score), weakestLevel + 1) as TMaturityLevel;
  const strengths = dimensions
    .filter((d) => d.score >= score + 0.5 || d.level === 5)
    .sort((a, b) => b.score - a.score)
    .map((d) => d.id);
  const gaps = dimensions
    .filter((d) => (d.score <= score - 0.5 || d.level === 1) && d.level < 5)
    .sort((a, b) => a.score - b.score)
    .map((d) => d.id);
  const nextSteps = gaps.flatMap((id) => {
    const dim = dimensionOf(id);
    const weakest = Math.min(...dim.questions.map((q) => answers[q]!));
    return dim.questions
      .filter((q) => answers[q] === weakest && weakest < 5)
      .map((q) => ({ dimension: id, question: q, targetLevel: (weakest + 1) as TMaturityLevel }));
  });
  return { dimensions, score, level, strengths, gaps, nextSteps };
}
