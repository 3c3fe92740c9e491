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
import { readProgrammeCoverage } from './programme-coverage.js';
import { overlapsOf } from './overlaps.js';
import { parseLevels, ZRegisterInput, ZWorkshopFilter, ZWorkshopInput } from './schemas.js';

export const api = new Hono<AppEnv>();

documentApi({
  method: 'get',
  path: '/workshops',
  summary:
    'Upcoming published workshops (filters as on /workshops; from/to ISO instants), paginated with a Link header',
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
  const { rows, total } = await listWorkshops(
    db,
    { ...parsed.data, from: parsed.data.from ?? nowIso(), includeCancelled: true },
    { limit: perPage, offset },
  );
  setPaginationHeaders(c, total, page, perPage);
  const origin = new URL(c.req.url).origin;
  return c.json({ data: await Promise.all(rows.map((w) => presentWorkshop(db, w, origin))), total });
});

documentApi({
  method: 'get',
  path: '/workshops/{id}',
  summary: 'One published workshop',
  tag: 'workshops',
  auth: false,
  response: ZWorkshopOut,
  responses: { 404: 'No such workshop' },
});
api.get('/workshops/:id{[0-9]+}', async (c) => {
  const db = c.get('db');
  const w = await findWorkshop(db, Number(c.req.param('id')));
  if (!w || w.status === 'draft') throw new AppError(404, 'not_found', 'No such workshop');
  return c.json(await presentWorkshop(db, w, new URL(c.req.url).origin));
});

documentApi({
  method: 'post',
  path: '/workshops',
  summary:
    'Create a workshop or a recurring series (members of partner organisations). Local start date/time in time_zone; publish=true to publish at once',
  tag: 'workshops',
  auth: true,
  body: ZWorkshopInput,
  response: z.object({
    ids: z.array(z.number()),
    status: z.enum(['draft', 'published']),
    series_rule: z.string().nullable(),
    overlaps: z.array(
      z.object({
        workshop_id: z.number(),
        starts_at: z.string(),
        overlaps_with: z.array(
          z.object({ id: z.number(), title: z.string(), starts_at: z.string(), organisation: z.string() }),
        ),
      }),
    ),
  }),
  responses: { 400: 'Invalid input', 401: 'Token required', 403: 'Not a member of a partner organisation' },
});
api.post('/workshops', async (c) => {
  const user = requireUser(c);
  const body = await c.req.json().catch(() => null);
  const parsed = parseApiInput(c, ZWorkshopInput, body);
  if (!parsed.ok) return parsed.response;
  const db = c.get('db');
  const ids = await createWorkshops(db, user, parsed.data);
  // Occurrences at the same time as another published workshop are flagged to the organiser in the answer.
  const found = await overlapsOf(db, ids);
  const rows = await db
    .selectFrom('workshops')
    .select(['id', 'starts_at', 'series_rrule'])
    .where('id', 'in', ids)
    .orderBy('starts_at')
    .execute();
  return c.json(
    {
      ids,
      status: parsed.data.publish ? 'published' : 'draft',
      series_rule: rows[0]?.series_rrule ?? null,
      overlaps: rows
        .filter((r) => found.has(r.id))
        .map((r) => ({
          workshop_id: r.id,
          starts_at: r.starts_at,
          overlaps_with: found
            .get(r.id)!
            .map((o) => ({ id: o.id, title: o.title, starts_at: o.starts_at, organisation: o.organisation_name })),
        })),
    },
    201,
  );
});

documentApi({
  method: 'post',
  path: '/workshops/{id}/registrations',
  summary:
    'Register the token’s user (member of a signatory organisation; organisation_id when they have several). A full workshop puts them on the waiting list',
  tag: 'workshops',
  auth: true,
  body: ZRegisterInput,
  response: ZRegistrationOut,
  responses: {
    201: 'Registered (confirmed or waitlisted)',
    400: 'organisation_required',
    403: 'not_signatory',
    404: 'No such workshop',
    409: 'already_registered, registration_closed or workshop_cancelled',
  },
});
api.post('/workshops/:id{[0-9]+}/registrations', async (c) => {
  const user = requireUser(c);
  const raw = c.req.header('content-type')?.includes('json') ? await c.req.json().catch(() => ({})) : {};
  const parsed = parseApiInput(c, ZRegisterInput, raw ?? {});
  if (!parsed.ok) return parsed.response;
  const r = await registerForWorkshop(
    c.get('db'),
    c.get('config'),
    user,
    Number(c.req.param('id')),
    parsed.data.organisation_id,
  );
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

const ZCoverageOut = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      published: z.number(),
      drafts: z.number(),
      levels: z.array(z.object({ level: z.number(), published: z.number() })),
      levels_without_workshop: z.array(z.number()),
    }),
  ),
  months_without_workshop: z.array(z.string()),
  silent_partners: z.array(z.object({ id: z.number(), name: z.string() })),
});
documentApi({
  method: 'get',
  path: '/workshops/programme',
  summary:
    'The next twelve months (Paris time): published workshops per month and maturity level, months and levels without any, and the partners with nothing published in the period (administrators and organisers)',
  tag: 'workshops',
  auth: true,
  response: ZCoverageOut,
  responses: { 401: 'Token required', 403: 'Administrators and organisers only' },
});
api.get('/workshops/programme', async (c) => {
  const cov = await readProgrammeCoverage(c.get('db'), requireUser(c), new Date());
  const body: z.infer<typeof ZCoverageOut> = {
    from: cov.from,
    to: cov.to,
    months: cov.months.map((m) => ({
      month: m.key,
      published: m.published,
      drafts: m.drafts,
      levels: m.levels,
      levels_without_workshop: m.levels.filter((l) => !l.published).map((l) => l.level),
    })),
    months_without_workshop: cov.months.filter((m) => !m.published).map((m) => m.key),
    silent_partners: cov.silentPartners.map((p) => ({ id: p.organisationId, name: p.name })),
  };
  return c.json(body);
});
