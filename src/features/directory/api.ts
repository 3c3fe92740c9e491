import { Hono } from 'hono';
import { z } from 'zod';
import { publicUrl } from '../../config.js';
import { apiError } from '../../http/errors.js';
import { documentApi, pagination, parseApiInput, setPaginationHeaders, ZPagination } from '../../http/api-kit.js';
import type { AppEnv } from '../../http/env.js';
import { presentPublicOrganisation, presentSignatory, ZPublicOrganisation, ZSignatoryOut } from './presenters.js';
import { publicProfile, searchDirectory, ZDirectoryFilter } from './search-directory.js';

export const api = new Hono<AppEnv>();

const ZListQuery = ZDirectoryFilter.extend(ZPagination.shape);

documentApi({
  method: 'get',
  path: '/organisations',
  tag: 'directory',
  auth: false,
  query: ZListQuery,
  summary:
    'The public directory: validated signatories of the manifesto, searchable by name (case- and accent-insensitive), filterable by kind, sector, size and region, paginated (Link header)',
  response: z.array(ZPublicOrganisation),
  list: true,
});
api.get('/organisations', async (c) => {
  const input = parseApiInput(c, ZListQuery, c.req.query());
  if (!input.ok) return input.response;
  const { page, perPage, offset } = pagination(c);
  const { total, items } = await searchDirectory(c.get('db'), input.data, { offset, limit: perPage });
  setPaginationHeaders(c, total, page, perPage);
  const base = publicUrl(c.get('config'));
  return c.json(items.map((o) => presentPublicOrganisation(base, o)));
});

documentApi({
  method: 'get',
  path: '/organisations/{id}',
  tag: 'directory',
  auth: false,
  summary: 'The public profile of a signatory, with its signed manifesto version',
  response: ZSignatoryOut,
  responses: { 404: 'Unknown organisation or not a signatory' },
});
api.get('/organisations/:id{[0-9]+}', async (c) => {
  const org = await publicProfile(c.get('db'), { id: Number(c.req.param('id')) });
  if (!org) return apiError(c, 404, 'not_found', 'No such signatory');
  return c.json(presentSignatory(publicUrl(c.get('config')), org));
});
