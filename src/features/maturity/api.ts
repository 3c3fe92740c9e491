/**
 * Maturity JSON API (read only): an organisation's maturity assessments and RGESN service assessments for its
 * members and administrators (token), and the published eco-design declarations for everyone. Every route calls
 * the feature's services, which carry the access policy; this file only shapes their results as JSON.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { documentApi, pagination, setPaginationHeaders } from '../../http/api-kit.js';
import { requireUser } from '../../http/actor.js';
import type { AppEnv } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import { dimensionIds, type TDimensionId } from '../../referentials/maturity-grid.js';
import { rgesnStatuses, type TRgesnStatus } from '../../referentials/rgesn.js';
import { listMaturityAssessments } from './maturity-assessments.js';
import { getRgesnAssessment, listRgesnAssessments, loadAnswers, scoreOf } from './rgesn-assessments.js';
import { lookupDeclaration, publicationState } from './rgesn-declarations.js';
import { loadCriteria } from './rgesn-referential.js';
import { idParam, organisationOr404 } from './shared.js';

export const api = new Hono<AppEnv>();
const TAG = 'Maturity';
const ORG = '/organisations/:id{[0-9]+}';

const ZLevel = z.number().int().min(1).max(5);
const ZStatus = z.enum(rgesnStatuses as [TRgesnStatus, ...TRgesnStatus[]]);
const ZPageQuery = z.object({ page: z.number().int().min(1).optional(), per_page: z.number().int().min(1).max(100).optional() });
const orgErrors = { 401: 'Missing or wrong token', 403: 'Not a member of the organisation', 404: 'No such organisation' };

const ZMaturityAssessmentOut = z.object({
  id: z.number(),
  status: z.enum(['draft', 'completed']),
  created_at: z.string(),
  completed_at: z.string().nullable(),
  overall_level: ZLevel.nullable(),
  overall_score: z.number().nullable(),
  /** Keyed by dimension id (strategy, measurement, …); empty while the assessment is a draft. */
  dimensions: z.record(z.string(), z.object({ level: ZLevel, score: z.number() })),
});

/** Slices an in-memory list for `?page=&per_page=` and sets the Link and X-Total-Count headers. */
function paginate<T>(c: Parameters<typeof pagination>[0], rows: T[]): T[] {
  const { page, perPage, offset } = pagination(c);
  setPaginationHeaders(c, rows.length, page, perPage);
  return rows.slice(offset, offset + perPage);
}

/**
 * The token's user and the organisation of the path: 401 without a user, 404 for an unknown organisation. The
 * membership check (403) is the service's.
 */
async function orgContext(c: Parameters<typeof pagination>[0]) {
  const user = requireUser(c);
  const org = await organisationOr404(c.get('db'), idParam(c, 'id'));
  return { user, orgId: org.id, db: c.get('db') };
}

documentApi({
  method: 'get', path: '/organisations/{id}/maturity', tag: TAG, auth: true,
  summary: 'The organisation’s maturity self-assessments, newest first, each dated with its overall level and the level and score (0–100) of every dimension. Paginated (`page`, `per_page`, `Link` header).',
  query: ZPageQuery,
  response: z.object({ total: z.number(), data: z.array(ZMaturityAssessmentOut) }),
  responses: orgErrors,
});
api.get(`${ORG}/maturity`, async (c) => {
  const { user, orgId, db } = await orgContext(c);
  // The service lists oldest first (for progress charts); an API page 1 is more useful with the latest.
  const all = (await listMaturityAssessments(db, user, orgId)).reverse();
  const rows = paginate(c, all);
  return c.json({
    total: all.length,
    data: rows.map((r) => ({
      id: r.id, status: r.status, created_at: r.createdAt, completed_at: r.completedAt, overall_level: r.overallLevel, overall_score: r.overallScore,
      dimensions: Object.fromEntries(dimensionIds.filter((d: TDimensionId) => r.dimensions[d]).map((d) => [d, r.dimensions[d]!])),
    })),
  });
});

const ZRgesnSummaryOut = z.object({
  id: z.number(),
  service_name: z.string(),
  referential_version: z.string(),
  /** Progress score 0–100 of the current answers; null when no criterion applies. */
  score: z.number().nullable(),
  published: z.boolean(),
  published_at: z.string().nullable(),
  updated_at: z.string(),
});
documentApi({
  method: 'get', path: '/organisations/{id}/rgesn-assessments', tag: TAG, auth: true,
  summary: 'The organisation’s RGESN assessments of digital services, newest first: referential version, current score, publication state. Paginated (`page`, `per_page`, `Link` header).',
  query: ZPageQuery,
  response: z.object({ total: z.number(), data: z.array(ZRgesnSummaryOut) }),
  responses: orgErrors,
});
api.get(`${ORG}/rgesn-assessments`, async (c) => {
  const { user, orgId, db } = await orgContext(c);
  const all = await listRgesnAssessments(db, user, orgId);
  const rows = paginate(c, all);
  return c.json({
    total: all.length,
    data: rows.map((r) => ({
      id: r.id, service_name: r.service_name, referential_version: r.version, score: r.score, published: r.published_at !== null, published_at: r.published_at, updated_at: r.updated_at,
    })),
  });
});

const ZRgesnDetailOut = z.object({
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
  answers: z.array(z.object({
    number: z.string(),
    status: ZStatus,
    justification: z.string(),
    action_owner: z.string().nullable(),
    action_due: z.string().nullable(),
    updated_at: z.string().nullable(),
  })),
});
documentApi({
  method: 'get', path: '/organisations/{id}/rgesn-assessments/{aid}', tag: TAG, auth: true,
  summary: 'One RGESN assessment: every criterion of its referential with its answer (status, justification, action owner and due date; `to_assess` when unanswered), the score and the publication state.',
  response: ZRgesnDetailOut,
  responses: { ...orgErrors, 404: 'No such organisation, or no such assessment in it' },
});
api.get(`${ORG}/rgesn-assessments/:aid{[0-9]+}`, async (c) => {
  const { user, orgId, db } = await orgContext(c);
  const a = await getRgesnAssessment(db, user, orgId, idParam(c, 'aid'));
  const criteria = await loadCriteria(db, a.referential_id);
  const answers = await loadAnswers(db, a.id);
  const score = scoreOf(criteria, answers);
  const state = await publicationState(db, a);
  return c.json({
    id: a.id, organisation_id: a.organisation_id, service_name: a.service_name, service_url: a.service_url, description: a.description,
    referential_version: a.referential_version, score: score.score, counts: score.counts,
    publication: {
      published: state.latest !== null, declaration_id: state.latest?.id ?? null, version: state.latest?.version ?? null,
      published_at: state.latest?.publishedAt ?? null, unpublished_changes: state.changed,
    },
    answers: criteria.map((cr) => {
      const ans = answers.get(cr.number);
      return {
        number: cr.number, status: ans?.status ?? 'to_assess', justification: ans?.justification ?? '', action_owner: ans?.actionOwner ?? null,
        action_due: ans?.actionDue ?? null, updated_at: ans?.updatedAt ?? null,
      };
    }),
  });
});

const ZDeclarationOut = z.object({
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
  plan: z.array(z.object({ number: z.string(), status: ZStatus, owner: z.string().nullable(), due: z.string().nullable(), justification: z.string() })),
  /** The criteria as published, with the wording shown then in French and English. */
  criteria: z.array(z.object({
    number: z.string(),
    priority: z.enum(['priority', 'recommended', 'moderate']),
    status: ZStatus,
    justification: z.string(),
    action_owner: z.string().nullable(),
    action_due: z.string().nullable(),
    text: z.object({ fr: z.string(), en: z.string() }),
  })),
  /** The published versions of this service's declaration, newest first. */
  versions: z.array(z.object({ id: z.number(), version: z.number(), published_at: z.string() })),
});
documentApi({
  method: 'get', path: '/declarations/{id}', tag: TAG, auth: false,
  summary: 'A published eco-design declaration (RGESN): the dated snapshot the public page /declarations/{id} shows. Withdrawn or unknown declarations answer 404.',
  response: ZDeclarationOut,
  responses: { 404: 'No such published declaration' },
});
api.get('/declarations/:id{[0-9]+}', async (c) => {
  // Always read as a visitor: a member's token must not turn this public route into a view of withdrawn versions.
  const found = await lookupDeclaration(c.get('db'), null, idParam(c, 'id'));
  // The page redirects assessment ids of old links; the API never published such links, so it names none.
  if (found.kind !== 'declaration' || found.doc.id === null || found.doc.version === null || found.doc.publishedAt === null) throw notFound('No such published declaration');
  const d = found.doc;
  return c.json({
    id: d.id, version: d.version, organisation: { id: d.organisationId, name: d.snapshot.organisationName }, service_name: d.serviceName, service_url: d.serviceUrl,
    description: d.snapshot.description, referential_version: d.referentialVersion, published_at: d.publishedAt, score: d.score, previous_score: d.previousScore,
    target_score: d.targetScore, target_date: d.targetDate, validated: d.content.validated, not_validated: d.content.notValidated, not_applicable: d.content.notApplicable,
    plan: d.content.plan,
    criteria: d.snapshot.criteria.map((cr) => ({
      number: cr.number, priority: cr.priority, status: cr.status, justification: cr.justification, action_owner: cr.actionOwner, action_due: cr.actionDue, text: cr.text,
    })),
    versions: found.versions.map((v) => ({ id: v.id, version: v.version, published_at: v.publishedAt })),
  });
});
