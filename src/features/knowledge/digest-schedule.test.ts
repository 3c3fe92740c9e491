import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { digestContent, sendScheduledDigest, type TDigestSources } from './send-monthly-digest.js';

describeEachDb('monthly digest: default, sign-up choice, schedule, introduction, preview', (kind) => {
  let t: TTestDb;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const a = await makeUser(t.db, { admin: true });
    admin = new TestClient(testApp(t.db));
    await loginAs(t.db, admin, a.id);
  });
  afterAll(() => t.destroy());

  it('offers the digest ticked at sign-up and keeps the visitor’s choice', async () => {
    const visitor = new TestClient(testApp(t.db));
    expect(await (await visitor.get('/signup')).text()).toMatch(
      /<input type="checkbox" id="f-digest" name="digest" value="1" checked/,
    );
    await visitor.post('/signup', {
      name: 'Oui',
      email: 'yes-digest@example.org',
      password: 'a long enough passphrase',
      digest: '1',
    });
    await new TestClient(testApp(t.db)).post('/signup', {
      name: 'Non',
      email: 'no-digest@example.org',
      password: 'a long enough passphrase',
    });
    const rows = await t.db
      .selectFrom('users')
      .select(['email', 'digest_opt_in'])
      .where('email', 'in', ['yes-digest@example.org', 'no-digest@example.org'])
      .orderBy('email')
      .execute();
    expect(rows).toEqual([
      { email: 'no-digest@example.org', digest_opt_in: 0 },
      { email: 'yes-digest@example.org', digest_opt_in: 1 },
    ]);
  });

  it('sends from the chosen day on, to members of validated signatories only, with the introduction', async () => {
    const signed = await makeUser(t.db, { email: 'signed-member@example.org' });
    await makeOrganisation(t.db, { ownerId: signed.id, signed: true });
    const unsigned = await makeUser(t.db, { email: 'unsigned-member@example.org' });
    await makeOrganisation(t.db, { ownerId: unsigned.id });
    await t.db.updateTable('users').set({ digest_opt_in: 1 }).where('id', 'in', [signed.id, unsigned.id]).execute();

    const bad = await admin.post('/admin/digest/settings', { intro_fr: 'x', intro_en: '', send_day: '31' });
    expect(bad.headers.get('location')).toContain('invalid=1');
    expect(
      (await t.db.selectFrom('knowledge_digest_settings').select('send_day').executeTakeFirstOrThrow()).send_day,
    ).toBe(1);
    await admin.post('/admin/digest/settings', {
      intro_fr: 'Bonne année à tout le réseau !',
      intro_en: 'Happy new year!',
      send_day: '10',
    });

    expect(await sendScheduledDigest(t.db, testConfig(), new Date('2031-01-09T12:00:00Z'))).toBeNull();
    const r = await sendScheduledDigest(t.db, testConfig(), new Date('2031-01-10T08:00:00Z'));
    expect(r).toMatchObject({ alreadySent: 0 });
    const to = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('subject', 'like', '%janvier 2031%')
      .execute();
    expect(to.map((m) => m.to_address)).toContain('signed-member@example.org');
    expect(to.map((m) => m.to_address)).not.toContain('unsigned-member@example.org');
    expect(to.find((m) => m.to_address === 'signed-member@example.org')!.body_text).toContain(
      'Bonne année à tout le réseau !',
    );
    expect(await sendScheduledDigest(t.db, testConfig(), new Date('2031-01-11T08:00:00Z'))).toMatchObject({ sent: 0 });
  });

  it('asks for workshops from now on (never past ones) and lists new trainings and offers', async () => {
    const calls: [string, string][] = [];
    const sources: TDigestSources = {
      maturityLevelOf: async () => null,
      workshopsBetween: async (_db, from, to) => {
        calls.push([from, to]);
        return [];
      },
      pendingActionsOf: async () => null,
      trainingsSince: async () => [{ id: 7, title: 'Formation neuve' }],
      offersSince: async () => [{ id: 9, title: 'Stage neuf' }],
    };
    const u = await makeUser(t.db);
    const content = await digestContent(t.db, u.id, '2031-03', sources, new Date('2031-03-15T09:00:00Z'));
    expect(calls).toEqual([['2031-03-15T09:00:00.000Z', '2031-04-01T00:00:00.000Z']]);
    expect(content.trainings).toEqual([{ id: 7, title: 'Formation neuve' }]);
    expect(content.offers).toEqual([{ id: 9, title: 'Stage neuf' }]);
  });

  it('shows the administrator a preview and the settings', async () => {
    const page = await (await admin.get('/admin/digest')).text();
    expect(page).toContain('Bonne année à tout le réseau !');
    expect(page).toContain('Nouvelles formations');
    expect(page).toContain('name="send_day"');
  });
});
