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
import { listMaturityAssessments } from './maturity-assessments.js';
import { getRgesnAssessment, listRgesnAssessments, loadAnswers, scoreOf } from './rgesn-assessments.js';
import { lookupDeclaration, publicationState } from './rgesn-declarations.js';
import { loadCriteria } from './rgesn-referential.js';
import {
  presentDeclaration,
  presentMaturityAssessment,
  presentRgesnAssessment,
  presentRgesnSummary,
  ZDeclarationOut,
  ZMaturityAssessmentOut,
  ZRgesnDetailOut,
  ZRgesnSummaryOut,
} from './presenters.js';
import { idParam, organisationOr404 } from './shared.js';

export const api = new Hono<AppEnv>();
const TAG = 'Maturity';
const ORG = '/organisations/:id{[0-9]+}';

const ZPageQuery = z.object({
  page: z.number().int().min(1).optional(),
  per_page: z.number().int().min(1).max(100).optional(),
});
const orgErrors = {
  401: 'Missing or wrong token',
  403: 'Not a member of the organisation',
  404: 'No such organisation',
};

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
  method: 'get',
  path: '/organisations/{id}/maturity',
  tag: TAG,
  auth: true,
  summary:
    'The organisation’s maturity self-assessments, newest first, each dated with its overall level and the level and score (0–100) of every dimension. Paginated (`page`, `per_page`, `Link` header).',
  query: ZPageQuery,
  list: true,
  response: z.object({ total: z.number(), data: z.array(ZMaturityAssessmentOut) }),
  responses: orgErrors,
});
api.get(`${ORG}/maturity`, async (c) => {
  const { user, orgId, db } = await orgContext(c);
  // The service lists oldest first (for progress charts); an API page 1 is more useful with the latest.
  const all = (await listMaturityAssessments(db, user, orgId)).reverse();
  const rows = paginate(c, all);
  return c.json({ total: all.length, data: rows.map((r) => presentMaturityAssessment(r)) });
});

documentApi({
  method: 'get',
  path: '/organisations/{id}/rgesn-assessments',
  tag: TAG,
  auth: true,
  summary:
    'The organisation’s RGESN assessments of digital services, newest first: referential version, current score, publication state. Paginated (`page`, `per_page`, `Link` header).',
  query: ZPageQuery,
  list: true,
  response: z.object({ total: z.number(), data: z.array(ZRgesnSummaryOut) }),
  responses: orgErrors,
});
api.get(`${ORG}/rgesn-assessments`, async (c) => {
  const { user, orgId, db } = await orgContext(c);
  const all = await listRgesnAssessments(db, user, orgId);
  const rows = paginate(c, all);
  return c.json({ total: all.length, data: rows.map((r) => presentRgesnSummary(r)) });
});

documentApi({
  method: 'get',
  path: '/organisations/{id}/rgesn-assessments/{aid}',
  tag: TAG,
  auth: true,
  summary:
    'One RGESN assessment: every criterion of its referential with its answer (status, justification, action owner and due date; `to_assess` when unanswered), the score and the publication state.',
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
  return c.json(presentRgesnAssessment(a, criteria, answers, score, state));
});

documentApi({
  method: 'get',
  path: '/declarations/{id}',
  tag: TAG,
  auth: false,
  summary:
    'A published eco-design declaration (RGESN): the dated snapshot the public page /declarations/{id} shows. Withdrawn or unknown declarations answer 404.',
  response: ZDeclarationOut,
  responses: { 404: 'No such published declaration' },
});
api.get('/declarations/:id{[0-9]+}', async (c) => {
  // Always read as a visitor: a member's token must not turn this public route into a view of withdrawn versions.
  const found = await lookupDeclaration(c.get('db'), null, idParam(c, 'id'));
  // The page redirects assessment ids of old links; the API never published such links, so it names none.
  if (
    found.kind !== 'declaration' ||
    found.doc.id === null ||
    found.doc.version === null ||
    found.doc.publishedAt === null
  )
    throw notFound('No such published declaration');
  return c.json(presentDeclaration(found.doc, found.versions));
});
