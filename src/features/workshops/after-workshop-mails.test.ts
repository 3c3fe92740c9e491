import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { nowIso } from '../../db/client.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { messageRegistrants } from './organiser-tools.js';
import { sendWorkshopFollowups } from './send-followups.js';
import { quickWorkshop } from './test-kit.js';

describeEachDb('after a workshop: follow-up mails, feedback comments, registrant CSV and messages', (kind) => {
  let t: TTestDb;
  let organiserId: number;
  let orgId: number;
  let companyId: number;
  const members: { id: number; email: string }[] = [];
  beforeAll(async () => {
    t = await createTestDb(kind);
    organiserId = (await makeUser(t.db)).id;
    orgId = (await makeOrganisation(t.db, { kind: 'partner', ownerId: organiserId })).id;
    const owner = await makeUser(t.db, { name: 'Alice' });
    members.push(owner);
    companyId = (await makeOrganisation(t.db, { kind: 'company', ownerId: owner.id, signed: true })).id;
    for (const name of ['Bruno', '=Chloé']) {
      const u = await makeUser(t.db, { name });
      await addMember(t.db, companyId, u.id);
      members.push(u);
    }
  });
  afterAll(() => t.destroy());

  async function register(
    workshopId: number,
    userId: number,
    attended: number | null,
    status: 'confirmed' | 'waitlisted' = 'confirmed',
  ) {
    const now = nowIso();
    await t.db
      .insertInto('workshop_registrations')
      .values({
        workshop_id: workshopId,
        user_id: userId,
        organisation_id: companyId,
        status,
        queued_at: now,
        confirmed_at: status === 'confirmed' ? now : null,
        cancelled_at: null,
        notified_status: status,
        attended,
        reminder_sent_at: null,
        created_at: now,
      })
      .execute();
  }
  const mailsTo = (email: string, subject: RegExp) =>
    t.db
      .selectFrom('outbox')
      .select(['subject', 'body_text'])
      .where('to_address', '=', email)
      .execute()
      .then((rows) => rows.filter((r) => subject.test(r.subject)));

  it('mails each attendee once after the end, with the feedback form, the replay and the certificate', async () => {
    const id = await quickWorkshop(t.db, {
      organisationId: orgId,
      createdBy: organiserId,
      capacity: 5,
      startsAt: '2031-03-10T09:00:00.000Z',
    });
    await t.db
      .updateTable('workshops')
      .set({ replay_url: 'https://replay.example.org/v1' })
      .where('id', '=', id)
      .execute();
    await register(id, members[0]!.id, 1);
    await register(id, members[1]!.id, 0);
    await register(id, members[2]!.id, null);
    // Running: nothing yet.
    expect(await sendWorkshopFollowups(t.db, testConfig(), new Date('2031-03-10T09:30:00Z'))).toBe(0);
    const after = new Date('2031-03-10T12:00:00Z');
    const [a, b] = await Promise.all([
      sendWorkshopFollowups(t.db, testConfig(), after),
      sendWorkshopFollowups(t.db, testConfig(), after),
    ]);
    expect(a + b).toBe(1);
    const mails = await mailsTo(members[0]!.email, /participation|attending/i);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toContain(`/workshops/${id}#feedback-title`);
    expect(mails[0]!.body_text).toContain('https://replay.example.org/v1');
    expect(mails[0]!.body_text).toContain(`/workshops/${id}/certificate`);
    expect(await mailsTo(members[1]!.email, /participation|attending/i)).toHaveLength(0);
    // Attendance recorded later: that attendee gets it at the next run, the first one not again.
    await t.db
      .updateTable('workshop_registrations')
      .set({ attended: 1 })
      .where('workshop_id', '=', id)
      .where('user_id', '=', members[2]!.id)
      .execute();
    expect(await sendWorkshopFollowups(t.db, testConfig(), new Date('2031-03-11T12:00:00Z'))).toBe(1);
    expect(await mailsTo(members[0]!.email, /participation|attending/i)).toHaveLength(1);
  });

  it('lets the organiser read every comment, export the registrants as CSV and message them; others are refused', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000);
    soon.setUTCHours(9, 0, 0, 0);
    const id = await quickWorkshop(t.db, {
      organisationId: orgId,
      createdBy: organiserId,
      capacity: 5,
      startsAt: soon.toISOString(),
    });
    await register(id, members[0]!.id, null);
    await register(id, members[2]!.id, null);
    await register(id, members[1]!.id, null, 'waitlisted');
    await t.db
      .insertInto('workshop_feedback')
      .values([
        { workshop_id: id, user_id: members[0]!.id, rating: 4, comment: 'Très concret, merci', created_at: nowIso() },
        {
          workshop_id: id,
          user_id: members[2]!.id,
          rating: 2,
          comment: 'Trop rapide sur les facteurs',
          created_at: nowIso(),
        },
      ])
      .execute();
    const c = new TestClient(testApp(t.db));
    await loginAs(t.db, c, organiserId);
    const page = await (await c.get(`/workshops/${id}`)).text();
    expect(page).toContain('Très concret, merci');
    expect(page).toContain('Trop rapide sur les facteurs');
    const csvRes = await c.get(`/workshops/${id}/registrants.csv?lang=en`);
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    const lines = (await csvRes.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Name,Email,Organisation,Status,Waiting-list position,Present,Registered at (UTC)');
    expect(lines).toHaveLength(4);
    // A name a spreadsheet would run as a formula is written as text.
    expect(lines.some((l) => l.startsWith("'=Chloé,"))).toBe(true);
    expect(lines[3]).toContain(',1,');
    const form = await c.post(`/workshops/${id}/message?lang=en`, { subject: 'x', body: 'short' });
    expect(form.status).toBe(422);
    expect(await form.text()).toContain('Give a subject of 3 to 200 characters.');
    const sent = await c.post(`/workshops/${id}/message?lang=en`, {
      subject: 'Salle changée',
      body: 'Nous serons en salle B, au deuxième étage.',
    });
    expect(sent.status).toBe(303);
    const confirmation = await (await c.get(`${sent.headers.get('location')}?lang=en`)).text();
    expect(confirmation).toContain('Your message is on its way to 3 registrants, one email each.');
    for (const m of members) expect(await mailsTo(m.email, /Salle changée/)).toHaveLength(1);
    // A member of the registering company may do none of this.
    const stranger = (await loadCurrentUser(t.db, members[0]!.id))!;
    await expect(
      messageRegistrants(t.db, testConfig(), stranger, id, { subject: 'Hello', body: 'Bonjour à tous les inscrits' }),
    ).rejects.toMatchObject({ status: 403 });
    const other = new TestClient(testApp(t.db));
    await loginAs(t.db, other, members[0]!.id);
    expect((await other.get(`/workshops/${id}/registrants.csv`)).status).toBe(403);
    expect(await (await other.get(`/workshops/${id}`)).text()).not.toContain('Trop rapide sur les facteurs');
  });
});
