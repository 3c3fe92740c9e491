import { createHash } from 'node:crypto';
import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { canActForOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import type { TDeclarationAnswer } from '../../referentials/rgesn-declaration.js';
import { isStatusAllowed, rgesnScore, type TRgesnStatus } from '../../referentials/rgesn.js';
import { latestReferentialId, loadCriteria, type TCriterionRow } from './rgesn-referential.js';

/** An assessment with its referential version and organisation name, or undefined. No policy: callers check. */
export async function findAssessment(db: DB | Tx, id: number) {
  return db
    .selectFrom('rgesn_assessments as a')
    .innerJoin('rgesn_referentials as r', 'r.id', 'a.referential_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.organisation_id',
      'a.referential_id',
      'a.service_name',
      'a.service_url',
      'a.description',
      'a.previous_score',
      'a.target_score',
      'a.target_date',
      'a.published_at',
      'a.published_score',
      'a.created_at',
      'a.updated_at',
      'r.version as referential_version',
      'o.name as organisation_name',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/**
 * One assessment, for members of its organisation and administrators. Unknown ids and other organisations'
 * assessments answer 404 when `orgId` does not match, 403 for a non-member.
 */
export async function getRgesnAssessment(db: DB, actor: TCurrentUser | null, orgId: number, id: number) {
  ensure(canActForOrganisation(actor, orgId));
  const row = await findAssessment(db, id);
  if (!row || row.organisation_id !== orgId) throw notFound();
  return row;
}

/** The current answers of an assessment, by criterion number. */
export async function loadAnswers(db: DB | Tx, assessmentId: number) {
  const rows = await db
    .selectFrom('rgesn_answers as a')
    .leftJoin('users as u', 'u.id', 'a.updated_by')
    .select([
      'a.criterion_number',
      'a.status',
      'a.justification',
      'a.action_owner',
      'a.action_due',
      'a.updated_at',
      'u.name as author',
    ])
    .where('a.assessment_id', '=', assessmentId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.criterion_number,
      {
        status: r.status,
        justification: r.justification,
        actionOwner: r.action_owner,
        actionDue: r.action_due,
        updatedAt: r.updated_at,
        author: r.author,
      },
    ]),
  );
}
export type TAnswers = Awaited<ReturnType<typeof loadAnswers>>;

/** The score of an assessment's current answers (null score when nothing applies). */
export function scoreOf(criteria: TCriterionRow[], answers: TAnswers) {
  const statuses = new Map<string, TRgesnStatus>();
  for (const [n, a] of answers) statuses.set(n, a.status);
  return rgesnScore(criteria, statuses);
}

/** Assessments of an organisation with their scores, newest first (members and administrators). */
export async function listRgesnAssessments(db: DB, actor: TCurrentUser | null, orgId: number) {
  ensure(canActForOrganisation(actor, orgId));
  const rows = await db
    .selectFrom('rgesn_assessments as a')
    .innerJoin('rgesn_referentials as r', 'r.id', 'a.referential_id')
    .select(['a.id', 'a.service_name', 'a.referential_id', 'a.published_at', 'a.updated_at', 'r.version'])
    .where('a.organisation_id', '=', orgId)
    .orderBy('a.id', 'desc')
    .execute();
  const criteriaByRef = new Map<number, TCriterionRow[]>();
  const out = [];
  for (const r of rows) {
    if (!criteriaByRef.has(r.referential_id))
      criteriaByRef.set(r.referential_id, await loadCriteria(db, r.referential_id));
    out.push({ ...r, score: scoreOf(criteriaByRef.get(r.referential_id)!, await loadAnswers(db, r.id)).score });
  }
  return out;
}

/**
 * Creates an assessment of a digital service on the latest referential version. The previous score defaults to
 * the last published (not withdrawn) declaration of a service of the same name. Members and administrators.
 */
export async function createRgesnAssessment(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  input: { serviceName: string; serviceUrl: string | null; description: string },
  at = nowIso(),
): Promise<number> {
  ensure(canActForOrganisation(actor, orgId));
  const org = await db.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound();
  const referentialId = await latestReferentialId(db);
  if (referentialId === null) throw new Error('No RGESN referential is loaded (the seed loads the shipped one)');
  // Same rule as lastPublishedScore (rgesn-declarations.ts), written here to keep the import one-way.
  const previous = await db
    .selectFrom('rgesn_declarations')
    .select('score')
    .where('organisation_id', '=', orgId)
    .where('service_name', '=', input.serviceName)
    .where('withdrawn_at', 'is', null)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('rgesn_assessments')
      .values({
        organisation_id: orgId,
        referential_id: referentialId,
        service_name: input.serviceName,
        service_url: input.serviceUrl,
        description: input.description,
        previous_score: previous?.score == null ? null : Number(previous.score),
        target_score: null,
        target_date: null,
        published_at: null,
        published_score: null,
        created_by: actor!.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor!.id,
      action: 'rgesn.assessment.create',
      subjectType: 'rgesn_assessment',
      subjectId: row.id,
      details: { organisationId: orgId, serviceName: input.serviceName },
    });
    return row.id;
  });
}

/** A short fingerprint of the values a form showed, so a save only writes what the member changed. */
export function answerFingerprint(
  a: { status: string; justification: string; actionOwner: string | null; actionDue: string | null } | undefined,
): string {
  const s = a
    ? [a.status, a.justification, a.actionOwner ?? '', a.actionDue ?? ''].join('\u0000')
    : ['to_assess', '', '', ''].join('\u0000');
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

export interface TAnswerInput extends TDeclarationAnswer {
  number: string;
  /** The fingerprint of the values the form showed. */
  seen: string;
}

/**
 * Saves answers from several members: only criteria whose submitted values differ from what the form showed are
 * written, so two members editing different criteria never overwrite each other; on the same criterion the last
 * change wins. Each write is logged (history row and audit log) with its author. A criterion applicable to every
 * service may not be set to not applicable: such answers are refused and named, nothing is written.
 * Members of the organisation and administrators.
 */
export async function saveRgesnAnswers(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  assessmentId: number,
  inputs: TAnswerInput[],
  at = nowIso(),
): Promise<{ ok: true; changed: string[] } | { ok: false; forbiddenNotApplicable: string[]; unknown: string[] }> {
  const assessment = await getRgesnAssessment(db, actor, orgId, assessmentId);
  const criteria = new Map((await loadCriteria(db, assessment.referential_id)).map((c) => [c.number, c]));
  const unknown = inputs.filter((i) => !criteria.has(i.number)).map((i) => i.number);
  const forbidden = inputs
    .filter((i) => criteria.has(i.number) && !isStatusAllowed(criteria.get(i.number)!, i.status))
    .map((i) => i.number);
  if (unknown.length || forbidden.length) return { ok: false, forbiddenNotApplicable: forbidden, unknown };
  const changed = inputs.filter((i) => answerFingerprint(i) !== i.seen);
  if (!changed.length) return { ok: true, changed: [] };
  await db.transaction().execute(async (tx) => {
    for (const i of changed) {
      const values = {
        status: i.status,
        justification: i.justification,
        action_owner: i.actionOwner,
        action_due: i.actionDue,
        updated_by: actor!.id,
        updated_at: at,
      };
      const updated = await tx
        .updateTable('rgesn_answers')
        .set(values)
        .where('assessment_id', '=', assessmentId)
        .where('criterion_number', '=', i.number)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        await tx
          .insertInto('rgesn_answers')
          .values({ assessment_id: assessmentId, criterion_number: i.number, ...values })
          .execute();
      await tx
        .insertInto('rgesn_answer_history')
        .values({
          assessment_id: assessmentId,
          criterion_number: i.number,
          status: i.status,
          justification: i.justification,
          action_owner: i.actionOwner,
          action_due: i.actionDue,
          author_user_id: actor!.id,
          at,
        })
        .execute();
    }
    await tx.updateTable('rgesn_assessments').set({ updated_at: at }).where('id', '=', assessmentId).execute();
    await recordAudit(tx, {
      actorUserId: actor!.id,
      action: 'rgesn.answers.save',
      subjectType: 'rgesn_assessment',
      subjectId: assessmentId,
      details: { criteria: changed.map((c) => ({ number: c.number, status: c.status })) },
    });
  });
  return { ok: true, changed: changed.map((c) => c.number) };
}

/** The history of answer changes, newest first, paginated (members and administrators). */
export async function answerHistory(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  assessmentId: number,
  page: number,
  perPage = 25,
) {
  await getRgesnAssessment(db, actor, orgId, assessmentId);
  const total = Number(
    (
      await db
        .selectFrom('rgesn_answer_history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('assessment_id', '=', assessmentId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await db
    .selectFrom('rgesn_answer_history as h')
    .leftJoin('users as u', 'u.id', 'h.author_user_id')
    .select([
      'h.id',
      'h.criterion_number',
      'h.status',
      'h.justification',
      'h.action_owner',
      'h.action_due',
      'h.at',
      'u.name as author',
    ])
    .where('h.assessment_id', '=', assessmentId)
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return { rows, total, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** Sets the declaration's previous score, target score and target date (members and administrators). */
export async function updateDeclarationPlan(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  assessmentId: number,
  input: { previousScore: number | null; targetScore: number | null; targetDate: string | null },
): Promise<void> {
  await getRgesnAssessment(db, actor, orgId, assessmentId);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('rgesn_assessments')
      .set({
        previous_score: input.previousScore,
        target_score: input.targetScore,
        target_date: input.targetDate,
        updated_at: nowIso(),
      })
      .where('id', '=', assessmentId)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor!.id,
      action: 'rgesn.declaration.plan',
      subjectType: 'rgesn_assessment',
      subjectId: assessmentId,
      details: input,
    });
  });
}
