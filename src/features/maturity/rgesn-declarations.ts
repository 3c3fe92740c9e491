/**
 * Published eco-design declarations: each publication stores an immutable snapshot (rgesn_declarations), so a
 * dated public document never follows later edits of the live answers.
 */
import { z } from 'zod';
import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { canActForOrganisation } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import { buildDeclaration, type TDeclarationContent } from '../../referentials/rgesn-declaration.js';
import { rgesnStatuses, type TRgesnStatus } from '../../referentials/rgesn.js';
import { findAssessment, getRgesnAssessment, loadAnswers, scoreOf } from './rgesn-assessments.js';
import { criterionWording, loadCriteria } from './rgesn-referential.js';

const ZSnapshotCriterion = z.object({
  number: z.string(),
  priority: z.enum(['priority', 'recommended', 'moderate']),
  applicableToAll: z.boolean(),
  status: z.enum(rgesnStatuses as [TRgesnStatus, ...TRgesnStatus[]]),
  justification: z.string(),
  actionOwner: z.string().nullable(),
  actionDue: z.string().nullable(),
  /** The wording shown at publication, in both languages. */
  text: z.object({ fr: z.string(), en: z.string() }),
});

/** The JSON stored in rgesn_declarations.content_json. */
export const ZDeclarationSnapshot = z.object({
  organisationName: z.string(),
  description: z.string(),
  criteria: z.array(ZSnapshotCriterion),
});
export type TDeclarationSnapshot = z.infer<typeof ZDeclarationSnapshot>;

/** Everything a declaration page shows, whether a stored version or the live draft. */
export interface TDeclarationDoc {
  /** The declaration id, null for the live draft. */
  id: number | null;
  assessmentId: number;
  organisationId: number;
  version: number | null;
  serviceName: string;
  serviceUrl: string | null;
  referentialVersion: string;
  score: number | null;
  previousScore: number | null;
  targetScore: number | null;
  targetDate: string | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  snapshot: TDeclarationSnapshot;
  content: TDeclarationContent;
}

/** A dated version in the list of a declaration's published versions. */
export interface TDeclarationVersion {
  id: number;
  version: number;
  publishedAt: string;
}

const num = (n: number | null | undefined) => (n == null ? null : Number(n));

function contentOf(
  s: TDeclarationSnapshot,
  plan: { previousScore: number | null; targetScore: number | null; targetDate: string | null },
): TDeclarationContent {
  const answers = new Map(
    s.criteria.map((c) => [
      c.number,
      { status: c.status, justification: c.justification, actionOwner: c.actionOwner, actionDue: c.actionDue },
    ]),
  );
  return buildDeclaration({ criteria: s.criteria, answers, ...plan });
}

/**
 * The score of the last published, not withdrawn, declaration of a service (same organisation, same service name),
 * other than those of `exceptAssessmentId`; null when there is none.
 */
export async function lastPublishedScore(
  db: DB | Tx,
  orgId: number,
  serviceName: string,
  exceptAssessmentId: number | null = null,
): Promise<number | null> {
  let q = db
    .selectFrom('rgesn_declarations')
    .select('score')
    .where('organisation_id', '=', orgId)
    .where('service_name', '=', serviceName)
    .where('withdrawn_at', 'is', null);
  if (exceptAssessmentId !== null) q = q.where('assessment_id', '!=', exceptAssessmentId);
  const row = await q.orderBy('published_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return num(row?.score);
}

type TAssessment = Awaited<ReturnType<typeof getRgesnAssessment>>;

/**
 * What publishing now would store: the live answers with the wording shown, the plan, and the previous score (the
 * one set on the assessment, else the last published score of the same service from another assessment).
 */
async function liveDeclaration(db: DB | Tx, a: TAssessment): Promise<TDeclarationDoc> {
  const criteria = await loadCriteria(db, a.referential_id);
  const answers = await loadAnswers(db, a.id);
  const snapshot: TDeclarationSnapshot = {
    organisationName: a.organisation_name,
    description: a.description,
    criteria: criteria.map((c) => {
      const ans = answers.get(c.number);
      return {
        number: c.number,
        priority: c.priority,
        applicableToAll: c.applicableToAll,
        status: ans?.status ?? 'to_assess',
        justification: ans?.justification ?? '',
        actionOwner: ans?.actionOwner ?? null,
        actionDue: ans?.actionDue ?? null,
        text: { fr: criterionWording(c, 'fr'), en: criterionWording(c, 'en') },
      };
    }),
  };
  const previousScore =
    num(a.previous_score) ?? (await lastPublishedScore(db, a.organisation_id, a.service_name, a.id));
  const plan = { previousScore, targetScore: num(a.target_score), targetDate: a.target_date };
  return {
    id: null,
    assessmentId: a.id,
    organisationId: a.organisation_id,
    version: null,
    serviceName: a.service_name,
    serviceUrl: a.service_url,
    referentialVersion: a.referential_version,
    score: scoreOf(criteria, answers).score,
    ...plan,
    publishedAt: null,
    withdrawnAt: null,
    snapshot,
    content: contentOf(snapshot, plan),
  };
}

type TDeclarationRow = {
  id: number;
  assessment_id: number;
  organisation_id: number;
  version: number;
  service_name: string;
  service_url: string | null;
  referential_version: string;
  score: number | null;
  previous_score: number | null;
  target_score: number | null;
  target_date: string | null;
  content_json: string;
  published_at: string;
  withdrawn_at: string | null;
};

function docOf(r: TDeclarationRow): TDeclarationDoc {
  const snapshot = ZDeclarationSnapshot.parse(JSON.parse(r.content_json));
  const plan = { previousScore: num(r.previous_score), targetScore: num(r.target_score), targetDate: r.target_date };
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    organisationId: r.organisation_id,
    version: Number(r.version),
    serviceName: r.service_name,
    serviceUrl: r.service_url,
    referentialVersion: r.referential_version,
    score: num(r.score),
    ...plan,
    publishedAt: r.published_at,
    withdrawnAt: r.withdrawn_at,
    snapshot,
    content: contentOf(snapshot, plan),
  };
}

const declarationColumns = [
  'id',
  'assessment_id',
  'organisation_id',
  'version',
  'service_name',
  'service_url',
  'referential_version',
  'score',
  'previous_score',
  'target_score',
  'target_date',
  'content_json',
  'published_at',
  'withdrawn_at',
] as const;

/** The latest published, not withdrawn, version of an assessment's declaration, or undefined. */
async function latestLive(db: DB | Tx, assessmentId: number): Promise<TDeclarationRow | undefined> {
  return db
    .selectFrom('rgesn_declarations')
    .select(declarationColumns)
    .where('assessment_id', '=', assessmentId)
    .where('withdrawn_at', 'is', null)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

/** What decides whether a new version differs: everything declared, but not the dates nor the organisation's name. */
function fingerprint(
  d: Pick<
    TDeclarationDoc,
    'serviceName' | 'serviceUrl' | 'referentialVersion' | 'previousScore' | 'targetScore' | 'targetDate' | 'snapshot'
  >,
): string {
  return JSON.stringify([
    d.serviceName,
    d.serviceUrl,
    d.referentialVersion,
    d.previousScore,
    d.targetScore,
    d.targetDate,
    d.snapshot.description,
    d.snapshot.criteria,
  ]);
}

/** Where an assessment's declaration stands: its latest live version and whether the live answers differ from it. */
export interface TPublicationState {
  latest: TDeclarationVersion | null;
  /** True when published and the live assessment differs from the latest version. */
  changed: boolean;
}

/** The publication state of an assessment (members and administrators: the caller checked access). */
export async function publicationState(db: DB, a: TAssessment): Promise<TPublicationState> {
  const latest = await latestLive(db, a.id);
  if (!latest) return { latest: null, changed: false };
  const live = await liveDeclaration(db, a);
  return {
    latest: { id: latest.id, version: Number(latest.version), publishedAt: latest.published_at },
    changed: fingerprint(live) !== fingerprint(docOf(latest)),
  };
}

/** The live draft of an assessment's declaration, for its members and administrators (preview before publishing). */
export async function getDraftDeclaration(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  assessmentId: number,
): Promise<TDeclarationDoc> {
  return liveDeclaration(db, await getRgesnAssessment(db, actor, orgId, assessmentId));
}

/** Stores `live` as the assessment's next version and keeps the assessment's publication summary in step. */
async function storeVersion(
  tx: Tx,
  live: TDeclarationDoc,
  publishedBy: number | null,
  at: string,
): Promise<{ id: number; version: number }> {
  const last = await tx
    .selectFrom('rgesn_declarations')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('assessment_id', '=', live.assessmentId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const row = await tx
    .insertInto('rgesn_declarations')
    .values({
      assessment_id: live.assessmentId,
      organisation_id: live.organisationId,
      version,
      service_name: live.serviceName,
      service_url: live.serviceUrl,
      referential_version: live.referentialVersion,
      score: live.score,
      previous_score: live.previousScore,
      target_score: live.targetScore,
      target_date: live.targetDate,
      content_json: JSON.stringify(live.snapshot),
      published_by: publishedBy,
      published_at: at,
      withdrawn_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('rgesn_assessments')
    .set({ published_at: at, published_score: live.score })
    .where('id', '=', live.assessmentId)
    .execute();
  return { id: row.id, version };
}

/**
 * Publishes a version of an assessment's declaration with no member acting: for seeds only (demo data), inside
 * the seed's transaction.
 */
export async function seedDeclarationVersion(tx: Tx, assessmentId: number, at: string): Promise<number> {
  const a = await findAssessment(tx, assessmentId);
  if (!a) throw new Error(`RGESN assessment ${assessmentId} not found`);
  return (await storeVersion(tx, await liveDeclaration(tx, a), null, at)).id;
}

/**
 * Publishes the assessment's declaration: stores a new version (snapshot) unless the latest published version
 * already says the same, in which case that version is returned unchanged. Members and administrators.
 */
export async function publishDeclaration(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  assessmentId: number,
  at = nowIso(),
): Promise<{ id: number; created: boolean }> {
  const a = await getRgesnAssessment(db, actor, orgId, assessmentId);
  return db.transaction().execute(async (tx) => {
    const live = await liveDeclaration(tx, a);
    const latest = await latestLive(tx, assessmentId);
    if (latest && fingerprint(docOf(latest)) === fingerprint(live)) return { id: latest.id, created: false };
    const { id, version } = await storeVersion(tx, live, actor!.id, at);
    await recordAudit(tx, {
      actorUserId: actor!.id,
      action: 'rgesn.declaration.publish',
      subjectType: 'rgesn_declaration',
      subjectId: id,
      details: { assessmentId, version, score: live.score },
    });
    return { id, created: true };
  });
}

/**
 * Withdraws the assessment's declaration: every published version leaves the public pages and the sitemap (they
 * are kept, dated, for the organisation). Publishing again later creates a new version. Members and administrators.
 */
export async function withdrawDeclaration(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  assessmentId: number,
  at = nowIso(),
): Promise<number> {
  await getRgesnAssessment(db, actor, orgId, assessmentId);
  return db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('rgesn_declarations')
      .set({ withdrawn_at: at })
      .where('assessment_id', '=', assessmentId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    await tx
      .updateTable('rgesn_assessments')
      .set({ published_at: null, published_score: null })
      .where('id', '=', assessmentId)
      .execute();
    const n = Number(res.numUpdatedRows);
    await recordAudit(tx, {
      actorUserId: actor!.id,
      action: 'rgesn.declaration.withdraw',
      subjectType: 'rgesn_assessment',
      subjectId: assessmentId,
      details: { versions: n },
    });
    return n;
  });
}

/** The published versions of an assessment's declaration, newest first (withdrawn ones left out). */
export async function liveVersions(db: DB, assessmentId: number): Promise<TDeclarationVersion[]> {
  const rows = await db
    .selectFrom('rgesn_declarations')
    .select(['id', 'version', 'published_at'])
    .where('assessment_id', '=', assessmentId)
    .where('withdrawn_at', 'is', null)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, version: Number(r.version), publishedAt: r.published_at }));
}

/** A stored declaration to show, or where an old link (an assessment id) now points. */
export type TDeclarationLookup =
  | { kind: 'declaration'; doc: TDeclarationDoc; versions: TDeclarationVersion[] }
  | { kind: 'redirect'; id: number };

/**
 * `/declarations/:id`: a declaration id names a stored version, public unless withdrawn (withdrawn ones: members
 * of the organisation and administrators only, 404 for others). An id that names no declaration is read as the
 * assessment id that links carried before snapshots existed, and leads to its latest published version; else 404.
 */
export async function lookupDeclaration(db: DB, actor: TCurrentUser | null, id: number): Promise<TDeclarationLookup> {
  const row = await db
    .selectFrom('rgesn_declarations')
    .select(declarationColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    const latest = await latestLive(db, id);
    if (!latest) throw notFound();
    return { kind: 'redirect', id: latest.id };
  }
  if (row.withdrawn_at && !canActForOrganisation(actor, row.organisation_id)) throw notFound();
  return { kind: 'declaration', doc: docOf(row), versions: await liveVersions(db, row.assessment_id) };
}

/** Public paths of the latest published version of every declaration not withdrawn (for the sitemap). */
export async function publishedDeclarationIds(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom('rgesn_declarations')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('withdrawn_at', 'is', null)
    .groupBy('assessment_id')
    .execute();
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * The declarations an organisation has published, for its public page in the directory: per digital service, the
 * latest version not withdrawn, by service name. Public data: no policy check.
 */
export async function publishedDeclarationsOf(
  db: DB,
  orgId: number,
): Promise<{ id: number; serviceName: string; publishedAt: string; score: number | null }[]> {
  const latest = db
    .selectFrom('rgesn_declarations')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('organisation_id', '=', orgId)
    .where('withdrawn_at', 'is', null)
    .groupBy('assessment_id');
  const rows = await db
    .selectFrom('rgesn_declarations')
    .select(['id', 'service_name', 'published_at', 'score'])
    .where('id', 'in', latest)
    .orderBy('service_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    serviceName: r.service_name,
    publishedAt: r.published_at,
    score: r.score === null ? null : Number(r.score),
  }));
}
