import { Hono } from 'hono';
import { z } from 'zod';
import { publicUrl } from '../../config.js';
import { apiError } from '../../http/errors.js';
import { documentApi, pagination, parseApiInput, setPaginationHeaders, ZPagination } from '../../http/api-kit.js';
import type { AppEnv } from '../../http/env.js';
import { organisationKinds, regions, sectors, sizeBands } from '../organisations/index.js';
import { publicProfile, searchDirectory, ZDirectoryFilter } from './search-directory.js';

export const api = new Hono<AppEnv>();

/** The public profile of a signatory as the API returns it (no SIREN, no members). */
export const ZPublicOrganisation = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  sector: z.enum(sectors),
  size_band: z.enum(sizeBands),
  region: z.enum(regions),
  website: z.string().nullable(),
  description: z.string(),
  is_demo: z.boolean(),
  is_founding_partner: z.boolean(),
  url: z.string(),
});

type TRow = { id: number; slug: string; name: string; kind: string; sector: string; size_band: string; region: string; website: string | null; description: string; is_demo: number; is_founding_partner: number };
const toJson = (base: string, o: TRow) => ({ ...o, is_demo: o.is_demo === 1, is_founding_partner: o.is_founding_partner === 1, url: `${base}/directory/${o.slug}` });

const ZListQuery = ZDirectoryFilter.extend(ZPagination.shape);

documentApi({
  method: 'get', path: '/organisations', tag: 'directory', auth: false, query: ZListQuery,
  summary: 'The public directory: validated signatories of the manifesto, searchable by name (case- and accent-insensitive), filterable by kind, sector, size and region, paginated (Link header)',
  response: z.array(ZPublicOrganisation),
});
api.get('/organisations', async (c) => {
  const input = parseApiInput(c, ZListQuery, c.req.query());
  if (!input.ok) return input.response;
  const { page, perPage, offset } = pagination(c);
  const { total, items } = await searchDirectory(c.get('db'), input.data, { offset, limit: perPage });
  setPaginationHeaders(c, total, page, perPage);
  const base = publicUrl(c.get('config'));
  return c.json(items.map((o) => toJson(base, o)));
});

documentApi({
  method: 'get', path: '/organisations/{id}', tag: 'directory', auth: false,
  summary: 'The public profile of a signatory, with its signed manifesto version',
  response: ZPublicOrganisation.extend({ signature: z.object({ version: z.string(), audience: z.enum(['company', 'school']), signed_at: z.string(), validated_at: z.string().nullable() }) }),
  responses: { 404: 'Unknown organisation or not a signatory' },
});
api.get('/organisations/:id{[0-9]+}', async (c) => {
  const org = await publicProfile(c.get('db'), { id: Number(c.req.param('id')) });
  if (!org) return apiError(c, 404, 'not_found', 'No such signatory');
  const { signature, ...rest } = org;
  return c.json({ ...toJson(publicUrl(c.get('config')), rest), signature: { version: signature.version, audience: signature.audience, signed_at: signature.signed_at, validated_at: signature.decided_at } });
});
