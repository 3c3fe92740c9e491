import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { lastMailTo } from '../../../test/helpers/mail.js';
import { listOpenOffers, listTrainings } from './index.js';
import { ensureSkillsFramework } from './skills-store.js';

const training = {
  description: 'Un module',
  kind: 'module',
  audiences: 'students',
  education_level: 'bachelor',
  duration_hours: '10',
  format: 'online',
  language: 'fr',
  cost_eur: '',
  licence: 'cc-by',
  skill_3: '2',
};
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describeEachDb('training moderation by administrators', (kind) => {
  let t: TTestDb;
  let app: ReturnType<typeof testApp>;
  let teacher: TestClient;
  let admin: TestClient;
  let teacherEmail: string;
  let companyEmail: string;
  let trainingId: number;
  let offerId: number;
  let adminToken: string;
  let memberToken: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    await ensureSkillsFramework(t.db);
    app = testApp(t.db);
    const u1 = await makeUser(t.db);
    const u2 = await makeUser(t.db);
    teacherEmail = u1.email;
    companyEmail = u2.email;
    const school = await makeOrganisation(t.db, { kind: 'school', ownerId: u1.id, signed: true });
    const company = await makeOrganisation(t.db, { kind: 'company', ownerId: u2.id, signed: true });
    teacher = new TestClient(app);
    await loginAs(t.db, teacher, u1.id);
    const recruiter = new TestClient(app);
    await loginAs(t.db, recruiter, u2.id);
    const adminUser = await makeUser(t.db, { admin: true });
    admin = new TestClient(app);
    await loginAs(t.db, admin, adminUser.id);
    adminToken = await apiTokenFor(t.db, adminUser.id);
    memberToken = await apiTokenFor(t.db, u1.id);
    const created = await teacher.post('/trainings/new', {
      ...training,
      organisation: school.id,
      title: 'Sobriété numérique',
    });
    trainingId = Number(/\/trainings\/(\d+)/.exec(created.headers.get('location')!)![1]);
    const posted = await recruiter.post('/offers/new', {
      organisation: company.id,
      title: 'Stage mesure',
      kind: 'internship',
      description: 'Six mois',
      location: 'Lyon',
      start_date: day(40),
      contact_email: 'rh@example.org',
      expires_on: day(30),
      end_date: day(100),
      pay: '700 € par mois',
      application_deadline: day(20),
    });
    offerId = Number(/\/offers\/(\d+)/.exec(posted.headers.get('location')!)![1]);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('unpublishes a training with a reason mailed to its author, and publishes it again', async () => {
    // Members are refused; a reason is required.
    expect(
      (await teacher.post(`/trainings/${trainingId}/moderation/unpublish`, { reason: 'Contenu à revoir' })).status,
    ).toBe(403);
    const noReason = await admin.post(`/trainings/${trainingId}/moderation/unpublish`, { reason: ' ' });
    expect(noReason.headers.get('location')).toContain('reasonRequired');
    expect((await listTrainings(t.db, { q: 'sobriete' })).length).toBe(1);

    const res = await admin.post(`/trainings/${trainingId}/moderation/unpublish`, {
      reason: 'Lien de l’inscription cassé',
    });
    expect(res.headers.get('location')).toContain('training.moderation.flash.unpublish');
    expect(await listTrainings(t.db, { q: 'sobriete' })).toEqual([]);
    const mail = lastMailTo(teacherEmail).mail!;
    expect(mail.subject).toContain('Sobriété numérique');
    expect(mail.text).toContain('Lien de l’inscription cassé');
    // Visitors get a 404; its organisation sees it offline with the notice.
    expect((await new TestClient(app).get(`/trainings/${trainingId}`)).status).toBe(404);
    expect(await (await teacher.get(`/trainings/${trainingId}`)).text()).toContain('Hors ligne');
    // Twice is a conflict, not a second mail.
    const count = lastMailTo(teacherEmail).count;
    expect(
      (await admin.post(`/trainings/${trainingId}/moderation/unpublish`, { reason: 'encore' })).headers.get('location'),
    ).toContain('conflict');
    expect(lastMailTo(teacherEmail).count).toBe(count);

    await admin.post(`/trainings/${trainingId}/moderation/republish`);
    expect((await listTrainings(t.db, { q: 'sobriete' })).length).toBe(1);
    expect(lastMailTo(teacherEmail).mail!.subject).toContain('de nouveau en ligne');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'training')
      .where('subject_id', '=', String(trainingId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['training.unpublish', 'training.republish']));
  });

  it('unpublishes an offer: gone from the list and the public page, the author told', async () => {
    expect((await listOpenOffers(t.db)).items.map((o) => o.id)).toContain(offerId);
    await admin.post(`/offers/${offerId}/moderation/unpublish`, { reason: 'Offre non rémunérée' });
    expect((await listOpenOffers(t.db)).items.map((o) => o.id)).not.toContain(offerId);
    expect((await new TestClient(app).get(`/offers/${offerId}`)).status).toBe(404);
    expect(lastMailTo(companyEmail).mail!.text).toContain('Offre non rémunérée');
    const adminPage = await (await admin.get(`/offers/${offerId}`)).text();
    expect(adminPage).toContain(`/offers/${offerId}/moderation/republish`);
  });

  it('offers the same decisions through the API (snake_case, administrators only)', async () => {
    const call = (token: string, path: string, body: unknown) =>
      app.request(`http://localhost/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await call(memberToken, `/offers/${offerId}/moderation`, { decision: 'republish' })).status).toBe(403);
    const ok = await call(adminToken, `/offers/${offerId}/moderation`, { decision: 'republish' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: offerId, kind: 'offer', decision: 'republish', status: 'published' });
    const missing = await call(adminToken, `/trainings/${trainingId}/moderation`, { decision: 'unpublish' });
    expect(missing.status).toBe(422);
    expect((await call(adminToken, `/offers/${offerId}/moderation`, { decision: 'approve' })).status).toBe(400);
  });
});
