/** The levers catalogue as JSON (public, read only). */
import { Hono } from 'hono';
import { z } from 'zod';
import { documentApi, pagination, parseApiInput, setPaginationHeaders } from '../../http/api-kit.js';
import type { AppEnv } from '../../http/env.js';
import { translator } from '../../i18n/index.js';
import { TIERS } from '../../lca/index.js';
import { dimensionIds, type TDimensionId } from '../../referentials/maturity-grid.js';
import { filterLevers } from './levers-pages.js';
import { presentLever, ZLeverOut } from './presenters.js';

export const api = new Hono<AppEnv>();

const ZLeverQuery = z.object({
  tier: z.enum(TIERS).optional(),
  effort: z.enum(['low', 'medium', 'high']).optional(),
  dimension: z.enum(dimensionIds as [TDimensionId, ...TDimensionId[]]).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

documentApi({
  method: 'get',
  path: '/levers',
  tag: 'actions',
  auth: false,
  query: ZLeverQuery,
  list: true,
  summary:
    'The levers catalogue (public), filterable by tier, effort and maturity dimension; titles in `lang` (else the Accept-Language)',
  response: z.array(ZLeverOut),
});
api.get('/levers', (c) => {
  const input = parseApiInput(c, ZLeverQuery, c.req.query());
  if (!input.ok) return input.response;
  const t = translator(input.data.lang ?? c.get('locale') ?? 'fr');
  const all = filterLevers(input.data);
  const { page, perPage, offset } = pagination(c);
  setPaginationHeaders(c, all.length, page, perPage);
  return c.json(all.slice(offset, offset + perPage).map((l) => presentLever(t, l)));
});
