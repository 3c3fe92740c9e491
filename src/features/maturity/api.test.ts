import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../../db/client.js';
import type { AppEnv, TCurrentUser } from '../../http/env.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { allQuestionIds, maturityGrid, scoreMaturity, type TMaturityLevel } from '../../referentials/maturity-grid.js';
import { testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { apiTokenFor, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { saveDimensionAnswers, startMaturityAssessment } from './maturity-assessments.js';
import { answerFingerprint, createRgesnAssessment, saveRgesnAnswers } from './rgesn-assessments.js';
import { publishDeclaration, withdrawDeclaration } from './rgesn-declarations.js';
import { latestReferentialId, loadCriteria } from './rgesn-referential.js';
import { seedMaturity } from './seed.js';

/** Answers every question of a new assessment with `level(q)` through the service, as a member would. */
async function completeAssessment(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  level: (q: string) => TMaturityLevel,
  at: string,
): Promise<number> {
  const id = await startMaturityAssessment(db, actor, orgId, at);
  for (const d of maturityGrid)
    await saveDimensionAnswers(
      db,
      actor,
      orgId,
      id,
      d.id,
      Object.fromEntries(d.questions.map((q) => [q, level(q)])),
      at,
    );
  return id;
}

describeEachDb('maturity JSON API', (kind) => {
  let t: TTestDb;
  let db: DB;
  let app: Hono<AppEnv>;
  let orgId: number;
  let otherOrgId: number;
  let alice: TCurrentUser;
  let memberToken: string;
  let outsiderToken: string;
  let adminToken: string;
  let maturityIds: number[];
  let rgesnId: number;
  const levelsByAssessment: ((q: string) => TMaturityLevel)[] = [
    () => 1,
    (q) => (q.startsWith('awareness') ? 5 : 3),
    () => 4,
  ];

  const get = (path: string, token?: string) =>
    app.request(`/api/v1${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    await seedMaturity({ db, config: testConfig(), demo: false, log: () => undefined });
    app = testApp(db);
    const aliceId = (await makeUser(db, { name: 'Alice' })).id;
    const bobId = (await makeUser(db, { name: 'Bob' })).id;
    const adminId = (await makeUser(db, { admin: true })).id;
    orgId = (await makeOrganisation(db, { ownerId: aliceId, name: 'Acme' })).id;
    otherOrgId = (await makeOrganisation(db, { ownerId: bobId, name: 'Globex' })).id;
    alice = (await loadCurrentUser(db, aliceId))!;
    memberToken = await apiTokenFor(db, aliceId);
    outsiderToken = await apiTokenFor(db, bobId);
    adminToken = await apiTokenFor(db, adminId);
    maturityIds = [];
    for (const [i, level] of levelsByAssessment.entries())
      maturityIds.push(await completeAssessment(db, alice, orgId, level, `2025-0${i + 1}-15T10:00:00.000Z`));
    rgesnId = await createRgesnAssessment(db, alice, orgId, {
      serviceName: 'Portail',
      serviceUrl: 'https://portail.example.org',
      description: 'Portail client',
    });
  });
  afterAll(async () => t?.destroy());

  it('lists the maturity assessments newest first with overall and dimension levels, paginated with a Link header', async () => {
    const res = await get(`/organisations/${orgId}/maturity?per_page=2`, memberToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('3');
    expect(res.headers.get('link')).toContain('rel="next"');
    const body = (await res.json()) as {
      total: number;
      data: {
        id: number;
        completed_at: string;
        overall_level: number;
        dimensions: Record<string, { level: number; score: number }>;
      }[];
    };
    expect(body.total).toBe(3);
    expect(body.data.map((a) => a.id)).toEqual([maturityIds[2], maturityIds[1]]);
    const expected = scoreMaturity(Object.fromEntries(allQuestionIds.map((q) => [q, levelsByAssessment[1]!(q)])));
    const second = body.data[1]!;
    expect(second.completed_at).toBe('2025-02-15T10:00:00.000Z');
    expect(second.overall_level).toBe(expected.level);
    expect(Object.keys(second.dimensions).sort()).toEqual(maturityGrid.map((d) => d.id).sort());
    for (const d of expected.dimensions) {
      expect(second.dimensions[d.id]!.level).toBe(d.level);
      expect(second.dimensions[d.id]!.score).toBeCloseTo(d.score, 3);
    }
    const page2 = await get(`/organisations/${orgId}/maturity?per_page=2&page=2`, memberToken);
    expect(((await page2.json()) as { data: { id: number }[] }).data.map((a) => a.id)).toEqual([maturityIds[0]]);
    expect(page2.headers.get('link')).toContain('rel="prev"');
    expect(page2.headers.get('link')).not.toContain('rel="next"');
  });

  it('refuses the maturity list to visitors (401), wrong tokens (401), other organisations (403); 404 for an unknown organisation', async () => {
    const visitor = await get(`/organisations/${orgId}/maturity`);
    expect(visitor.status).toBe(401);
    expect(await errorCode(visitor)).toBe('unauthenticated');
    const wrong = await get(`/organisations/${orgId}/maturity`, 'not-a-token');
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe('invalid_token');
    const outsider = await get(`/organisations/${orgId}/maturity`, outsiderToken);
    expect(outsider.status).toBe(403);
    expect(await errorCode(outsider)).toBe('forbidden');
    expect((await get(`/organisations/${otherOrgId}/maturity`, outsiderToken)).status).toBe(200);
    const unknown = await get(`/organisations/999999/maturity`, adminToken);
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('not_found');
    expect((await get(`/organisations/${orgId}/maturity`, adminToken)).status).toBe(200);
  });

  it('lists the RGESN assessments with referential version, score and publication state, and gives one with its answers', async () => {
    const criteria = await loadCriteria(db, (await latestReferentialId(db))!);
    const [first, second] = criteria;
    await saveRgesnAnswers(db, alice, orgId, rgesnId, [
      {
        number: first!.number,
        status: 'validated',
        justification: 'Audit fait',
        actionOwner: null,
        actionDue: null,
        seen: answerFingerprint(undefined),
      },
      {
        number: second!.number,
        status: 'in_progress',
        justification: 'En cours',
        actionOwner: 'Zoé',
        actionDue: '2026-06-30',
        seen: answerFingerprint(undefined),
      },
    ]);
    const list = await get(`/organisations/${orgId}/rgesn-assessments`, memberToken);
    expect(list.status).toBe(200);
    expect(list.headers.get('x-total-count')).toBe('1');
    const rows = (
      (await list.json()) as { data: { id: number; referential_version: string; score: number; published: boolean }[] }
    ).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: rgesnId, referential_version: '2024', published: false });
    expect(rows[0]!.score).toBeGreaterThan(0);

    const one = await get(`/organisations/${orgId}/rgesn-assessments/${rgesnId}`, memberToken);
    expect(one.status).toBe(200);
    const body = (await one.json()) as {
      score: number;
      counts: Record<string, number>;
      publication: { published: boolean };
      answers: {
        number: string;
        status: string;
        justification: string;
        action_owner: string | null;
        action_due: string | null;
      }[];
    };
    expect(body.score).toBe(rows[0]!.score);
    expect(body.answers).toHaveLength(criteria.length);
    expect(body.answers.find((a) => a.number === second!.number)).toMatchObject({
      status: 'in_progress',
      justification: 'En cours',
      action_owner: 'Zoé',
      action_due: '2026-06-30',
    });
    expect(body.answers.find((a) => a.number === first!.number)!.status).toBe('validated');
    expect(body.counts.validated).toBe(1);
    expect(body.counts.to_assess).toBe(criteria.length - 2);
    expect(body.publication.published).toBe(false);
  });

  it('refuses the RGESN routes to visitors, wrong tokens and other organisations; 404 for an assessment of another organisation', async () => {
    for (const path of [
      `/organisations/${orgId}/rgesn-assessments`,
      `/organisations/${orgId}/rgesn-assessments/${rgesnId}`,
    ]) {
      expect((await get(path)).status).toBe(401);
      expect((await get(path, 'wrong')).status).toBe(401);
      const outsider = await get(path, outsiderToken);
      expect(outsider.status).toBe(403);
      expect(await errorCode(outsider)).toBe('forbidden');
      expect((await get(path, adminToken)).status).toBe(200);
    }
    // Bob reads his own organisation, but Acme's assessment is not found there.
    const elsewhere = await get(`/organisations/${otherOrgId}/rgesn-assessments/${rgesnId}`, outsiderToken);
    expect(elsewhere.status).toBe(404);
    expect((await get(`/organisations/999999/rgesn-assessments`, memberToken)).status).toBe(404);
  });

  it('serves a declaration to anyone once published, the published snapshot only, and 404 after withdrawal', async () => {
    const other = await createRgesnAssessment(db, alice, orgId, {
      serviceName: 'Intranet',
      serviceUrl: null,
      description: '',
    });
    // Before publication, neither a would-be declaration id nor the assessment id names a published declaration.
    expect((await get(`/declarations/${other}`)).status).toBe(404);
    const { id } = await publishDeclaration(db, alice, orgId, other);
    for (const token of [undefined, outsiderToken]) {
      const res = await get(`/declarations/${id}`, token);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        id: number;
        version: number;
        service_name: string;
        organisation: { name: string };
        validated: string[];
        criteria: unknown[];
      };
      expect(body).toMatchObject({
        id,
        version: 1,
        service_name: 'Intranet',
        organisation: { name: 'Acme' },
        validated: [],
      });
      expect(body.criteria.length).toBe((await loadCriteria(db, (await latestReferentialId(db))!)).length);
    }
    expect((await get(`/declarations/${id}`, 'wrong')).status).toBe(401);

    // Answers changed after publication do not reach the published snapshot.
    const criteria = await loadCriteria(db, (await latestReferentialId(db))!);
    await saveRgesnAnswers(db, alice, orgId, other, [
      {
        number: criteria[0]!.number,
        status: 'validated',
        justification: 'Après',
        actionOwner: null,
        actionDue: null,
        seen: answerFingerprint(undefined),
      },
    ]);
    expect(((await (await get(`/declarations/${id}`)).json()) as { validated: string[] }).validated).toEqual([]);
    const state = (await (await get(`/organisations/${orgId}/rgesn-assessments/${other}`, memberToken)).json()) as {
      publication: { published: boolean; declaration_id: number; unpublished_changes: boolean };
    };
    expect(state.publication).toMatchObject({ published: true, declaration_id: id, unpublished_changes: true });

    await withdrawDeclaration(db, alice, orgId, other);
    for (const token of [undefined, memberToken]) {
      const gone = await get(`/declarations/${id}`, token);
      expect(gone.status).toBe(404);
      expect(await errorCode(gone)).toBe('not_found');
    }
  });

  it('documents every route in openapi.json', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    for (const path of [
      '/organisations/{id}/maturity',
      '/organisations/{id}/rgesn-assessments',
      '/organisations/{id}/rgesn-assessments/{aid}',
    ]) {
      expect(doc.paths[path]?.get?.security).toBeTruthy();
    }
    expect(doc.paths['/declarations/{id}']?.get).toBeTruthy();
    expect(doc.paths['/declarations/{id}']!.get!.security).toBeUndefined();
  });
});
