import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { cancelWorkshops } from './edit-series.js';
import { registerForWorkshop } from './register-for-workshop.js';
import { quickWorkshop } from './test-kit.js';

describeEachDb('workshops: the administrator is in control', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('lets an administrator cancel any workshop with a reason mailed to registrants and author; others are refused', async () => {
    const config = testConfig();
    const author = await makeUser(t.db);
    const partner = await makeOrganisation(t.db, { kind: 'partner', ownerId: author.id });
    const attendee = await makeUser(t.db);
    const company = await makeOrganisation(t.db, { ownerId: attendee.id, signed: true });
    const stranger = await makeUser(t.db);
    await addMember(t.db, company.id, stranger.id);
    const admin = await makeUser(t.db, { admin: true });
    const id = await quickWorkshop(t.db, { organisationId: partner.id, createdBy: author.id, capacity: 5 });
    await registerForWorkshop(t.db, config, (await loadCurrentUser(t.db, attendee.id))!, id);

    // A member of another organisation may not cancel; a visitor is sent to log in.
    await expect(
      cancelWorkshops(t.db, config, (await loadCurrentUser(t.db, stranger.id))!, id, 'one', 'nope'),
    ).rejects.toMatchObject({ status: 403 });
    const visitor = await new TestClient(testApp(t.db)).post(`/workshops/${id}/cancel`, {
      note: 'x'.repeat(5),
      confirm: 'yes',
    });
    expect(visitor.headers.get('location') ?? '').toContain('/login');
    expect(
      (await t.db.selectFrom('workshops').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
    ).toBe('published');
    // An administrator must give a reason.
    const adminUser = (await loadCurrentUser(t.db, admin.id))!;
    await expect(cancelWorkshops(t.db, config, adminUser, id, 'one', '')).rejects.toMatchObject({
      code: 'note_required',
    });

    const c = new TestClient(testApp(t.db));
    await loginAs(t.db, c, admin.id);
    expect(await (await c.get(`/workshops/${id}`)).text()).toContain(`action="/workshops/${id}/cancel"`);
    expect(
      (await c.post(`/workshops/${id}/cancel`, { note: 'Contenu hors du champ du réseau', confirm: 'yes' })).status,
    ).toBe(303);
    expect(
      (await t.db.selectFrom('workshops').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
    ).toBe('cancelled');
    const last = async (to: string) =>
      t.db
        .selectFrom('outbox')
        .select(['subject', 'body_text', 'attachments_json'])
        .where('to_address', '=', to)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
    const toAttendee = await last(attendee.email);
    expect(toAttendee.body_text).toContain('Contenu hors du champ du réseau');
    expect(toAttendee.attachments_json).toContain('METHOD:CANCEL');
    const toAuthor = await last(author.email);
    expect(toAuthor.subject).toContain('administrateur');
    expect(toAuthor.body_text).toContain('Contenu hors du champ du réseau');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'workshop.cancel')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details_json!)).toMatchObject({ byAdmin: true, note: 'Contenu hors du champ du réseau' });
  });
});
