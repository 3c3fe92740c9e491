/**
 * The content of an RGESN eco-design declaration, built from an assessment: which criteria are validated, which
 * are not (in progress, not validated, still to assess), which do not apply, the progress score, the previous and
 * target scores, and the action plan. PURE: the caller loads the data.
 */
import {
  compareCriterionNumbers,
  rgesnScore,
  type TRgesnScore,
  type TRgesnScoredCriterion,
  type TRgesnStatus,
} from './rgesn.js';

export interface TDeclarationAnswer {
  status: TRgesnStatus;
  justification: string;
  actionOwner: string | null;
  /** ISO date YYYY-MM-DD. */
  actionDue: string | null;
}

export interface TDeclarationContent {
  score: TRgesnScore;
  validated: string[];
  /** Applicable criteria not validated yet, with their status. */
  notValidated: { number: string; status: Exclude<TRgesnStatus, 'validated' | 'not_applicable'> }[];
  notApplicable: string[];
  previousScore: number | null;
  targetScore: number | null;
  targetDate: string | null;
  /** Actions on criteria not validated: those with an owner or a due date, soonest first, then undated. */
  plan: { number: string; status: TRgesnStatus; owner: string | null; due: string | null; justification: string }[];
}

/** Builds a declaration. Throws RgesnForbiddenNotApplicable like the score does. */
export function buildDeclaration(input: {
  criteria: readonly TRgesnScoredCriterion[];
  answers: ReadonlyMap<string, TDeclarationAnswer>;
  previousScore: number | null;
  targetScore: number | null;
  targetDate: string | null;
}): TDeclarationContent {
  const statuses = new Map<string, TRgesnStatus>();
  for (const c of input.criteria) statuses.set(c.number, input.answers.get(c.number)?.status ?? 'to_assess');
  const score = rgesnScore(input.criteria, statuses);
  const numbers = input.criteria.map((c) => c.number).sort(compareCriterionNumbers);
  const validated: string[] = [];
  const notValidated: TDeclarationContent['notValidated'] = [];
  const notApplicable: string[] = [];
  const plan: TDeclarationContent['plan'] = [];
  for (const n of numbers) {
    const status = statuses.get(n)!;
    if (status === 'validated') validated.push(n);
    else if (status === 'not_applicable') notApplicable.push(n);
    else {
      notValidated.push({ number: n, status });
      const a = input.answers.get(n);
      if (a && (a.actionOwner || a.actionDue))
        plan.push({ number: n, status, owner: a.actionOwner, due: a.actionDue, justification: a.justification });
    }
  }
  // Dated actions first (soonest first), then undated ones in criterion order.
  plan.sort((a, b) =>
    a.due && b.due
      ? a.due.localeCompare(b.due) || compareCriterionNumbers(a.number, b.number)
      : a.due
        ? -1
        : b.due
          ? 1
          : compareCriterionNumbers(a.number, b.number),
  );
  return {
    score,
    validated,
    notValidated,
    notApplicable,
    previousScore: input.previousScore,
    targetScore: input.targetScore,
    targetDate: input.targetDate,
    plan,
  };
}
