import { Hono } from 'hono';
import { z } from 'zod';
import { nowIso } from '../../db/client.js';
import { documentApi, pagination, parseApiInput, setPaginationHeaders } from '../../http/api-kit.js';
import { requireUser } from '../../http/actor.js';
import type { AppEnv } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import { cancelRegistration, registerForWorkshop } from './register-for-workshop.js';
import { presentRegistration, presentWorkshop, ZRegistrationOut, ZWorkshopOut } from './presenters.js';
import { findWorkshop, listWorkshops } from './repository.js';
import { createWorkshops } from './save-workshop.js';
import { ZRegisterInput, ZWorkshopFilter, ZWorkshopInput } from './schemas.js';

export const api = new Hono<AppEnv>();

documentApi({
  method: 'get',
  path: '/workshops',
  summary: 'Upcoming published workshops (filters as on /workshops; from/to ISO instants), paginated with a Link header',
  tag: 'workshops',
  auth: false,
  query: ZWorkshopFilter,
  list: true,
  response: z.object({ data: z.array(ZWorkshopOut), total: z.number() }),
});
api.get('/workshops', async (c) => {
  const parsed = parseApiInput(c, ZWorkshopFilter, c.req.query());
  if (!parsed.ok) return parsed.response;
  const { page, perPage, offset } = pagination(c);
  const db = c.get('db');
  const { rows, total } = await listWorkshops(db, { ...parsed.data, from: parsed.data.from ?? nowIso(), includeCancelled: true }, { limit: perPage, offset });
  setPaginationHeaders(c, total, page, perPage);
  const origin = new URL(c.req.url).origin;
  return c.json({ data: await Promise.all(rows.map((w) => presentWorkshop(db, w, origin))), total });
});

documentApi({ method: 'get', path: '/workshops/{id}', summary: 'One published workshop', tag: 'workshops', auth: false, response: ZWorkshopOut, responses: { 404: 'No such workshop' } });
api.get('/workshops/:id{[0-9]+}', async (c) => {
  const db = c.get('db');
  const w = await findWorkshop(db, Number(c.req.param('id')));
  if (!w || w.status === 'draft') throw new AppError(404, 'not_found', 'No such workshop');
  return c.json(await presentWorkshop(db, w, new URL(c.req.url).origin));
});

documentApi({
  method: 'post',
  path: '/workshops',
  summary: 'Create a workshop or a recurring series (members of partner organisations). Local start date/time in time_zone; publish=true to publish at once',
  tag: 'workshops',
  auth: true,
  body: ZWorkshopInput,
  response: z.object({ ids: z.array(z.number()), status: z.enum(['draft', 'published']) }),
  responses: { 400: 'Invalid input', 401: 'Token required', 403: 'Not a member of a partner organisation' },
});
api.post('/workshops', async (c) => {
  const user = requireUser(c);
  const body = await c.req.json().catch(() => null);
  const parsed = parseApiInput(c, ZWorkshopInput, body);
  if (!parsed.ok) return parsed.response;
  const ids = await createWorkshops(c.get('db'), user, parsed.data);
  return c.json({ ids, status: parsed.data.publish ? 'published' : 'draft' }, 201);
});

documentApi({
  method: 'post',
  path: '/workshops/{id}/registrations',
  summary: 'Register the token’s user (member of a signatory organisation; organisation_id when they have several). A full workshop puts them on the waiting list',
  tag: 'workshops',
  auth: true,
  body: ZRegisterInput,
  response: ZRegistrationOut,
  responses: { 201: 'Registered (confirmed or waitlisted)', 400: 'organisation_required', 403: 'not_signatory', 404: 'No such workshop', 409: 'already_registered, registration_closed or workshop_cancelled' },
});
api.post('/workshops/:id{[0-9]+}/registrations', async (c) => {
  const user = requireUser(c);
  const raw = c.req.header('content-type')?.includes('json') ? await c.req.json().catch(() => ({})) : {};
  const parsed = parseApiInput(c, ZRegisterInput, raw ?? {});
  if (!parsed.ok) return parsed.response;
  const r = await registerForWorkshop(c.get('db'), c.get('config'), user, Number(c.req.param('id')), parsed.data.organisation_id);
  return c.json(presentRegistration(r), 201);
});

documentApi({
  method: 'delete',
  path: '/workshops/{id}/registrations/me',
  summary: 'Cancel the token’s user registration; the first person waiting gets the seat and a mail',
  tag: 'workshops',
  auth: true,
  response: z.object({ status: z.literal('cancelled'), promoted: z.number() }),
  responses: { 404: 'Not registered', 409: 'workshop_started' },
});
api.delete('/workshops/:id{[0-9]+}/registrations/me', async (c) => {
  const user = requireUser(c);
  const r = await cancelRegistration(c.get('db'), c.get('config'), user, Number(c.req.param('id')));
  return c.json({ status: 'cancelled', promoted: r.promoted });
});
