import { Hono } from 'hono';
import { z } from 'zod';
import { documentApi, pagination, parseApiInput, setPaginationHeaders } from '../../http/api-kit.js';
import type { AppEnv } from '../../http/env.js';
import { apiError } from '../../http/errors.js';
import { licences, maturityLevelIds, resourceKinds, themes } from './constants.js';
import { getExperienceReport, listExperienceReports } from './list-experience-reports.js';
import { getResource, listResources } from './list-resources.js';
import { publicUrl } from '../../config.js';
import { presentExperienceReport, presentResource, ZReportOut, ZResourceOut } from './presenters.js';
import { ZSlug } from './constants.js';
import { requireUser } from '../../http/actor.js';
import { moderateComment } from './comments.js';
import { moderatePublication } from './moderate-publication.js';

export const knowledgeApi = new Hono<AppEnv>();

const ZApiFilter = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(resourceKinds).optional(),
  language: z.enum(['fr', 'en']).optional(),
  theme: z.enum(themes).optional(),
  level: z.coerce
    .number()
    .int()
    .refine((n) => (maturityLevelIds as readonly number[]).includes(n))
    .optional(),
  lever: ZSlug.optional(),
  licence: z.enum(licences).optional(),
  page: z.coerce.number().int().min(1).optional(),
  per_page: z.coerce.number().int().min(1).max(100).optional(),
});

documentApi({
  method: 'get',
  path: '/resources',
  tag: 'knowledge',
  auth: false,
  query: ZApiFilter,
  summary:
    "Resource library: published resources (plus the caller organisations' pending ones), searchable in French and English, filterable, paginated",
  response: z.array(ZResourceOut),
  list: true,
  responses: { 400: 'Invalid filter' },
});
knowledgeApi.get('/resources', async (c) => {
  const input = parseApiInput(c, ZApiFilter, c.req.query());
  if (!input.ok) return input.response;
  const { page, perPage, offset } = pagination(c);
  const { total, items } = await listResources(c.get('db'), c.get('user'), input.data, { offset, limit: perPage });
  setPaginationHeaders(c, total, page, perPage);
  const base = publicUrl(c.get('config'));
  return c.json(items.map((r) => presentResource(base, r)));
});

documentApi({
  method: 'get',
  path: '/resources/{id}',
  tag: 'knowledge',
  auth: false,
  summary: 'One resource',
  response: ZResourceOut,
  responses: { 404: 'Unknown or not visible' },
});
knowledgeApi.get('/resources/:id', async (c) => {
  const id = Number(c.req.param('id'));
  const r = Number.isInteger(id) && id > 0 ? await getResource(c.get('db'), c.get('user'), id) : null;
  if (!r) return apiError(c, 404, 'not_found', 'No such resource');
  const base = publicUrl(c.get('config'));
  return c.json(
    presentResource(base, {
      id: r.id,
      title: r.title,
      summary: r.summary,
      kind: r.kind,
      language: r.language,
      publishedOn: r.published_on,
      licence: r.licence,
      status: r.status,
      organisationId: r.organisation_id,
      organisationName: r.org_name,
      organisationSlug: r.org_slug,
      isDemo: r.is_demo === 1,
      hasFile: r.file_key !== null,
      url: r.url,
      tags: r.tags,
    }),
  );
});

const ZReportFilter = z.object({
  q: z.string().max(200).optional(),
  lever: ZSlug.optional(),
  page: z.coerce.number().int().min(1).optional(),
  per_page: z.coerce.number().int().min(1).max(100).optional(),
});
documentApi({
  method: 'get',
  path: '/experience-reports',
  tag: 'knowledge',
  auth: false,
  query: ZReportFilter,
  summary: 'Experience reports with their measured changes, filterable by lever, paginated',
  response: z.array(ZReportOut),
  list: true,
});
knowledgeApi.get('/experience-reports', async (c) => {
  const input = parseApiInput(c, ZReportFilter, c.req.query());
  if (!input.ok) return input.response;
  const { page, perPage, offset } = pagination(c);
  const { total, items } = await listExperienceReports(c.get('db'), c.get('user'), input.data, {
    offset,
    limit: perPage,
  });
  setPaginationHeaders(c, total, page, perPage);
  const base = publicUrl(c.get('config'));
  return c.json(items.map((r) => presentExperienceReport(base, r)));
});

documentApi({
  method: 'get',
  path: '/experience-reports/{id}',
  tag: 'knowledge',
  auth: false,
  summary: 'One experience report',
  response: ZReportOut,
  responses: { 404: 'Unknown or not visible' },
});
knowledgeApi.get('/experience-reports/:id', async (c) => {
  const id = Number(c.req.param('id'));
  const r = Number.isInteger(id) && id > 0 ? await getExperienceReport(c.get('db'), c.get('user'), id) : null;
  if (!r) return apiError(c, 404, 'not_found', 'No such report');
  return c.json(presentExperienceReport(publicUrl(c.get('config')), r));
});

/** An administrator's decision on a resource, a report or a comment; the reason is mailed to the author. */
const ZPublicationModerationIn = z.object({
  decision: z.enum(['approve', 'reject', 'unpublish', 'republish']),
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe('required (3 characters or more) to reject or unpublish; mailed to the author'),
});
const ZCommentModerationIn = z.object({
  decision: z.enum(['hide', 'restore']),
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe('required (3 characters or more) to hide; mailed to the author'),
});
const ZModerationOut = z.object({ id: z.number().int(), decision: z.string(), status: z.string() });
const moderationResponses = {
  400: 'Invalid input',
  401: 'Token required',
  403: 'Administrators only',
  404: 'Unknown',
  409: 'Already decided',
  422: 'reason_required',
};

for (const [path, docType] of [
  ['/resources', 'resource'],
  ['/experience-reports', 'report'],
] as const) {
  documentApi({
    method: 'post',
    path: `${path}/{id}/moderation`,
    tag: 'knowledge',
    auth: true,
    body: ZPublicationModerationIn,
    response: ZModerationOut,
    responses: moderationResponses,
    summary: 'Administrators: approve, reject, unpublish or re-publish (the author is mailed the reason)',
  });
  knowledgeApi.post(`${path}/:id{[0-9]+}/moderation`, async (c) => {
    const user = requireUser(c);
    const parsed = parseApiInput(c, ZPublicationModerationIn, await c.req.json().catch(() => null));
    if (!parsed.ok) return parsed.response;
    const { decision, reason = '' } = parsed.data;
    if ((decision === 'reject' || decision === 'unpublish') && reason.length < 3)
      return apiError(c, 422, 'reason_required', 'A reason of at least 3 characters is required', [
        { path: 'reason', message: 'knowledge.flash.reasonRequired' },
      ]);
    const id = Number(c.req.param('id'));
    const input =
      decision === 'approve'
        ? { approve: true as const }
        : decision === 'reject'
          ? { approve: false as const, reason }
          : decision === 'unpublish'
            ? { unpublish: true as const, reason }
            : { republish: true as const, reason };
    await moderatePublication(c.get('db'), c.get('config'), user, docType, id, input);
    return c.json({
      id,
      decision,
      status: decision === 'approve' || decision === 'republish' ? 'published' : 'rejected',
    });
  });
}

documentApi({
  method: 'post',
  path: '/comments/{id}/moderation',
  tag: 'knowledge',
  auth: true,
  body: ZCommentModerationIn,
  response: ZModerationOut,
  responses: moderationResponses,
  summary: 'Administrators: hide (unpublish) or restore a comment (the author is mailed the reason)',
});
knowledgeApi.post('/comments/:id{[0-9]+}/moderation', async (c) => {
  const user = requireUser(c);
  const parsed = parseApiInput(c, ZCommentModerationIn, await c.req.json().catch(() => null));
  if (!parsed.ok) return parsed.response;
  const id = Number(c.req.param('id'));
  await moderateComment(
    c.get('db'),
    c.get('config'),
    user,
    id,
    parsed.data.decision === 'hide',
    parsed.data.reason ?? '',
  );
  return c.json({ id, decision: parsed.data.decision, status: parsed.data.decision === 'hide' ? 'hidden' : 'visible' });
});
