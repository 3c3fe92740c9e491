import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { personalFeed, publicFeed } from './feeds.js';
import { registerForWorkshop } from './register-for-workshop.js';
import { quickWorkshop } from './test-kit.js';

const link = 'https://visio.example.org/x';

describeEachDb('workshops: the meeting link is private', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('appears only in a confirmed registrant’s invitation, personal feed and download; never in public feeds or waiting-list mails', async () => {
    const config = testConfig();
    const organiser = await makeUser(t.db);
    const partner = await makeOrganisation(t.db, { kind: 'partner', ownerId: organiser.id });
    const seated = await makeUser(t.db);
    const waiting = await makeUser(t.db);
    const company = await makeOrganisation(t.db, { ownerId: seated.id, signed: true });
    await t.db
      .insertInto('memberships')
      .values({
        organisation_id: company.id,
        user_id: waiting.id,
        role: 'member',
        created_at: new Date().toISOString(),
      })
      .execute();
    const id = await quickWorkshop(t.db, { organisationId: partner.id, createdBy: organiser.id, capacity: 1 });

    expect((await registerForWorkshop(t.db, config, (await loadCurrentUser(t.db, seated.id))!, id)).status).toBe(
      'confirmed',
    );
    expect((await registerForWorkshop(t.db, config, (await loadCurrentUser(t.db, waiting.id))!, id)).status).toBe(
      'waitlisted',
    );

    const mail = async (to: string) =>
      await t.db
        .selectFrom('outbox')
        .select(['body_text', 'attachments_json'])
        .where('to_address', '=', to)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
    const confirmedMail = await mail(seated.email);
    expect(confirmedMail.body_text + confirmedMail.attachments_json).toContain(link);
    const waitingMail = await mail(waiting.email);
    expect(`${waitingMail.body_text}${waitingMail.attachments_json ?? ''}`).not.toContain(link);

    expect(await publicFeed(t.db, config, 'all')).not.toContain(link);
    expect(await publicFeed(t.db, config, 'partner', partner.id)).not.toContain(link);
    const visitor = new TestClient(testApp(t.db));
    expect(await (await visitor.get('/workshops.ics')).text()).not.toContain(link);
    expect(await (await visitor.get(`/workshops/${id}/invite.ics`)).text()).not.toContain(link);

    expect(await personalFeed(t.db, config, 'me', seated.id)).toContain(link);
    expect(await personalFeed(t.db, config, 'me', waiting.id)).not.toContain(link);
    const seatedClient = new TestClient(testApp(t.db));
    await loginAs(t.db, seatedClient, seated.id);
    expect(await (await seatedClient.get(`/workshops/${id}/invite.ics`)).text()).toContain(link);
    const waitingClient = new TestClient(testApp(t.db));
    await loginAs(t.db, waitingClient, waiting.id);
    expect(await (await waitingClient.get(`/workshops/${id}/invite.ics`)).text()).not.toContain(link);
  });
});
