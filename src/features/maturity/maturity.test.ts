import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client.js';
import { testApp, TestClient } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { allQuestionIds, maturityGrid } from '../../referentials/maturity-grid.js';
import { currentMaturityLevel, maturityDistribution, maturityLevels } from './index.js';
import { seedMaturity } from './seed.js';
import { testConfig } from '../../../test/helpers/app.js';

/** Answers a whole assessment through the forms, one dimension per POST, and returns the result page's path. */
async function answerAll(client: TestClient, orgId: number, level: (q: string) => number): Promise<string> {
  const start = await client.post(`/organisations/${orgId}/maturity/assessments`);
  expect(start.status).toBe(303);
  let location = start.headers.get('location')!;
  for (const d of maturityGrid) {
    expect(location).toContain(`/${d.id}`);
    const form: Record<string, string> = {};
    for (const q of d.questions) form[q.replace('.', '-')] = String(level(q));
    const res = await client.post(location, form);
    expect(res.status).toBe(303);
    location = res.headers.get('location')!;
  }
  return location;
}

describeEachDb('maturity assessments', (kind) => {
  let t: TTestDb;
  let db: DB;
  let member: TestClient;
  let orgId: number;
  let otherOrgId: number;

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    const owner = await makeUser(db);
    orgId = (await makeOrganisation(db, { ownerId: owner.id })).id;
    const otherOwner = await makeUser(db);
    otherOrgId = (await makeOrganisation(db, { ownerId: otherOwner.id })).id;
    member = new TestClient(testApp(db));
    await loginAs(db, member, owner.id);
  });
  afterAll(async () => t?.destroy());

  it('exports the five levels with their keys', () => {
    expect(maturityLevels.map((l) => l.key)).toEqual([
      'maturity.level.1',
      'maturity.level.2',
      'maturity.level.3',
      'maturity.level.4',
      'maturity.level.5',
    ]);
  });

  it('walks the grid dimension by dimension and shows the result with radar, strengths and gaps', async () => {
    expect(await currentMaturityLevel(db, orgId)).toBeNull();
    const resultPath = await answerAll(member, orgId, (q) =>
      q.startsWith('endoflife') ? 1 : q.startsWith('awareness') ? 5 : 3,
    );
    expect(resultPath).toMatch(/\/maturity\/assessments\/\d+\?flash=/);
    const page = await (await member.get(resultPath)).text();
    expect(page).toContain('class="radar"');
    expect(page).toContain('Sensibilisation et formation'); // strength
    expect(page).toContain('Fin de vie et réemploi'); // gap
    expect(page).toContain('/levers?dimension=endoflife');
    expect(page).toContain('/trainings?level=2');
    const level = await currentMaturityLevel(db, orgId);
    // dimension scores 3,3,3,3,3,5,1 → mean 3; weakest dimension 1 → overall capped at 2
    expect(level?.level).toBe(2);
  });

  it('rejects a dimension with a missing answer and names the question', async () => {
    const start = await member.post(`/organisations/${orgId}/maturity/assessments`);
    const location = start.headers.get('location')!;
    const res = await member.post(location, { 'strategy-policy': '3', 'strategy-sponsor': '9' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#f-strategy-sponsor"');
    expect(html).toContain('Qui porte le sujet ?');
  });

  it('keeps dated assessments and shows the history', async () => {
    await answerAll(member, orgId, () => 4);
    const html = await (await member.get(`/organisations/${orgId}/maturity`)).text();
    expect(html).toContain('Historique');
    expect((await currentMaturityLevel(db, orgId))?.level).toBe(4);
    const year = new Date().getUTCFullYear();
    const dist = await maturityDistribution(db, year);
    expect(dist.organisations).toBe(1);
    expect(dist.levels[4]).toBe(1);
    expect((await maturityDistribution(db, year - 5)).organisations).toBe(0);
  });

  it('keeps assessments private to members and administrators', async () => {
    const stranger = new TestClient(testApp(db));
    const u = await makeUser(db);
    await loginAs(db, stranger, u.id);
    expect((await stranger.get(`/organisations/${orgId}/maturity`)).status).toBe(403);
    expect((await stranger.post(`/organisations/${orgId}/maturity/assessments`)).status).toBe(403);
    const visitor = new TestClient(testApp(db));
    const v = await visitor.get(`/organisations/${orgId}/maturity`);
    expect(v.status).toBe(303);
    expect(v.headers.get('location')).toContain('/login');
    // a member of another organisation cannot open this one's assessment by id
    const list = await db
      .selectFrom('maturity_assessments')
      .select('id')
      .where('organisation_id', '=', orgId)
      .execute();
    const other = new TestClient(testApp(db));
    const otherUser = await makeUser(db);
    await addMember(db, otherOrgId, otherUser.id);
    await loginAs(db, other, otherUser.id);
    expect((await other.get(`/organisations/${otherOrgId}/maturity/assessments/${list[0]!.id}`)).status).toBe(404);
    expect((await other.get(`/organisations/${orgId}/maturity/assessments/${list[0]!.id}`)).status).toBe(403);
    const admin = new TestClient(testApp(db));
    await loginAs(db, admin, (await makeUser(db, { admin: true })).id);
    expect((await admin.get(`/organisations/${orgId}/maturity`)).status).toBe(200);
  });

  it('stores every answer of a completed assessment', async () => {
    const a = await db
      .selectFrom('maturity_assessments')
      .select('id')
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    const n = await db
      .selectFrom('maturity_answers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('assessment_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(allQuestionIds.length);
  });
});

describeEachDb('maturity demo seed', (kind) => {
  let t: TTestDb;
  afterAll(async () => t?.destroy());

  it('gives demo organisations three yearly assessments and a published declaration, once', async () => {
    t = await createTestDb(kind);
    const org = await makeOrganisation(t.db, { name: 'Demo SA' });
    await t.db.updateTable('organisations').set({ is_demo: 1 }).where('id', '=', org.id).execute();
    const ctx = { db: t.db, config: testConfig(), demo: true, log: () => undefined };
    await seedMaturity(ctx);
    await seedMaturity(ctx);
    const rows = await t.db
      .selectFrom('maturity_assessments')
      .select(['completed_at'])
      .where('organisation_id', '=', org.id)
      .orderBy('completed_at')
      .execute();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.completed_at!.slice(0, 4))).size).toBe(3);
    expect(await currentMaturityLevel(t.db, org.id)).not.toBeNull();
    const decl = await t.db
      .selectFrom('rgesn_assessments')
      .select(['published_at'])
      .where('organisation_id', '=', org.id)
      .execute();
    expect(decl).toHaveLength(1);
    expect(decl[0]!.published_at).not.toBeNull();
    // The demo declaration is a stored version, public at /declarations/:id.
    const snaps = await t.db
      .selectFrom('rgesn_declarations')
      .select(['version', 'withdrawn_at'])
      .where('organisation_id', '=', org.id)
      .execute();
    expect(snaps).toEqual([{ version: 1, withdrawn_at: null }]);
  });
});

describe('maturity exports', () => {
  it('names level ids 1..5', () => {
    expect(maturityLevels.map((l) => l.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
