/**
 * One API style, checked on a seeded demo network: every documented GET of /api/v1 answers JSON whose property
 * names are all snake_case, lists carry their pagination headers, errors are RFC 9457 problems, and
 * openapi.json is a valid OpenAPI 3.1 document for a real parser.
 */
import { compileErrors, validate } from '@readme/openapi-parser';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/features/accounts/create-user.js';
import type { AppEnv } from '../src/http/env.js';
import { reviewYears } from '../src/features/review/review-years.js';
import { seedAll } from '../src/seed.js';
import { testApp, testConfig } from './helpers/app.js';
import { camelCaseKeys } from './helpers/api-json.js';
import { describeEachDb, type TTestDb, createTestDb } from './helpers/db.js';

type TOpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }>;
      }
    >
  >;
};

/** Property names declared anywhere in a JSON Schema (`properties` keys), with where they are. */
function schemaPropertyNames(schema: unknown, where: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => schemaPropertyNames(s, `${where}[${i}]`));
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, inner]) =>
    key === 'properties' && inner && typeof inner === 'object'
      ? [...Object.keys(inner).map((name) => `${where}.${name}`), ...schemaPropertyNames(inner, `${where}.properties`)]
      : schemaPropertyNames(inner, `${where}.${key}`),
  );
}

const isSnakeCase = (name: string) => !/[a-z0-9][A-Z]/.test(name.slice(name.lastIndexOf('.') + 1));

describeEachDb('one API style on the demo network', (kind) => {
  let t: TTestDb;
  let app: Hono<AppEnv>;
  let auth: Record<string, string>;
  let spec: TOpenApi;
  /** Values for the path parameters of each documented path, found in the seeded data. */
  const values: Record<string, Record<string, string | number>> = {};

  beforeAll(async () => {
    t = await createTestDb(kind);
    // The review counts demo organisations only on a demonstration installation.
    await seedAll(t.db, testConfig({ TECHCARE_DEMO: 'true' }), true, () => undefined);
    app = testApp(t.db, { TECHCARE_DEMO: 'true' });
    const admin = await t.db
      .selectFrom('users')
      .select('id')
      .where('platform_role', '=', 'admin')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    auth = { authorization: `Bearer ${await createApiToken(t.db, admin.id, 'api-style')}` };
    spec = (await (await app.request('/api/v1/openapi.json')).json()) as TOpenApi;

    const db = t.db;
    const fp = await db
      .selectFrom('footprint_results')
      .select(['organisation_id', 'year'])
      .where('is_current', '=', 1)
      .orderBy('organisation_id')
      .executeTakeFirstOrThrow();
    const maturity = await db
      .selectFrom('maturity_assessments')
      .select('organisation_id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const rgesn = await db
      .selectFrom('rgesn_assessments')
      .select(['id', 'organisation_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const declaration = await db
      .selectFrom('rgesn_declarations')
      .select('id')
      .where('withdrawn_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const workshop = await db
      .selectFrom('workshops')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const firstId = async (path: string, pick: (body: never) => { id: number }[]) =>
      pick((await (await app.request(`/api/v1${path}`, { headers: auth })).json()) as never)[0]!.id;
    const signatory = await firstId('/organisations', (b: { id: number }[]) => b);
    const resource = await firstId('/resources', (b: { id: number }[]) => b);
    const report = await firstId('/experience-reports', (b: { id: number }[]) => b);
    const training = await firstId('/trainings', (b: { trainings: { id: number }[] }) => b.trainings);
    const years = await reviewYears(db, true);
    Object.assign(values, {
      '/organisations/{id}': { id: signatory },
      '/organisations/{id}/inventories/{year}': { id: fp.organisation_id, year: fp.year },
      '/organisations/{id}/footprints/{year}': { id: fp.organisation_id, year: fp.year },
      '/organisations/{id}/cloud-billing/{year}': { id: fp.organisation_id, year: fp.year },
      '/organisations/{id}/maturity': { id: maturity.organisation_id },
      '/organisations/{id}/rgesn-assessments': { id: rgesn.organisation_id },
      '/organisations/{id}/rgesn-assessments/{aid}': { id: rgesn.organisation_id, aid: rgesn.id },
      '/declarations/{id}': { id: declaration.id },
      '/workshops/{id}': { id: workshop.id },
      '/resources/{id}': { id: resource },
      '/experience-reports/{id}': { id: report },
      '/trainings/{id}': { id: training },
      '/reviews/{year}': { year: years.at(-1) ?? '' },
    });
  }, 240_000);
  afterAll(() => t.destroy());

  const emptyInDemo = new Set(['/organisations/{id}/cloud-billing/{year}']);
  it('answers every documented GET with snake_case JSON, and lists with Link and X-Total-Count', async () => {
    expect(camelCaseKeys({ a: [{ factorSet: 1, by_phase: { BLD: 1 } }] })).toEqual(['$.a[0].factorSet']);
    const gets = Object.entries(spec.paths).filter(([, ops]) => ops.get);
    expect(gets.length).toBeGreaterThanOrEqual(18);
    for (const [path, ops] of gets) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const v = values[path]?.[name];
        if (v === undefined || v === '') throw new Error(`no value for {${name}} of ${path}: add it to the test`);
        return String(v);
      });
      const res = await app.request(`/api/v1${url}`, { headers: auth });
      if (emptyInDemo.has(path)) {
        // The demo network imports no cloud billing export: the answer is a documented 404 problem (its 200 body
        // is checked by the cloud billing tests).
        expect(res.status, url).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        continue;
      }
      expect(res.status, `${url}: ${await res.clone().text()}`).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body: unknown = await res.json();
      expect(camelCaseKeys(body), url).toEqual([]);
      expect(JSON.stringify(body).length, `${url} answers data`).toBeGreaterThan(20);
      if (ops.get!.responses['200']!.headers) {
        expect(res.headers.get('x-total-count'), url).toMatch(/^\d+$/);
        expect(res.headers.get('link'), url).toContain('rel="first"');
      }
    }
  });

  it('answers an inventory upload and its refusal in snake_case', async () => {
    const { id, year } = values['/organisations/{id}/footprints/{year}']!;
    const post = (lines: unknown[]) =>
      app.request(`/api/v1/organisations/${id}/inventories/${year}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ lines }),
      });
    const ok = await post([{ category: 'laptop', quantity: 3, purchase_year: Number(year) - 1 }]);
    expect(ok.status, await ok.clone().text()).toBe(201);
    const summary = (await ok.json()) as Record<string, unknown>;
    expect(camelCaseKeys(summary)).toEqual([]);
    expect(summary).toHaveProperty('import_id');
    expect(summary).toHaveProperty('data_quality.default_share');
    const footprint = (await (
      await app.request(`/api/v1/organisations/${id}/footprints/${year}`, { headers: auth })
    ).json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(footprint)).toEqual(
      expect.arrayContaining([
        'methodology',
        'by_phase',
        'by_tier',
        'by_category',
        'data_quality',
        'energy',
        'warnings',
      ]),
    );
    expect(footprint.methodology).toHaveProperty('factor_set');
    expect(footprint.by_category).toHaveProperty('laptop');
    expect(footprint.by_phase).toHaveProperty('BLD');
    const refused = await post([{ category: 'laptop', quantity: -1 }]);
    expect(refused.status).toBe(422);
    expect(camelCaseKeys(await refused.json())).toEqual([]);
  });

  it('documents snake_case properties only, the Problem schema on every error and the pagination headers on every list', () => {
    const names = schemaPropertyNames(spec.paths, '$');
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => !isSnakeCase(n))).toEqual([]);
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400)
            expect(response.content?.['application/problem+json']?.schema, `${method} ${path} ${status}`).toEqual({
              $ref: '#/components/schemas/Problem',
            });
        }
      }
    }
    for (const path of [
      '/organisations',
      '/workshops',
      '/trainings',
      '/resources',
      '/experience-reports',
      '/levers',
      '/organisations/{id}/maturity',
      '/organisations/{id}/inventories/{year}',
    ]) {
      expect(Object.keys(spec.paths[path]!.get!.responses['200']!.headers ?? {}), path).toEqual([
        'Link',
        'X-Total-Count',
      ]);
    }
  });
});

describe('openapi.json', () => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
  });
  afterAll(() => t.destroy());

  it('is a valid OpenAPI 3.1 document for a real parser', async () => {
    const doc = (await (await testApp(t.db).request('/api/v1/openapi.json')).json()) as Record<string, unknown>;
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('is refused by the same parser when it breaks the specification (the check can fail)', async () => {
    const doc = (await (await testApp(t.db).request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters: { in: string }[] }>>;
    };
    const broken = structuredClone(doc);
    // A body parameter is Swagger 2.0, not OpenAPI 3.x.
    broken.paths['/workshops']!.get!.parameters[0]!.in = 'body';
    const result = await validate(broken as never);
    expect(result.valid).toBe(false);
  });
});
