import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../../db/client.js';
import { testApp, TestClient } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { seedMaturity } from './seed.js';
import { testConfig } from '../../../test/helpers/app.js';
import { answerFingerprint, saveRgesnAnswers } from './rgesn-assessments.js';
import { lookupDeclaration } from './rgesn-declarations.js';

/** The stored version a declaration id names (throws on a redirect). */
async function storedDeclaration(db: DB, id: number) {
  const found = await lookupDeclaration(db, null, id);
  if (found.kind !== 'declaration') throw new Error(`declaration ${id} is a redirect`);
  return found.doc;
}
import { loadCriteria } from './rgesn-referential.js';

const officialPath = join(
  process.cwd(),
  'test',
  'fixtures',
  'reference',
  'rgesn-2024',
  'referentiel-ecoconception.json',
);
const officialText = readFileSync(officialPath, 'utf8');

/** The form fields of one criterion as the family page would post them. */
function fields(
  n: string,
  status: string,
  extra: { justification?: string; owner?: string; due?: string; seen?: string } = {},
) {
  const id = n.replace('.', '-');
  return {
    [`status-${id}`]: status,
    [`justification-${id}`]: extra.justification ?? '',
    [`owner-${id}`]: extra.owner ?? '',
    [`due-${id}`]: extra.due ?? '',
    [`seen-${id}`]: extra.seen ?? answerFingerprint(undefined),
  };
}

describeEachDb('RGESN assessments and declarations', (kind) => {
  let t: TTestDb;
  let db: DB;
  let alice: TestClient;
  let bob: TestClient;
  let aliceId: number;
  let bobId: number;
  let orgId: number;
  let otherOrgId: number;
  let assessmentId: number;
  let declarationId: number;

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    await seedMaturity({ db, config: testConfig(), demo: false, log: () => undefined });
    aliceId = (await makeUser(db, { name: 'Alice' })).id;
    bobId = (await makeUser(db, { name: 'Bob' })).id;
    orgId = (await makeOrganisation(db, { ownerId: aliceId, name: 'Acme' })).id;
    await addMember(db, orgId, bobId);
    otherOrgId = (await makeOrganisation(db, { ownerId: (await makeUser(db)).id })).id;
    alice = new TestClient(testApp(db));
    bob = new TestClient(testApp(db));
    await loginAs(db, alice, aliceId);
    await loginAs(db, bob, bobId);
  });
  afterAll(async () => t?.destroy());

  it('seeds the shipped 2024 referential once, with 78 criteria', async () => {
    await seedMaturity({ db, config: testConfig(), demo: false, log: () => undefined });
    const refs = await db.selectFrom('rgesn_referentials').selectAll().execute();
    expect(refs).toHaveLength(1);
    expect(await loadCriteria(db, refs[0]!.id)).toHaveLength(78);
  });

  it('creates an assessment with a validated form', async () => {
    const bad = await alice.post(`/organisations/${orgId}/rgesn`, { service_name: '', service_url: 'ftp://x' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#f-service_name"');
    const res = await alice.post(`/organisations/${orgId}/rgesn`, {
      service_name: 'Portail',
      service_url: 'https://portail.example.org',
      description: 'Le portail',
    });
    expect(res.status).toBe(303);
    assessmentId = Number(/\/rgesn\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const a = await db
      .selectFrom('rgesn_assessments')
      .selectAll()
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(a.referential_id).toBeGreaterThan(0);
  });

  it('updates the score as criteria are answered by family', async () => {
    const page = await (await alice.get(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`)).text();
    expect(page).toContain('0 / 100');
    // 1.1 (Prioritaire) validated; everything else stays to assess: score = 1.5 / Σ weights of all 78
    const res = await alice.post(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`, {
      ...fields('1.1', 'validated', { justification: 'Étude faite' }),
    });
    expect(res.status).toBe(303);
    const total = 30 * 1.5 + 29 * 1.25 + 19;
    const after = await (await alice.get(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`)).text();
    expect(after).toContain(
      `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format((100 * 1.5) / total)} / 100`,
    );
    expect(after).toContain('Alice');
  });

  it('refuses not applicable on a criterion applicable to every service, naming it', async () => {
    const res = await alice.post(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`, {
      ...fields('1.2', 'not_applicable'),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Critère 1.2');
    expect(html).toContain('href="#f-status-1-2"');
    const row = await db
      .selectFrom('rgesn_answers')
      .select('status')
      .where('assessment_id', '=', assessmentId)
      .where('criterion_number', '=', '1.2')
      .executeTakeFirst();
    expect(row).toBeUndefined();
    // the service refuses it too, whatever the form says
    const actor = await loadCurrentUser(db, aliceId);
    const r = await saveRgesnAnswers(db, actor, orgId, assessmentId, [
      { number: '1.3', status: 'not_applicable', justification: '', actionOwner: null, actionDue: null, seen: '' },
    ]);
    expect(r).toEqual({ ok: false, forbiddenNotApplicable: ['1.3'], unknown: [] });
  });

  it('lets several members fill the same assessment: untouched criteria are not overwritten, the last change wins', async () => {
    // Both open family 1 while 1.1 is validated (Alice). Bob changes 1.4 only; his form still carries 1.1 as shown.
    const shown11 = answerFingerprint({
      status: 'validated',
      justification: 'Étude faite',
      actionOwner: null,
      actionDue: null,
    });
    await bob.post(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`, {
      ...fields('1.1', 'validated', { justification: 'Étude faite', seen: shown11 }),
      ...fields('1.4', 'in_progress', { owner: 'Bob', due: '2031-06-30' }),
    });
    // Meanwhile Alice set 1.1 to in progress from an older form; then Bob's stale form is re-sent: 1.1 stays Alice's.
    await alice.post(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`, {
      ...fields('1.1', 'in_progress', { justification: 'Revue', seen: shown11 }),
    });
    await bob.post(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`, {
      ...fields('1.1', 'validated', { justification: 'Étude faite', seen: shown11 }),
    });
    const rows = await db
      .selectFrom('rgesn_answers')
      .select(['criterion_number', 'status', 'updated_by'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('criterion_number')
      .execute();
    expect(rows).toEqual([
      { criterion_number: '1.1', status: 'in_progress', updated_by: aliceId },
      { criterion_number: '1.4', status: 'in_progress', updated_by: bobId },
    ]);
    // Bob changes 1.1 deliberately (what he saw differs from what he sends): last change wins.
    await bob.post(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`, {
      ...fields('1.1', 'validated', { justification: 'Vérifié', seen: shown11 }),
    });
    const r11 = await db
      .selectFrom('rgesn_answers')
      .select(['status', 'updated_by'])
      .where('assessment_id', '=', assessmentId)
      .where('criterion_number', '=', '1.1')
      .executeTakeFirstOrThrow();
    expect(r11).toEqual({ status: 'validated', updated_by: bobId });
    const history = await (await alice.get(`/organisations/${orgId}/rgesn/${assessmentId}/history`)).text();
    expect(history).toContain('Bob');
    expect(history).toContain('Alice');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'rgesn.answers.save')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps assessments and unpublished declarations private', async () => {
    const stranger = new TestClient(testApp(db));
    const otherMember = (await makeUser(db)).id;
    await addMember(db, otherOrgId, otherMember);
    await loginAs(db, stranger, otherMember);
    expect((await stranger.get(`/organisations/${orgId}/rgesn`)).status).toBe(403);
    expect((await stranger.get(`/organisations/${orgId}/rgesn/${assessmentId}`)).status).toBe(403);
    expect((await stranger.get(`/organisations/${otherOrgId}/rgesn/${assessmentId}`)).status).toBe(404);
    expect(
      (await stranger.post(`/organisations/${orgId}/rgesn/${assessmentId}/family/1`, fields('1.5', 'validated')))
        .status,
    ).toBe(403);
    expect(
      (await stranger.post(`/organisations/${orgId}/rgesn/${assessmentId}/publish`, { published: '1' })).status,
    ).toBe(403);
    expect((await stranger.get(`/declarations/${assessmentId}`)).status).toBe(404);
    const visitor = new TestClient(testApp(db));
    expect((await visitor.get(`/declarations/${assessmentId}`)).status).toBe(404);
    expect((await visitor.get(`/organisations/${orgId}/rgesn`)).status).toBe(303);
    expect((await stranger.get(`/organisations/${orgId}/rgesn/${assessmentId}/declaration`)).status).toBe(403);
    const draft = await alice.get(`/organisations/${orgId}/rgesn/${assessmentId}/declaration`);
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain('Brouillon');
  });

  it('publishes a declaration with its content, public in French and English', async () => {
    const plan = await alice.post(`/organisations/${orgId}/rgesn/${assessmentId}/plan`, {
      previous_score: '2',
      target_score: '60',
      target_date: '2031-12-31',
    });
    expect(plan.status).toBe(303);
    const badPlan = await alice.post(`/organisations/${orgId}/rgesn/${assessmentId}/plan`, {
      previous_score: '120',
      target_score: '',
      target_date: '31/12/2031',
    });
    expect(badPlan.status).toBe(422);
    const pub = await alice.post(`/organisations/${orgId}/rgesn/${assessmentId}/publish`, {
      published: '1',
      confirm: '1',
    });
    expect(pub.status).toBe(303);
    declarationId = Number(/\/declarations\/(\d+)/.exec(pub.headers.get('location')!)![1]);
    const visitor = new TestClient(testApp(db));
    const fr = await visitor.get(`/declarations/${declarationId}?lang=fr`);
    expect(fr.status).toBe(200);
    const html = await fr.text();
    expect(html).toContain('Déclaration d’écoconception · Portail');
    expect(html).toContain('Critères validés (1)');
    expect(html).toContain('Critères non validés (77)');
    expect(html).toContain('ne mesure pas l’impact environnemental');
    expect(html).toContain('2 / 100'); // previous score
    expect(html).toContain('60 / 100');
    expect(html).toContain('Bob'); // plan: owner of 1.4
    expect(html).toContain('Arcep, Arcom — RGESN 2024');
    const en = await (await visitor.get(`/declarations/${declarationId}?lang=en`)).text();
    expect(en).toContain('Eco-design declaration · Portail');
    expect(en).toContain('does not measure the service’s environmental impact');
    const d = await storedDeclaration(db, declarationId);
    expect(d.content.validated).toEqual(['1.1']);
    expect(d.content.plan.map((p) => p.number)).toEqual(['1.4']);
    const pub2 = await db
      .selectFrom('rgesn_assessments')
      .select(['published_score'])
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(Number(pub2.published_score)).toBeCloseTo(d.content.score.score!, 10);
    expect(d.score).toBeCloseTo(d.content.score.score!, 10);
  });

  it('answers the PDF, or a clear page without Chromium', async () => {
    const visitor = new TestClient(testApp(db, { CHROMIUM_PATH: '/nonexistent/chromium' }));
    const res = await visitor.get(`/declarations/${declarationId}/pdf`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Chromium');
  });

  it('lets an administrator import the official file as a new version without touching past assessments', async () => {
    const admin = new TestClient(testApp(db));
    await loginAs(db, admin, (await makeUser(db, { admin: true })).id);
    expect((await alice.get('/admin/rgesn')).status).toBe(403);
    const upload = (name: string, text: string, version: string) => {
      const form = new FormData();
      form.append('version', version);
      form.append('file', new File([text], name, { type: 'application/json' }));
      return form;
    };
    expect((await alice.postMultipart('/admin/rgesn', upload('r.json', officialText, 'x'))).status).toBe(403);
    const broken = JSON.parse(officialText) as Record<string, string>[];
    broken[5]!.priorite = 'Urgent';
    const bad = await admin.postMultipart('/admin/rgesn', upload('r.json', JSON.stringify(broken), '2024-officiel'));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Entrée 6 (critère 1.6) : le champ « priorite »');
    expect((await db.selectFrom('rgesn_referentials').selectAll().execute()).length).toBe(1);
    const notJson = await admin.postMultipart('/admin/rgesn', upload('r.json', '{oops', '2024-officiel'));
    expect(notJson.status).toBe(422);
    const ok = await admin.postMultipart('/admin/rgesn', upload('r.json', officialText, '2024-officiel'));
    expect(ok.status).toBe(303);
    const refs = await db.selectFrom('rgesn_referentials').selectAll().orderBy('id').execute();
    expect(refs.map((r) => r.source)).toEqual(['shipped', 'import']);
    const imported = await loadCriteria(db, refs[1]!.id);
    expect(imported).toHaveLength(78);
    expect(imported[0]!.officialQuestion).toContain('utilité');
    expect(imported[0]!.short.fr).toBeTruthy();
    const again = await admin.postMultipart('/admin/rgesn', upload('r.json', officialText, '2024-officiel'));
    expect(again.status).toBe(422);
    // the past assessment keeps its version; a new one takes the imported one
    const old = await db
      .selectFrom('rgesn_assessments')
      .select('referential_id')
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(old.referential_id).toBe(refs[0]!.id);
    const res = await alice.post(`/organisations/${orgId}/rgesn`, { service_name: 'Portail' });
    const newId = Number(/\/rgesn\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const fresh = await db
      .selectFrom('rgesn_assessments')
      .select(['referential_id', 'previous_score'])
      .where('id', '=', newId)
      .executeTakeFirstOrThrow();
    expect(fresh.referential_id).toBe(refs[1]!.id);
    // previous score defaults to the last published declaration of the same service
    const d = await storedDeclaration(db, declarationId);
    expect(Number(fresh.previous_score)).toBeCloseTo(d.score!, 10);
    expect(await (await alice.get(`/declarations/${declarationId}`)).text()).toContain('Critères validés (1)');
  });
});
