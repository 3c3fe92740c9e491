import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { applyForStatus, decideStatusRequest } from '../organisations/index.js';
import { publishResource } from '../knowledge/publish-resource.js';
import { createTraining } from '../training/manage-trainings.js';
import { moderateTrainingItem } from '../training/moderate-items.js';
import { ensureSkillsFramework } from '../training/skills-store.js';
import { listTrainings } from '../training/index.js';
import { mailWaitingItems, waitingItems } from './waiting-items.js';

const resource = {
  kind: 'guide' as const,
  language: 'fr' as const,
  publishedOn: '2026-01-15',
  licence: 'cc-by-4.0' as const,
  url: 'https://example.org/a',
  themes: [],
  levels: [],
  levers: [],
  rgesn: [],
};
const training = {
  title: 'Mesurer son empreinte',
  description: 'Un module',
  kind: 'module',
  audiences: ['students'],
  education_level: 'bachelor',
  duration_hours: 10,
  format: 'online',
  language: 'fr',
  cost_eur: 0,
  certificate: false,
  licence: 'cc-by',
  prerequisites: '',
  learning_outcomes: '',
  url: null,
  skills: [{ block: 3, level: 2 }],
} as const;

describeEachDb('first publication of a newly granted partner, and what waits for administrators', (kind) => {
  let t: TTestDb;
  let orgId: number;
  let ownerId: number;
  let adminId: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await ensureSkillsFramework(t.db);
    ownerId = (await makeUser(t.db)).id;
    orgId = (await makeOrganisation(t.db, { kind: 'company', ownerId, signed: true })).id;
    adminId = (await makeUser(t.db, { admin: true, email: 'admin-waiting@example.org' })).id;
    await makeUser(t.db, { admin: true, email: 'admin-two@example.org' });
    const owner = (await loadCurrentUser(t.db, ownerId))!;
    const requestId = await applyForStatus(t.db, testConfig(), owner, orgId, {
      kind: 'partner',
      motivation: 'Nous formons des équipes depuis dix ans.',
    });
    await decideStatusRequest(t.db, testConfig(), (await loadCurrentUser(t.db, adminId))!, requestId, { grant: true });
  });
  afterAll(() => t.destroy());

  it('holds the first resource and training for review, then publishes at once after an approval', async () => {
    const owner = (await loadCurrentUser(t.db, ownerId))!;
    const first = await publishResource(
      t.db,
      testConfig(),
      owner,
      { ...resource, organisationId: orgId, title: 'Premier guide', summary: 'Premier' },
      null,
    );
    expect(first.status).toBe('pending');
    const trainingId = await createTraining(t.db, owner, orgId, {
      ...training,
      audiences: ['students'],
      skills: [{ block: 3, level: 2 }],
    } as never);
    expect(await listTrainings(t.db, { q: 'empreinte' })).toEqual([]);
    const waiting = await waitingItems(t.db);
    expect(waiting.resources.count).toBe(1);
    expect(waiting.trainings.count).toBe(1);
    const admin = new TestClient(testApp(t.db));
    await loginAs(t.db, admin, adminId);
    const home = await (await admin.get('/admin')).text();
    expect(home).toContain('href="/admin/trainings"');
    expect(await (await admin.get('/admin/trainings')).text()).toContain('Mesurer son empreinte');

    await moderateTrainingItem(
      t.db,
      testConfig(),
      (await loadCurrentUser(t.db, adminId))!,
      'training',
      trainingId,
      'approve',
      '',
    );
    expect((await listTrainings(t.db, { q: 'empreinte' })).length).toBe(1);
    const second = await publishResource(
      t.db,
      testConfig(),
      owner,
      { ...resource, organisationId: orgId, title: 'Second guide', summary: 'Second' },
      null,
    );
    expect(second.status).toBe('published');
  });

  it('mails administrators once a day when items waited more than a day, even with two runs at once', async () => {
    const now = new Date();
    expect(await mailWaitingItems(t.db, testConfig(), now)).toBe(0);
    const later = new Date(now.getTime() + 2 * 86_400_000);
    const runs = await Promise.all([
      mailWaitingItems(t.db, testConfig(), later),
      mailWaitingItems(t.db, testConfig(), later),
    ]);
    expect(runs.sort()).toEqual([0, 2]);
    expect(await mailWaitingItems(t.db, testConfig(), later)).toBe(0);
    const mails = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('subject', 'like', '%plus d’un jour%')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(['admin-two@example.org', 'admin-waiting@example.org']);
    expect(mails[0]!.body_text).toContain('/admin/resources');
    // The next day, a new notice.
    expect(await mailWaitingItems(t.db, testConfig(), new Date(later.getTime() + 86_400_000))).toBe(2);
  });
});
