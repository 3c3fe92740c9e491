/**
 * API errors are RFC 9457 problem details built by one function: the media type, the standard members, the
 * `code` and `errors` extensions, the first contract's `error` member, and no stack in a 500.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../src/http/env.js';
import { AppError, handleError } from '../src/http/errors.js';
import { seedAll } from '../src/seed.js';
import { testApp, testConfig } from './helpers/app.js';
import { describeEachDb, type TTestDb, createTestDb } from './helpers/db.js';
import { apiTokenFor, makeOrganisation, makeUser } from './helpers/factories.js';

type TProblem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors: { field: string; path?: string; line?: number; message: string }[];
  error: { code: string; message: string; details: unknown[] };
};

/** Reads a response that must be a problem, checking what every problem carries. */
async function problem(res: Response, status: number, code: string): Promise<TProblem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = JSON.parse(text) as TProblem;
  expect(body).toMatchObject({ type: `/api/v1/problems/${code}`, status, code, error: { code, message: body.detail } });
  expect(body.title).toMatch(/^[A-Z][A-Za-z ]+$/);
  expect(body.instance).toMatch(/^\/api\/v1\//);
  expect(Array.isArray(body.errors)).toBe(true);
  return body;
}

describeEachDb('API errors as problem details', (kind) => {
  let t: TTestDb;
  let app: Hono<AppEnv>;
  let orgId: number;
  let member: Record<string, string>;
  let outsider: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedAll(t.db, testConfig(), false, () => undefined);
    app = testApp(t.db);
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    orgId = (await makeOrganisation(t.db, { ownerId: owner.id, signed: true })).id;
    member = { authorization: `Bearer ${await apiTokenFor(t.db, owner.id)}` };
    outsider = { authorization: `Bearer ${await apiTokenFor(t.db, other.id)}` };
  }, 120_000);
  afterAll(() => t.destroy());

  it('404: an unknown API path and an unknown resource', async () => {
    const path = await problem(await app.request('/api/v1/no-such-thing'), 404, 'not_found');
    expect(path.instance).toBe('/api/v1/no-such-thing');
    const workshop = await problem(await app.request('/api/v1/workshops/424242'), 404, 'not_found');
    expect(workshop).toMatchObject({
      title: 'Not Found',
      instance: '/api/v1/workshops/424242',
      detail: 'No such workshop',
    });
    await problem(
      await app.request(`/api/v1/organisations/${orgId}/footprints/2019`, { headers: member }),
      404,
      'not_found',
    );
  });

  it('401: no token on a member route, and a wrong token anywhere', async () => {
    const none = await app.request(`/api/v1/organisations/${orgId}/maturity`);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    await problem(none, 401, 'unauthenticated');
    const wrong = await problem(
      await app.request('/api/v1/workshops', { headers: { authorization: 'Bearer not-a-token' } }),
      401,
      'invalid_token',
    );
    expect(wrong.title).toBe('Unauthorized');
  });

  it('403: a valid token for an organisation its user is not a member of', async () => {
    await problem(
      await app.request(`/api/v1/organisations/${orgId}/footprints/2024`, { headers: outsider }),
      403,
      'forbidden',
    );
  });

  it('422: an inventory with line errors names each line and field, and saves nothing', async () => {
    const res = await app.request(`/api/v1/organisations/${orgId}/inventories/2024`, {
      method: 'POST',
      headers: { ...member, 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ category: 'laptop', quantity: -1 }, { category: 'spaceship' }] }),
    });
    const body = await problem(res, 422, 'invalid_inventory');
    expect(body.title).toBe('Unprocessable Content');
    expect(body.errors.map((e) => e.line)).toEqual([1, 2]);
    for (const e of body.errors) {
      expect(e.field).not.toBe('');
      expect(e.message).not.toBe('');
    }
    expect(body.errors[0]!.field).toBe('quantity');
    expect(body.error.details).toHaveLength(2);
    await problem(
      await app.request(`/api/v1/organisations/${orgId}/inventories/2024`, { headers: member }),
      404,
      'not_found',
    );
  });

  it('400: an invalid query parameter is named in errors', async () => {
    const body = await problem(await app.request('/api/v1/workshops?per_page=1000'), 400, 'invalid_input');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'per_page', path: 'per_page' })]);
    const filter = await problem(await app.request('/api/v1/levers?tier=moon'), 400, 'invalid_input');
    expect(filter.errors.map((e) => e.field)).toEqual(['tier']);
  });

  it('413 and 415: an oversized declared body and a content type the route does not take', async () => {
    const url = `/api/v1/organisations/${orgId}/inventories/2024`;
    await problem(
      await app.request(url, {
        method: 'POST',
        headers: { ...member, 'content-type': 'text/plain' },
        body: 'category\nlaptop',
      }),
      415,
      'unsupported_media_type',
    );
    await problem(
      await app.request(url, {
        method: 'POST',
        headers: { ...member, 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
        body: '{}',
      }),
      413,
      'payload_too_large',
    );
  });

  it('the problem type leads to its explanation on the API page', async () => {
    const res = await app.request('/api/v1/problems/invalid_inventory');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/developers#problem-invalid_inventory');
    const page = await (await app.request('/developers', { headers: { 'accept-language': 'en' } })).text();
    expect(page).toContain('id="problem-invalid_inventory"');
    expect((await app.request('/api/v1/problems/some_route_code')).headers.get('location')).toBe(
      '/developers#problem-types',
    );
  });
});

describe('one builder for every status', () => {
  function appThrowing(err: Error): Hono<AppEnv> {
    const app = new Hono<AppEnv>();
    // The unexpected error goes to the request's logger (checked elsewhere); here it stays quiet.
    app.use('*', async (c, next) => {
      c.set('log', { error: () => undefined } as never);
      await next();
    });
    app.get('/api/v1/thing', () => {
      throw err;
    });
    app.onError((e, c) => handleError(e, c));
    return app;
  }

  it.each([
    [400, 'bad_request', 'Bad Request'],
    [401, 'unauthenticated', 'Unauthorized'],
    [403, 'forbidden', 'Forbidden'],
    [404, 'not_found', 'Not Found'],
    [409, 'already_registered', 'Conflict'],
    [413, 'payload_too_large', 'Content Too Large'],
    [415, 'unsupported_media_type', 'Unsupported Media Type'],
    [422, 'invalid_params', 'Unprocessable Content'],
    [429, 'too_many_invitations', 'Too Many Requests'],
  ] as const)('%i from an AppError', async (status, code, title) => {
    const res = await appThrowing(
      new AppError(status, code, 'What went wrong', [{ path: 'name', message: 'required' }]),
    ).request('/api/v1/thing');
    const body = await problem(res, status, code);
    expect(body).toMatchObject({
      title,
      detail: 'What went wrong',
      instance: '/api/v1/thing',
      errors: [{ field: 'name', path: 'name', message: 'required' }],
    });
    expect(body.error.details).toEqual([{ path: 'name', message: 'required' }]);
  });

  it('413 and 415 from the framework', async () => {
    await problem(
      await appThrowing(new HTTPException(413, { message: 'too big' })).request('/api/v1/thing'),
      413,
      'payload_too_large',
    );
    await problem(
      await appThrowing(new HTTPException(415, { message: 'no' })).request('/api/v1/thing'),
      415,
      'unsupported_media_type',
    );
  });

  it('500 says nothing of the error: no message, no stack, no details', async () => {
    const err = new Error('database password is hunter2');
    const res = await appThrowing(err).request('/api/v1/thing');
    const text = await res.clone().text();
    const body = await problem(res, 500, 'internal');
    expect(body).toMatchObject({ title: 'Internal Server Error', detail: 'Internal error', errors: [] });
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
