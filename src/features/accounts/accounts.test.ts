import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeUser, testPassword } from '../../../test/helpers/factories.js';
import { loginClock, loginRules } from './login-throttle.js';
import { lastMailTo } from '../../../test/helpers/mail.js';

/** The last mail sent to an address (as sent: the outbox masks link secrets), and the path of its first link. */
async function lastMail(t: TTestDb, to: string) {
  const row = await t.db
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { row, link: row ? lastMailTo(to).link : undefined };
}

describeEachDb('accounts', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('signs up, mails a confirmation link, and confirms by a POST that logs the user in', async () => {
    const client = new TestClient(testApp(t.db));
    const res = await client.post('/signup', {
      name: 'Ada Martin',
      email: ' Ada@Example.ORG ',
      password: 'a long enough passphrase',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signup/sent');
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'ada@example.org')
      .executeTakeFirstOrThrow();
    expect(user.email_confirmed_at).toBeNull();
    const { link } = await lastMail(t, 'ada@example.org');
    expect(link).toMatch(/^\/confirm\//);
    // GET only shows a button: link scanners must not confirm.
    expect((await client.get(link!)).status).toBe(200);
    expect(
      (await t.db.selectFrom('users').select('email_confirmed_at').where('id', '=', user.id).executeTakeFirstOrThrow())
        .email_confirmed_at,
    ).toBeNull();
    const confirmed = await client.post(link!);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toContain('/dashboard');
    expect(
      (await t.db.selectFrom('users').select('email_confirmed_at').where('id', '=', user.id).executeTakeFirstOrThrow())
        .email_confirmed_at,
    ).not.toBeNull();
    const account = await client.get('/account');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('ada@example.org');
    // A link works once.
    expect((await client.post(link!)).status).toBe(404);
  });

  it('rejects short passwords with a message naming the rule, in the user language', async () => {
    const client = new TestClient(testApp(t.db));
    const res = await client.post('/signup?lang=en', { name: 'Bob', email: 'bob@example.org', password: 'short' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('at least 12 characters');
    expect(
      await t.db.selectFrom('users').select('id').where('email', '=', 'bob@example.org').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('answers the same way for a known address and mails its owner instead', async () => {
    const known = await makeUser(t.db);
    const client = new TestClient(testApp(t.db));
    const res = await client.post('/signup', {
      name: 'Someone',
      email: known.email,
      password: 'another long passphrase',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signup/sent');
    const { row } = await lastMail(t, known.email);
    expect(row?.subject).toContain('Tentative');
    expect(
      Number(
        (
          await t.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('email', '=', known.email)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(1);
  });

  it('logs in with a new session id and gives one message for unknown email and wrong password', async () => {
    const u = await makeUser(t.db);
    const client = new TestClient(testApp(t.db));
    const wrong = await client.post('/login', { email: u.email, password: 'not the password!' });
    const unknown = await client.post('/login', { email: 'nobody-here@example.org', password: 'not the password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (s: string) => s.replace(/value="[^"]*"/g, '');
    expect(strip(await wrong.text())).toBe(strip(await unknown.text()));
    // A session planted before login is dropped, and a different one issued.
    await loginAs(t.db, client, (await makeUser(t.db)).id);
    const planted = client.cookies.get('techcare_session');
    const ok = await client.post('/login', { email: u.email, password: testPassword, next: '/account' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/account');
    expect(client.cookies.get('techcare_session')).not.toBe(planted);
    expect(await (await client.get('/account')).text()).toContain(u.email);
    // An outside "next" is ignored.
    const other = new TestClient(testApp(t.db));
    const res = await other.post('/login', { email: u.email, password: testPassword, next: '//evil.example' });
    expect(res.headers.get('location')).toBe('/dashboard');
    await client.post('/logout');
    expect((await client.get('/account')).status).toBe(303);
  });

  it('refuses a disabled account with the same message', async () => {
    const u = await makeUser(t.db);
    await t.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', u.id).execute();
    const res = await new TestClient(testApp(t.db)).post('/login', { email: u.email, password: testPassword });
    expect(res.status).toBe(401);
  });

  it('slows login attempts per email in the database (the whole rule is in test/security/login-limits.test.ts)', async () => {
    const u = await makeUser(t.db);
    const client = new TestClient(testApp(t.db, { TRUST_PROXY: 'true' }));
    const login = (password: string) =>
      client.request('/login', {
        method: 'POST',
        body: new URLSearchParams({ email: u.email, password }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.77' },
      });
    const at = new Date('2031-05-04T09:00:00Z');
    loginClock.now = () => at;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < loginRules.account.free + 1; i++) statuses.push((await login('wrong password!!')).status);
      expect(statuses.slice(0, loginRules.account.free).every((s) => s === 401)).toBe(true);
      expect(statuses[loginRules.account.free]).toBe(429);
      // A browser that never logged in to the account waits, even with the right password (for a while only).
      expect((await login(testPassword)).status).toBe(429);
    } finally {
      loginClock.now = () => new Date();
    }
  });

  it('rate-limits sign-ups per email', async () => {
    const client = new TestClient(testApp(t.db));
    let last = 0;
    for (let i = 0; i < 6; i++)
      last = (
        await client.post('/signup', {
          name: 'Flood',
          email: 'flood@example.org',
          password: 'a long enough passphrase',
        })
      ).status;
    expect(last).toBe(429);
  });

  it('resets a forgotten password without revealing whether the account exists, and ends old sessions', async () => {
    const u = await makeUser(t.db);
    const client = new TestClient(testApp(t.db));
    const known = await client.post('/password/forgot', { email: u.email });
    const unknown = await client.post('/password/forgot', { email: 'ghost@example.org' });
    expect(known.headers.get('location')).toBe(unknown.headers.get('location'));
    expect((await lastMail(t, 'ghost@example.org')).row).toBeUndefined();
    const session = new TestClient(testApp(t.db));
    await loginAs(t.db, session, u.id);
    const { link } = await lastMail(t, u.email);
    expect(link).toMatch(/^\/password\/reset\//);
    expect((await client.post(link!, { password: 'short' })).status).toBe(422);
    const done = await client.post(link!, { password: 'a brand new passphrase' });
    expect(done.status).toBe(303);
    expect((await session.get('/account')).status).toBe(303);
    expect((await client.post('/login', { email: u.email, password: testPassword })).status).toBe(401);
    expect((await client.post('/login', { email: u.email, password: 'a brand new passphrase' })).status).toBe(303);
    expect((await client.post(link!, { password: 'yet another passphrase' })).status).toBe(404);
  });

  it('saves name, language and digest opt-in on /account', async () => {
    const u = await makeUser(t.db);
    const client = new TestClient(testApp(t.db));
    await loginAs(t.db, client, u.id);
    const res = await client.post('/account', { name: 'Renamed', locale: 'en', digest_opt_in: '1' });
    expect(res.status).toBe(303);
    let row = await t.db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect([row.name, row.locale, Number(row.digest_opt_in)]).toEqual(['Renamed', 'en', 1]);
    await client.post('/account', { name: 'Renamed', locale: 'fr' });
    row = await t.db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(Number(row.digest_opt_in)).toBe(0);
    expect((await client.post('/account', { name: '', locale: 'fr' })).status).toBe(422);
  });

  it('creates an API token shown once, which works until revoked', async () => {
    const u = await makeUser(t.db);
    const client = new TestClient(testApp(t.db));
    await loginAs(t.db, client, u.id);
    const html = await (await client.post('/account/tokens', { token_name: 'script' })).text();
    const secret = /<code>(tc_[^<]+)<\/code>/.exec(html)?.[1];
    expect(secret).toBeDefined();
    expect(await (await client.get('/account')).text()).not.toContain(secret!);
    const app = testApp(t.db);
    expect((await app.request('/api/v1/openapi.json', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(
      200,
    );
    const token = await t.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', u.id)
      .executeTakeFirstOrThrow();
    await client.post(`/account/tokens/${token.id}/revoke`);
    expect((await app.request('/api/v1/openapi.json', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(
      401,
    );
  });

  it('opens no session before the address is confirmed, and resends the link to whoever has the password', async () => {
    const client = new TestClient(testApp(t.db));
    await client.post('/signup', { name: 'Late', email: 'late@example.org', password: 'a long enough passphrase' });
    const before = await lastMail(t, 'late@example.org');
    const res = await client.post('/login', { email: 'late@example.org', password: 'a long enough passphrase' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Confirmez d’abord votre adresse');
    expect(client.cookies.has('techcare_session')).toBe(false);
    expect((await client.get('/account')).status).toBe(303);
    const after = await lastMail(t, 'late@example.org');
    expect(after.row!.id).toBeGreaterThan(before.row!.id);
    expect(after.link).toMatch(/^\/confirm\//);
  });
});
