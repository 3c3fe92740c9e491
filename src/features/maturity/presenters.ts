/**
 * What the maturity API answers: snake_case JSON built from the services' results (assessments, RGESN answers,
 * published declarations), never their rows or objects as they are.
 */
import { z } from 'zod';
import { dimensionIds } from '../../referentials/maturity-grid.js';
import { rgesnStatuses, type TRgesnStatus } from '../../referentials/rgesn.js';
import type { listMaturityAssessments } from './maturity-assessments.js';
import type { getRgesnAssessment, listRgesnAssessments, scoreOf, TAnswers } from './rgesn-assessments.js';
import type { TDeclarationDoc, TDeclarationVersion, TPublicationState } from './rgesn-declarations.js';
import type { TCriterionRow } from './rgesn-referential.js';

const ZLevel = z.number().int().min(1).max(5);
const ZStatus = z.enum(rgesnStatuses as [TRgesnStatus, ...TRgesnStatus[]]);

export const ZMaturityAssessmentOut = z.object({
  id: z.number(),
  status: z.enum(['draft', 'completed']),
  created_at: z.string(),
  completed_at: z.string().nullable(),
  overall_level: ZLevel.nullable(),
  overall_score: z.number().nullable(),
  /** Keyed by dimension id (strategy, measurement, …); empty while the assessment is a draft. */
  dimensions: z.record(z.string(), z.object({ level: ZLevel, score: z.number() })),
});

export const ZRgesnSummaryOut = z.object({
  id: z.number(),
  service_name: z.string(),
  referential_version: z.string(),
  /** Progress score 0–100 of the current answers; null when no criterion applies. */
  score: z.number().nullable(),
  published: z.boolean(),
  published_at: z.string().nullable(),
  updated_at: z.string(),
});
export const ZRgesnDetailOut = z.object({
  id: z.number(),
  organisation_id: z.number(),
  service_name: z.string(),
  service_url: z.string().nullable(),
  description: z.string(),
  referential_version: z.string(),
  score: z.number().nullable(),
  counts: z.record(ZStatus, z.number()),
  publication: z.object({
    published: z.boolean(),
    /** The latest published version: GET /declarations/{declaration_id}. */
    declaration_id: z.number().nullable(),
    version: z.number().nullable(),
    published_at: z.string().nullable(),
    /** True when the current answers differ from the published version. */
    unpublished_changes: z.boolean(),
  }),
  answers: z.array(
    z.object({
      number: z.string(),
      status: ZStatus,
      justification: z.string(),
      action_owner: z.string().nullable(),
      action_due: z.string().nullable(),
      updated_at: z.string().nullable(),
    }),
  ),
});
export const ZDeclarationOut = z.object({
  id: z.number(),
  version: z.number(),
  organisation: z.object({ id: z.number(), name: z.string() }),
  service_name: z.string(),
  service_url: z.string().nullable(),
  description: z.string(),
  referential_version: z.string(),
  published_at: z.string(),
  score: z.number().nullable(),
  previous_score: z.number().nullable(),
  target_score: z.number().nullable(),
  target_date: z.string().nullable(),
  validated: z.array(z.string()),
  not_validated: z.array(z.object({ number: z.string(), status: ZStatus })),
  not_applicable: z.array(z.string()),
  plan: z.array(
    z.object({
      number: z.string(),
      status: ZStatus,
      owner: z.string().nullable(),
      due: z.string().nullable(),
      justification: z.string(),
    }),
  ),
  /** The criteria as published, with the wording shown then in French and English. */
  criteria: z.array(
    z.object({
      number: z.string(),
      priority: z.enum(['priority', 'recommended', 'moderate']),
      status: ZStatus,
      justification: z.string(),
      action_owner: z.string().nullable(),
      action_due: z.string().nullable(),
      text: z.object({ fr: z.string(), en: z.string() }),
    }),
  ),
  /** The published versions of this service's declaration, newest first. */
  versions: z.array(z.object({ id: z.number(), version: z.number(), published_at: z.string() })),
});

type TMaturityAssessment = Awaited<ReturnType<typeof listMaturityAssessments>>[number];
type TRgesnSummary = Awaited<ReturnType<typeof listRgesnAssessments>>[number];
type TRgesnAssessment = Awaited<ReturnType<typeof getRgesnAssessment>>;

/** A maturity self-assessment with its overall and per-dimension results (none while it is a draft). */
export function presentMaturityAssessment(r: TMaturityAssessment): z.infer<typeof ZMaturityAssessmentOut> {
  return {
    id: r.id,
    status: r.status,
    created_at: r.createdAt,
    completed_at: r.completedAt,
    overall_level: r.overallLevel,
    overall_score: r.overallScore,
    dimensions: Object.fromEntries(
      dimensionIds
        .filter((d) => r.dimensions[d])
        .map((d) => [d, { level: r.dimensions[d]!.level, score: r.dimensions[d]!.score }]),
    ),
  } as z.infer<typeof ZMaturityAssessmentOut>;
}

/** An RGESN assessment in a list: its service, referential version, score and publication state. */
export function presentRgesnSummary(r: TRgesnSummary): z.infer<typeof ZRgesnSummaryOut> {
  return {
    id: r.id,
    service_name: r.service_name,
    referential_version: r.version,
    score: r.score,
    published: r.published_at !== null,
    published_at: r.published_at,
    updated_at: r.updated_at,
  };
}

/** One RGESN assessment: every criterion of its referential with its answer (`to_assess` when unanswered). */
export function presentRgesnAssessment(
  a: TRgesnAssessment,
  criteria: TCriterionRow[],
  answers: TAnswers,
  score: ReturnType<typeof scoreOf>,
  state: TPublicationState,
): z.infer<typeof ZRgesnDetailOut> {
  return {
    id: a.id,
    organisation_id: a.organisation_id,
    service_name: a.service_name,
    service_url: a.service_url,
    description: a.description,
    referential_version: a.referential_version,
    score: score.score,
    counts: score.counts as z.infer<typeof ZRgesnDetailOut>['counts'],
    publication: {
      published: state.latest !== null,
      declaration_id: state.latest?.id ?? null,
      version: state.latest?.version ?? null,
      published_at: state.latest?.publishedAt ?? null,
      unpublished_changes: state.changed,
    },
    answers: criteria.map((cr) => {
      const ans = answers.get(cr.number);
      return {
        number: cr.number,
        status: ans?.status ?? 'to_assess',
        justification: ans?.justification ?? '',
        action_owner: ans?.actionOwner ?? null,
        action_due: ans?.actionDue ?? null,
        updated_at: ans?.updatedAt ?? null,
      };
    }),
  };
}

/** A published declaration: the dated snapshot, with the list of its published versions. */
export function presentDeclaration(
  d: TDeclarationDoc,
  versions: TDeclarationVersion[],
): z.infer<typeof ZDeclarationOut> {
  return {
    id: d.id!,
    version: d.version!,
    organisation: { id: d.organisationId, name: d.snapshot.organisationName },
    service_name: d.serviceName,
    service_url: d.serviceUrl,
    description: d.snapshot.description,
    referential_version: d.referentialVersion,
    published_at: d.publishedAt!,
    score: d.score,
    previous_score: d.previousScore,
    target_score: d.targetScore,
    target_date: d.targetDate,
    validated: d.content.validated,
    not_validated: d.content.notValidated,
    not_applicable: d.content.notApplicable,
    plan: d.content.plan.map((p) => ({
      number: p.number,
      status: p.status,
      owner: p.owner,
      due: p.due,
      justification: p.justification,
    })),
    criteria: d.snapshot.criteria.map((cr) => ({
      number: cr.number,
      priority: cr.priority,
      status: cr.status,
      justification: cr.justification,
      action_owner: cr.actionOwner,
      action_due: cr.actionDue,
      text: cr.text,
    })),
    versions: versions.map((v) => ({ id: v.id, version: v.version, published_at: v.publishedAt })),
  };
}
