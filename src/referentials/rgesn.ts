/**
 * RGESN 2024 (Référentiel général d'écoconception de services numériques, Arcep · Arcom, 2024): criteria types, the
 * official progress score, and the reader of the official machine-readable criteria file.
 *
 * Source of the score rule: the 2024 referential and its declaration spreadsheet (see
 * test/fixtures/reference/rgesn-2024/SOURCE.md): weights Prioritaire 1.5, Recommandé 1.25, Modéré 1; score = 100 × Σ weights
 * of validated criteria / Σ weights of applicable criteria; "Non applicable" leaves the denominator; a criterion
 * "Applicable à tous les services" may not be declared not applicable. The score measures progress in the approach,
 * never an environmental impact.
 *
 * PURE module: no database, no network, no file access. Callers pass parsed JSON in.
 */
import { z } from 'zod';

export type TRgesnPriority = 'priority' | 'recommended' | 'moderate';
export type TRgesnDifficulty = 'low' | 'medium' | 'high';
export type TRgesnStatus = 'validated' | 'in_progress' | 'not_validated' | 'not_applicable' | 'to_assess';

/** Every status, in the order forms offer them. */
export const rgesnStatuses: readonly TRgesnStatus[] = [
  'to_assess',
  'validated',
  'in_progress',
  'not_validated',
  'not_applicable',
];

/** Official weights by priority (RGESN 2024 declaration spreadsheet). */
export const rgesnWeights: Readonly<Record<TRgesnPriority, number>> = { priority: 1.5, recommended: 1.25, moderate: 1 };

/** The official labels of the file, mapped to our ids. */
export const officialPriorities: Readonly<Record<string, TRgesnPriority>> = {
  Prioritaire: 'priority',
  Recommandé: 'recommended',
  Modéré: 'moderate',
};
export const officialDifficulties: Readonly<Record<string, TRgesnDifficulty>> = {
  Faible: 'low',
  Moyen: 'medium',
  Fort: 'high',
};
/** The applicability text that forbids "not applicable". */
export const applicableToAllText = 'Applicable à tous les services';

/** What the score needs of a criterion. */
export interface TRgesnScoredCriterion {
  number: string;
  priority: TRgesnPriority;
  applicableToAll: boolean;
}

/** A criterion as the platform stores it (shipped own wording, official wording when imported). */
export interface TRgesnCriterion extends TRgesnScoredCriterion {
  family: number;
  difficulty: TRgesnDifficulty;
}

/** A criterion declared "not applicable" although it applies to every service. */
export class RgesnForbiddenNotApplicable extends Error {
  constructor(public readonly numbers: string[]) {
    super(`Criteria applicable to every service cannot be not applicable: ${numbers.join(', ')}`);
  }
}

/** Whether a status is allowed for a criterion; the only forbidden pair is N/A on an "applicable to all" criterion. */
export function isStatusAllowed(
  criterion: Pick<TRgesnScoredCriterion, 'applicableToAll'>,
  status: TRgesnStatus,
): boolean {
  return !(status === 'not_applicable' && criterion.applicableToAll);
}

export interface TRgesnScore {
  /** 0–100, unrounded; null when no criterion is applicable (nothing to score). */
  score: number | null;
  validatedWeight: number;
  applicableWeight: number;
  counts: Record<TRgesnStatus, number>;
  /** Applicable criteria (every criterion minus the not applicable ones). */
  applicable: number;
}

/**
 * The official progress score of an assessment. A criterion without an answer counts as "to assess" (applicable,
 * not validated). Throws RgesnForbiddenNotApplicable when a criterion applicable to all services is declared N/A.
 */
export function rgesnScore(
  criteria: readonly TRgesnScoredCriterion[],
  statuses: ReadonlyMap<string, TRgesnStatus> | Record<string, TRgesnStatus>,
): TRgesnScore {
  const get = (n: string): TRgesnStatus | undefined =>
    statuses instanceof Map ? statuses.get(n) : (statuses as Record<string, TRgesnStatus>)[n];
  const counts: Record<TRgesnStatus, number> = {
    validated: 0,
    in_progress: 0,
    not_validated: 0,
    not_applicable: 0,
    to_assess: 0,
  };
  const forbidden: string[] = [];
  let validatedWeight = 0;
  let applicableWeight = 0;
  let applicable = 0;
  for (const c of criteria) {
    const status = get(c.number) ?? 'to_assess';
    counts[status]++;
    if (!isStatusAllowed(c, status)) forbidden.push(c.number);
    if (status === 'not_applicable') continue;
    applicable++;
    applicableWeight += rgesnWeights[c.priority];
    if (status === 'validated') validatedWeight += rgesnWeights[c.priority];
  }
  if (forbidden.length) throw new RgesnForbiddenNotApplicable(forbidden);
  return {
    score: applicableWeight > 0 ? (100 * validatedWeight) / applicableWeight : null,
    validatedWeight,
    applicableWeight,
    counts,
    applicable,
  };
}

/** Sorts criterion numbers "1.2" < "1.10" < "2.1". */
export function compareCriterionNumbers(a: string, b: string): number {
  // A number without a sub-number ("4") sorts before its first sub-criterion.
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

// ---------------------------------------------------------------------------------------------------------------
// The official file (DISIC/MiNumEco `_data/referentiel-ecoconception.json`): an array of criteria with French text.

const ZOfficialCriterion = z.object({
  numero: z.string().regex(/^[1-9]\d*\.[1-9]\d*$/),
  thematique: z.string().trim().min(1),
  critere: z.string().trim().min(1),
  difficulte: z.enum(['Faible', 'Moyen', 'Fort']),
  priorite: z.enum(['Prioritaire', 'Recommandé', 'Modéré']),
  cible: z.string().trim().min(1),
  metiers: z.string(),
  objectif: z.string(),
  miseEnOeuvre: z.string(),
  controle: z.string(),
});
export type TOfficialCriterion = z.infer<typeof ZOfficialCriterion>;

/** One criterion of an imported official referential, with its official French texts. */
export interface TRgesnOfficialCriterion extends TRgesnCriterion {
  familyName: string;
  question: string;
  applicability: string;
  roles: string;
  objective: string;
  implementation: string;
  control: string;
}

export interface TRgesnReferential {
  criteria: TRgesnOfficialCriterion[];
  families: { number: number; name: string; count: number }[];
}

/** A problem found in an official file: where (index in the array, criterion number, field) and a code for i18n. */
export interface TRgesnImportError {
  index: number | null;
  numero: string | null;
  field: string | null;
  code: 'not_array' | 'empty' | 'invalid_field' | 'duplicate_number' | 'family_mismatch' | 'applicability';
}

/**
 * Validates an official criteria file (already JSON-parsed) and maps it to platform criteria. All-or-nothing: any
 * error returns every error found and no referential.
 */
export function parseRgesnReferential(
  json: unknown,
): { ok: true; referential: TRgesnReferential } | { ok: false; errors: TRgesnImportError[] } {
  if (!Array.isArray(json))
    return { ok: false, errors: [{ index: null, numero: null, field: null, code: 'not_array' }] };
  if (json.length === 0) return { ok: false, errors: [{ index: null, numero: null, field: null, code: 'empty' }] };
  const errors: TRgesnImportError[] = [];
  const criteria: TRgesnOfficialCriterion[] = [];
  const seen = new Set<string>();
  const familyNames = new Map<number, string>();
  json.forEach((raw, index) => {
    const numero =
      raw && typeof raw === 'object' && typeof (raw as { numero?: unknown }).numero === 'string'
        ? (raw as { numero: string }).numero
        : null;
    const parsed = ZOfficialCriterion.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ index, numero, field: String(issue.path[0] ?? ''), code: 'invalid_field' });
      return;
    }
    const c = parsed.data;
    if (seen.has(c.numero)) errors.push({ index, numero: c.numero, field: 'numero', code: 'duplicate_number' });
    seen.add(c.numero);
    const family = Number(c.numero.split('.')[0]);
    const known = familyNames.get(family);
    if (known === undefined) familyNames.set(family, c.thematique);
    else if (known !== c.thematique)
      errors.push({ index, numero: c.numero, field: 'thematique', code: 'family_mismatch' });
    const applicableToAll = c.cible === applicableToAllText;
    if (!applicableToAll && !c.cible.startsWith('N/A'))
      errors.push({ index, numero: c.numero, field: 'cible', code: 'applicability' });
    criteria.push({
      number: c.numero,
      family,
      familyName: c.thematique,
      priority: officialPriorities[c.priorite]!,
      difficulty: officialDifficulties[c.difficulte]!,
      applicableToAll,
      question: c.critere,
      applicability: c.cible,
      roles: c.metiers,
      objective: c.objectif,
      implementation: c.miseEnOeuvre,
      control: c.controle,
    });
  });
  if (errors.length) return { ok: false, errors };
  criteria.sort((a, b) => compareCriterionNumbers(a.number, b.number));
  const families = [...familyNames.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, name]) => ({ number, name, count: criteria.filter((c) => c.family === number).length }));
  return { ok: true, referential: { criteria, families } };
}

// ---------------------------------------------------------------------------------------------------------------
// The platform's shipped file (src/data/rgesn-2024/criteria.json): our own short wording in French and English.

const ZLocalised = z.object({ fr: z.string().min(1), en: z.string().min(1) });
export const ZShippedCriteria = z.object({
  version: z.string().min(1),
  title: ZLocalised,
  attribution: z.string().min(1),
  officialUrl: z.url(),
  note: z.string(),
  families: z.array(z.object({ number: z.number().int().min(1), name: ZLocalised })).min(1),
  criteria: z
    .array(
      z.object({
        number: z.string().regex(/^[1-9]\d*\.[1-9]\d*$/),
        family: z.number().int().min(1),
        priority: z.enum(['priority', 'recommended', 'moderate']),
        difficulty: z.enum(['low', 'medium', 'high']),
        applicableToAll: z.boolean(),
        text: ZLocalised,
        url: z.url(),
      }),
    )
    .min(1),
});
export type TShippedCriteria = z.infer<typeof ZShippedCriteria>;

/** Validates the shipped criteria file; throws on a malformed file (it ships with the code, so that is a bug). */
export function parseShippedCriteria(json: unknown): TShippedCriteria {
  return ZShippedCriteria.parse(json);
}
