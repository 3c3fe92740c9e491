import { sql } from 'kysely';
import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import type { TTrainingFilter, TTrainingInput } from './schemas.js';
import { foldText, openLicences } from './vocabulary.js';

/** A training as pages, exports and the API show it. */
export interface TTraining {
  id: number;
  organisationId: number;
  organisationName: string;
  organisationSlug: string;
  organisationIsDemo: boolean;
  title: string;
  description: string;
  kind: string;
  audiences: string[];
  educationLevel: string;
  durationHours: number;
  format: string;
  language: string;
  costEur: number;
  certificate: boolean;
  licence: string;
  prerequisites: string;
  learningOutcomes: string;
  url: string | null;
  skills: { block: number; level: number }[];
  createdAt: string;
  updatedAt: string;
  /** Taken offline (kept, not deleted): only its organisation's members and administrators see it. */
  unpublished: boolean;
  /** Waiting for an administrator's approval (first publication of a newly granted partner); also unpublished. */
  reviewPending: boolean;
}

function searchTextOf(input: TTrainingInput): string {
  return foldText([input.title, input.description, input.prerequisites, input.learning_outcomes].join(' '));
}

function rowValues(input: TTrainingInput) {
  return {
    title: input.title,
    description: input.description,
    search_text: searchTextOf(input),
    kind: input.kind,
    education_level: input.education_level,
    duration_hours: input.duration_hours,
    format: input.format,
    language: input.language,
    cost_cents: Math.round(input.cost_eur * 100),
    certificate: input.certificate ? 1 : 0,
    licence: input.licence,
    prerequisites: input.prerequisites,
    learning_outcomes: input.learning_outcomes,
    url: input.url,
  };
}

function uniqueSkills(skills: TTrainingInput['skills']) {
  const seen = new Map<string, { block: number; level: number }>();
  for (const s of skills) seen.set(`${s.block}:${s.level}`, s);
  return [...seen.values()];
}

async function writeChildren(tx: Tx, trainingId: number, input: TTrainingInput): Promise<void> {
  await tx.deleteFrom('training_audiences').where('training_id', '=', trainingId).execute();
  await tx.deleteFrom('training_skills').where('training_id', '=', trainingId).execute();
  const aud = [...new Set(input.audiences)];
  if (aud.length)
    await tx
      .insertInto('training_audiences')
      .values(aud.map((audience) => ({ training_id: trainingId, audience })))
      .execute();
  const skills = uniqueSkills(input.skills);
  if (skills.length)
    await tx
      .insertInto('training_skills')
      .values(skills.map((s) => ({ training_id: trainingId, block_position: s.block, level: s.level })))
      .execute();
}

/** Inserts a training and its audiences and skills (inside the caller's transaction). */
export async function insertTraining(
  tx: Tx,
  organisationId: number,
  userId: number | null,
  input: TTrainingInput,
  at = nowIso(),
): Promise<number> {
  const row = await tx
    .insertInto('trainings')
    .values({
      organisation_id: organisationId,
      ...rowValues(input),
      created_by: userId,
      created_at: at,
      updated_at: at,
      unpublished_at: null,
      review_pending_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeChildren(tx, row.id, input);
  return row.id;
}

export async function updateTrainingRow(tx: Tx, id: number, input: TTrainingInput): Promise<void> {
  await tx
    .updateTable('trainings')
    .set({ ...rowValues(input), updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await writeChildren(tx, id, input);
}

/** Escapes LIKE wildcards so a search for "100%" means the characters. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

function filtered(db: DB, f: TTrainingFilter) {
  let q = db
    .selectFrom('trainings')
    .innerJoin('organisations', 'organisations.id', 'trainings.organisation_id')
    .where('trainings.unpublished_at', 'is', null);
  if (f.q) {
    // Every word must appear, in any order, accents and case ignored (search_text is stored folded).
    for (const word of foldText(f.q).split(' ').filter(Boolean))
      q = q.where(sql<boolean>`trainings.search_text LIKE ${likePattern(word)} ESCAPE '\\'`);
  }
  if (f.kind) q = q.where('trainings.kind', '=', f.kind);
  if (f.education_level) q = q.where('trainings.education_level', '=', f.education_level);
  if (f.format) q = q.where('trainings.format', '=', f.format);
  if (f.language) q = q.where('trainings.language', '=', f.language);
  if (f.cost === 'free') q = q.where('trainings.cost_cents', '=', 0);
  if (f.cost === 'paid') q = q.where('trainings.cost_cents', '>', 0);
  if (f.certificate) q = q.where('trainings.certificate', '=', f.certificate === 'yes' ? 1 : 0);
  if (f.licence === 'open') q = q.where('trainings.licence', 'in', [...openLicences]);
  else if (f.licence) q = q.where('trainings.licence', '=', f.licence);
  if (f.provider) q = q.where('trainings.organisation_id', '=', f.provider);
  if (f.max_hours) q = q.where('trainings.duration_hours', '<=', f.max_hours);
  if (f.audience) {
    const audience = f.audience;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('training_audiences as ta')
          .select('ta.training_id')
          .whereRef('ta.training_id', '=', 'trainings.id')
          .where('ta.audience', '=', audience),
      ),
    );
  }
  if (f.block || f.level) {
    const { block, level } = f;
    q = q.where((eb) => {
      let sub = eb
        .selectFrom('training_skills as ts')
        .select('ts.training_id')
        .whereRef('ts.training_id', '=', 'trainings.id');
      if (block) sub = sub.where('ts.block_position', '=', block);
      if (level) sub = sub.where('ts.level', '=', level);
      return eb.exists(sub);
    });
  }
  return q;
}

/** Loads full trainings by id, in the given order. */
export async function loadTrainings(db: DB | Tx, ids: number[]): Promise<TTraining[]> {
  if (!ids.length) return [];
  const [rows, aud, skills] = await Promise.all([
    db
      .selectFrom('trainings')
      .innerJoin('organisations', 'organisations.id', 'trainings.organisation_id')
      .selectAll('trainings')
      .select(['organisations.name as org_name', 'organisations.slug as org_slug', 'organisations.is_demo as org_demo'])
      .where('trainings.id', 'in', ids)
      .execute(),
    db.selectFrom('training_audiences').selectAll().where('training_id', 'in', ids).execute(),
    db
      .selectFrom('training_skills')
      .selectAll()
      .where('training_id', 'in', ids)
      .orderBy('block_position')
      .orderBy('level')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id,
        organisationId: Number(r.organisation_id),
        organisationName: r.org_name,
        organisationSlug: r.org_slug,
        organisationIsDemo: Number(r.org_demo) === 1,
        title: r.title,
        description: r.description,
        kind: r.kind,
        audiences: aud
          .filter((a) => Number(a.training_id) === id)
          .map((a) => a.audience)
          .sort(),
        educationLevel: r.education_level,
        durationHours: Number(r.duration_hours),
        format: r.format,
        language: r.language,
        costEur: Number(r.cost_cents) / 100,
        certificate: Number(r.certificate) === 1,
        licence: r.licence,
        prerequisites: r.prerequisites,
        learningOutcomes: r.learning_outcomes,
        url: r.url,
        skills: skills
          .filter((s) => Number(s.training_id) === id)
          .map((s) => ({ block: Number(s.block_position), level: Number(s.level) })),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        unpublished: r.unpublished_at !== null,
        reviewPending: r.review_pending_at !== null,
      },
    ];
  });
}

export async function getTraining(db: DB | Tx, id: number): Promise<TTraining | null> {
  return (await loadTrainings(db, [id]))[0] ?? null;
}

/**
 * The catalogue, filtered and paginated, newest first (title breaks ties so pages are stable).
 * Public data: anyone may call it.
 */
export async function listTrainings(
  db: DB,
  filter: TTrainingFilter = {},
  page: { limit?: number; offset?: number } = {},
): Promise<{ items: TTraining[]; total: number }> {
  const base = filtered(db, filter);
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    base
      .select('trainings.id')
      .orderBy('trainings.created_at', 'desc')
      .orderBy('trainings.title')
      .orderBy('trainings.id')
      .limit(page.limit ?? 20)
      .offset(page.offset ?? 0)
      .execute(),
  ]);
  return {
    items: await loadTrainings(
      db,
      rows.map((r) => Number(r.id)),
    ),
    total: Number(n),
  };
}

/** Every training of an organisation, by title (exports and the organisation's own list). */
export async function organisationTrainings(db: DB, organisationId: number): Promise<TTraining[]> {
  const rows = await db
    .selectFrom('trainings')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .orderBy('title')
    .orderBy('id')
    .execute();
  return loadTrainings(
    db,
    rows.map((r) => Number(r.id)),
  );
}
