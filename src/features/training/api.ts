import { Hono } from 'hono';
import { z } from 'zod';
import { canActForOrganisation, requireUser } from '../../http/actor.js';
import { moderateTrainingItem } from './moderate-items.js';
import { documentApi, pagination, parseApiInput, setPaginationHeaders, ZPagination } from '../../http/api-kit.js';
import type { AppEnv } from '../../http/env.js';
import { apiError } from '../../http/errors.js';
import { presentTraining, ZTrainingOut } from './presenters.js';
import { parseTrainingFilter, ZTrainingFilter } from './schemas.js';
import { getTraining, listTrainings } from './training-repository.js';

documentApi({
  method: 'get',
  path: '/trainings',
  summary: 'The training catalogue, filtered like the /trainings page (paginated, Link header)',
  tag: 'training',
  auth: false,
  query: ZTrainingFilter.extend(ZPagination.shape),
  response: z.object({ trainings: z.array(ZTrainingOut), total: z.number().int() }),
  list: true,
});
documentApi({
  method: 'get',
  path: '/trainings/{id}',
  summary: 'One training',
  tag: 'training',
  auth: false,
  response: ZTrainingOut,
  responses: { 404: 'No such training' },
});

export const trainingApi = new Hono<AppEnv>();

trainingApi.get('/trainings', async (c) => {
  const { page, perPage, offset } = pagination(c);
  const { items, total } = await listTrainings(c.get('db'), parseTrainingFilter(c.req.query()), {
    limit: perPage,
    offset,
  });
  setPaginationHeaders(c, total, page, perPage);
  return c.json({ trainings: items.map((tr) => presentTraining(tr)), total });
});

trainingApi.get('/trainings/:id{[0-9]+}', async (c) => {
  const tr = await getTraining(c.get('db'), Number(c.req.param('id')));
  if (!tr || (tr.unpublished && !canActForOrganisation(c.get('user'), tr.organisationId)))
    return apiError(c, 404, 'not_found', 'No such training');
  return c.json(presentTraining(tr));
});

/** An administrator's decision on a training or an offer: the reason is mailed to the author. */
const ZModerationIn = z.object({
  decision: z.enum(['unpublish', 'republish', 'approve', 'reject']),
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe('required (3 characters or more) to unpublish or reject; mailed to the author'),
});
const ZModerationOut = z.object({
  id: z.number().int(),
  kind: z.enum(['training', 'offer']),
  decision: z.string(),
  status: z.enum(['published', 'unpublished', 'pending']),
});
for (const [path, kind] of [
  ['/trainings', 'training'],
  ['/offers', 'offer'],
] as const) {
  documentApi({
    method: 'post',
    path: `${path}/{id}/moderation`,
    tag: 'training',
    auth: true,
    body: ZModerationIn,
    response: ZModerationOut,
    summary:
      kind === 'training'
        ? 'Administrators: unpublish, re-publish, approve or reject a training (the author is mailed the reason)'
        : 'Administrators: unpublish or re-publish an internship offer (the author is mailed the reason)',
    responses: {
      400: 'Invalid input',
      401: 'Token required',
      403: 'Administrators only',
      404: 'No such item',
      409: 'The item is not in the state the decision applies to',
      422: 'reason_required',
    },
  });
  trainingApi.post(`${path}/:id{[0-9]+}/moderation`, async (c) => {
    const user = requireUser(c);
    const parsed = parseApiInput(c, ZModerationIn, await c.req.json().catch(() => null));
    if (!parsed.ok) return parsed.response;
    const id = Number(c.req.param('id'));
    if (kind === 'offer' && (parsed.data.decision === 'approve' || parsed.data.decision === 'reject'))
      return apiError(c, 400, 'invalid_input', 'Offers are only unpublished or re-published', [
        { path: 'decision', message: 'unpublish or republish' },
      ]);
    await moderateTrainingItem(
      c.get('db'),
      c.get('config'),
      user,
      kind,
      id,
      parsed.data.decision,
      parsed.data.reason ?? '',
    );
    const status =
      parsed.data.decision === 'unpublish' || parsed.data.decision === 'reject' ? 'unpublished' : 'published';
    return c.json({ id, kind, decision: parsed.data.decision, status });
  });
}
