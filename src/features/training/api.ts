import { Hono } from 'hono';
import { z } from 'zod';
import { canActForOrganisation } from '../../http/actor.js';
import { documentApi, pagination, setPaginationHeaders, ZPagination } from '../../http/api-kit.js';
import type { AppEnv } from '../../http/env.js';
import { apiError } from '../../http/errors.js';
import { presentTraining, ZTrainingOut } from './presenters.js';
import { parseTrainingFilter, ZTrainingFilter } from './schemas.js';
import { getTraining, listTrainings } from './training-repository.js';

documentApi({
  method: 'get', path: '/trainings', summary: 'The training catalogue, filtered like the /trainings page (paginated, Link header)', tag: 'training', auth: false,
  query: ZTrainingFilter.extend(ZPagination.shape), response: z.object({ trainings: z.array(ZTrainingOut), total: z.number().int() }), list: true,
});
documentApi({ method: 'get', path: '/trainings/{id}', summary: 'One training', tag: 'training', auth: false, response: ZTrainingOut, responses: { 404: 'No such training' } });

export const trainingApi = new Hono<AppEnv>();

trainingApi.get('/trainings', async (c) => {
  const { page, perPage, offset } = pagination(c);
  const { items, total } = await listTrainings(c.get('db'), parseTrainingFilter(c.req.query()), { limit: perPage, offset });
  setPaginationHeaders(c, total, page, perPage);
  return c.json({ trainings: items.map((tr) => presentTraining(tr)), total });
});

trainingApi.get('/trainings/:id{[0-9]+}', async (c) => {
  const tr = await getTraining(c.get('db'), Number(c.req.param('id')));
  if (!tr || (tr.unpublished && !canActForOrganisation(c.get('user'), tr.organisationId))) return apiError(c, 404, 'not_found', 'No such training');
  return c.json(presentTraining(tr));
});
