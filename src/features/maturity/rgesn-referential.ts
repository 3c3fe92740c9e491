import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { shippedRgesnCriteria } from '../../data/rgesn-2024/index.js';
import {
  compareCriterionNumbers,
  parseRgesnReferential,
  type TRgesnImportError,
  type TRgesnCriterion,
} from '../../referentials/rgesn.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure, isAdmin } from '../../http/actor.js';

/** A criterion as pages show it: numbers and facts, the platform's wording, the official wording when imported. */
export interface TCriterionRow extends TRgesnCriterion {
  familyName: { fr: string; en: string };
  short: { fr: string | null; en: string | null };
  officialQuestion: string | null;
  officialApplicability: string | null;
  url: string;
}

/** The version label of the shipped referential. */
export const shippedVersion = '2024';

/**
 * Loads the shipped 2024 referential (own wording) once; later starts find it and do nothing. Reference data: runs
 * at every start, demo or not.
 */
export async function seedShippedReferential(db: DB): Promise<number> {
  const existing = await db
    .selectFrom('rgesn_referentials')
    .select('id')
    .where('version', '=', shippedVersion)
    .executeTakeFirst();
  if (existing) return existing.id;
  const shipped = shippedRgesnCriteria();
  return db.transaction().execute(async (tx) => {
    const ref = await tx
      .insertInto('rgesn_referentials')
      .values({ version: shippedVersion, source: 'shipped', imported_by: null, imported_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const families = new Map(shipped.families.map((f) => [f.number, f.name]));
    const sorted = [...shipped.criteria].sort((a, b) => compareCriterionNumbers(a.number, b.number));
    await tx
      .insertInto('rgesn_criteria')
      .values(
        sorted.map((c, i) => ({
          referential_id: ref.id,
          number: c.number,
          position: i,
          family: c.family,
          family_name_fr: families.get(c.family)!.fr,
          family_name_en: families.get(c.family)!.en,
          priority: c.priority,
          difficulty: c.difficulty,
          applicable_to_all: c.applicableToAll ? 1 : 0,
          short_fr: c.text.fr,
          short_en: c.text.en,
          official_question: null,
          official_applicability: null,
          official_json: null,
          url: c.url,
        })),
      )
      .execute();
    return ref.id;
  });
}

/** Every loaded referential version, newest first. */
export async function listReferentials(db: DB) {
  const rows = await db
    .selectFrom('rgesn_referentials as r')
    .leftJoin('rgesn_criteria as c', 'c.referential_id', 'r.id')
    .select((eb) => ['r.id', 'r.version', 'r.source', 'r.imported_at', eb.fn.count<number>('c.id').as('criteria')])
    .groupBy(['r.id', 'r.version', 'r.source', 'r.imported_at'])
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, criteria: Number(r.criteria) }));
}

/** The referential new assessments use: the most recently loaded one. */
export async function latestReferentialId(db: DB | Tx): Promise<number | null> {
  const row = await db.selectFrom('rgesn_referentials').select('id').orderBy('id', 'desc').executeTakeFirst();
  return row?.id ?? null;
}

export async function referentialVersion(db: DB, id: number): Promise<string | null> {
  return (
    (await db.selectFrom('rgesn_referentials').select('version').where('id', '=', id).executeTakeFirst())?.version ??
    null
  );
}

/** The criteria of one referential version, in order. */
export async function loadCriteria(db: DB | Tx, referentialId: number): Promise<TCriterionRow[]> {
  const rows = await db
    .selectFrom('rgesn_criteria')
    .selectAll()
    .where('referential_id', '=', referentialId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    family: Number(r.family),
    priority: r.priority,
    difficulty: r.difficulty,
    applicableToAll: Number(r.applicable_to_all) === 1,
    familyName: { fr: r.family_name_fr, en: r.family_name_en },
    short: { fr: r.short_fr, en: r.short_en },
    officialQuestion: r.official_question,
    officialApplicability: r.official_applicability,
    url: r.url,
  }));
}

/**
 * Imports an official criteria file (the DISIC/MiNumEco JSON format) as a new referential version. Administrators
 * only. All-or-nothing: a faulty file stores nothing and returns every error. The platform's own short wording is
 * carried over by criterion number from the shipped file; past assessments keep the version they were made with.
 */
export async function importOfficialReferential(
  db: DB,
  actor: TCurrentUser | null,
  input: { version: string; json: unknown },
): Promise<
  | { ok: true; referentialId: number; criteria: number; families: number }
  | { ok: false; errors: TRgesnImportError[] | 'version_exists' }
> {
  ensure(isAdmin(actor));
  const parsed = parseRgesnReferential(input.json);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const exists = await db
    .selectFrom('rgesn_referentials')
    .select('id')
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (exists) return { ok: false, errors: 'version_exists' };
  const shipped = shippedRgesnCriteria();
  const own = new Map(shipped.criteria.map((c) => [c.number, c]));
  const ownFamilies = new Map(shipped.families.map((f) => [f.number, f.name]));
  const { criteria, families } = parsed.referential;
  const id = await db.transaction().execute(async (tx) => {
    const ref = await tx
      .insertInto('rgesn_referentials')
      .values({ version: input.version, source: 'import', imported_by: actor!.id, imported_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Inserted in chunks: PostgreSQL caps bind parameters per statement and the official texts are long.
    for (let i = 0; i < criteria.length; i += 20) {
      await tx
        .insertInto('rgesn_criteria')
        .values(
          criteria.slice(i, i + 20).map((c, j) => {
            const mine = own.get(c.number);
            const sameFamily = mine && mine.family === c.family;
            return {
              referential_id: ref.id,
              number: c.number,
              position: i + j,
              family: c.family,
              family_name_fr: c.familyName,
              family_name_en: ownFamilies.get(c.family)?.en ?? c.familyName,
              priority: c.priority,
              difficulty: c.difficulty,
              applicable_to_all: c.applicableToAll ? 1 : 0,
              short_fr: sameFamily ? mine.text.fr : null,
              short_en: sameFamily ? mine.text.en : null,
              official_question: c.question,
              official_applicability: c.applicability,
              official_json: JSON.stringify({
                roles: c.roles,
                objective: c.objective,
                implementation: c.implementation,
                control: c.control,
              }),
              url: `${shipped.officialUrl}critere/${c.number}/`,
            };
          }),
        )
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: actor!.id,
      action: 'rgesn.referential.import',
      subjectType: 'rgesn_referential',
      subjectId: ref.id,
      details: { version: input.version, criteria: criteria.length },
    });
    return ref.id;
  });
  return { ok: true, referentialId: id, criteria: criteria.length, families: families.length };
}

/** The wording a reader sees for a criterion: the platform's short wording, else the official French question. */
export function criterionWording(
  c: Pick<TCriterionRow, 'short' | 'officialQuestion' | 'number'>,
  locale: 'fr' | 'en',
): string {
  return (locale === 'en' ? c.short.en : c.short.fr) ?? c.officialQuestion ?? c.number;
}
