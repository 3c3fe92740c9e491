/**
 * Accounts that cannot be hijacked: no session before confirmation, confirmation and reset end every other session,
 * one used reset link kills the others, link secrets are masked in the outbox, invitations are rate-limited.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postComment } from '../../src/features/knowledge/comments.js';
import { loadCurrentUser } from '../../src/http/middleware/session.js';
import { invitationLimits } from '../../src/features/organisations/invitations.js';
import { TestClient, testApp } from '../helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../helpers/db.js';
import { loginAs, makeOrganisation, makeUser, testPassword } from '../helpers/factories.js';
import { lastMailTo } from '../helpers/mail.js';

describeEachDb('accounts hardening', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  const sessionsOf = async (userId: number) =>
    (await t.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

  it('someone who signs up with another person’s address gets no session, and the owner’s confirmation ends any', async () => {
    const squatter = new TestClient(testApp(t.db));
    await squatter.post('/signup', { name: 'Squatter', email: 'victim@example.org', password: 'squatter passphrase' });
    const login = await squatter.post('/login', { email: 'victim@example.org', password: 'squatter passphrase' });
    expect(login.status).toBe(403);
    expect(squatter.cookies.has('techcare_session')).toBe(false);
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'victim@example.org')
      .executeTakeFirstOrThrow();
    expect(await sessionsOf(user.id)).toBe(0);
    // A session left from before this rule (made directly here) cannot comment, and dies at confirmation.
    await loginAs(t.db, squatter, user.id);
    const unconfirmed = (await loadCurrentUser(t.db, user.id))!;
    await expect(postComment(t.db, unconfirmed, 'resource', 1, 'spam')).rejects.toMatchObject({
      status: 403,
      code: 'email_not_confirmed',
    });
    const owner = new TestClient(testApp(t.db));
    const { link } = lastMailTo('victim@example.org');
    expect((await owner.post(link!)).status).toBe(303);
    expect(await sessionsOf(user.id)).toBe(1);
    expect((await squatter.get('/account')).status).toBe(303);
    expect((await owner.get('/account')).status).toBe(200);
  });

  it('using one reset link kills every other outstanding reset link, and ends every session', async () => {
    const u = await makeUser(t.db);
    const c = new TestClient(testApp(t.db));
    await c.post('/password/forgot', { email: u.email });
    const older = lastMailTo(u.email).link!;
    await c.post('/password/forgot', { email: u.email });
    const newer = lastMailTo(u.email).link!;
    expect(newer).not.toBe(older);
    const elsewhere = new TestClient(testApp(t.db));
    await loginAs(t.db, elsewhere, u.id);
    expect((await c.post(newer, { password: 'a brand new passphrase' })).status).toBe(303);
    expect((await c.get(older)).status).toBe(404);
    expect((await c.post(older, { password: 'the attacker passphrase' })).status).toBe(404);
    expect(await sessionsOf(u.id)).toBe(0);
    expect((await elsewhere.get('/account')).status).toBe(303);
  });

  it('changing the password ends every other session and every pending reset link, and keeps this one', async () => {
    const u = await makeUser(t.db);
    const here = new TestClient(testApp(t.db));
    const elsewhere = new TestClient(testApp(t.db));
    await loginAs(t.db, here, u.id);
    await loginAs(t.db, elsewhere, u.id);
    await new TestClient(testApp(t.db)).post('/password/forgot', { email: u.email });
    const pendingReset = lastMailTo(u.email).link!;
    expect(
      (
        await here.post('/account/password', {
          current_password: 'not the password',
          new_password: 'a brand new passphrase',
        })
      ).status,
    ).toBe(422);
    expect(
      (await here.post('/account/password', { current_password: testPassword, new_password: 'short' })).status,
    ).toBe(422);
    expect((await elsewhere.get('/account')).status).toBe(200);
    const done = await here.post('/account/password', {
      current_password: testPassword,
      new_password: 'a brand new passphrase',
    });
    expect(done.status).toBe(303);
    expect((await here.get('/account')).status).toBe(200);
    expect((await elsewhere.get('/account')).status).toBe(303);
    expect(await sessionsOf(u.id)).toBe(1);
    expect((await new TestClient(testApp(t.db)).get(pendingReset)).status).toBe(404);
  });

  it('the outbox keeps confirmation, reset and invitation links with their secret masked', async () => {
    const admin = await makeUser(t.db, { admin: true });
    const c = new TestClient(testApp(t.db));
    await c.post('/signup', { name: 'Outbox', email: 'outbox@example.org', password: 'a long enough passphrase' });
    const owner = await makeUser(t.db);
    await c.post('/password/forgot', { email: owner.email });
    const org = await makeOrganisation(t.db, { ownerId: owner.id });
    const oc = new TestClient(testApp(t.db));
    await loginAs(t.db, oc, owner.id);
    await oc.post(`/organisations/${org.id}/invitations`, { email: 'invitee@example.org', role: 'member' });
    const ac = new TestClient(testApp(t.db));
    await loginAs(t.db, ac, admin.id);
    for (const to of ['outbox@example.org', owner.email, 'invitee@example.org']) {
      const sent = lastMailTo(to);
      const secret = /\/([A-Za-z0-9_-]{43})(?:\s|$)/.exec(sent.mail!.text)![1]!;
      const row = await t.db
        .selectFrom('outbox')
        .select(['id', 'body_text'])
        .where('to_address', '=', to)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(row.body_text).not.toContain(secret);
      expect(row.body_text).toContain(`${secret.slice(0, 4)}…[masked]`);
      const page = await (await ac.get(`/admin/outbox/${row.id}`)).text();
      expect(page).not.toContain(secret);
    }
  });

  it('invitations are rate-limited per inviter', async () => {
    const owner = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: owner.id });
    const c = new TestClient(testApp(t.db));
    await loginAs(t.db, c, owner.id);
    const statuses: number[] = [];
    for (let i = 0; i <= invitationLimits.perHour; i++)
      statuses.push(
        (await c.post(`/organisations/${org.id}/invitations`, { email: `flood-${i}@example.org`, role: 'member' }))
          .status,
      );
    expect(statuses.slice(0, invitationLimits.perHour).every((s) => s === 303)).toBe(true);
    expect(statuses[invitationLimits.perHour]).toBe(429);
    const mails = await t.db.selectFrom('outbox').select('id').where('to_address', 'like', 'flood-%').execute();
    expect(mails).toHaveLength(invitationLimits.perHour);
  });
});
