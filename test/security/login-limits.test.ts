/**
 * Login limits that protect without locking owners out: failures counted per account and per address, waits that
 * double, the right password never refused from a known device, atomic counting under parallel requests, and the
 * client address taken from the proxy's own X-Forwarded-For entry.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { authenticate } from '../../src/features/accounts/log-in.js';
import { loginClock, loginRules, waitAfter } from '../../src/features/accounts/login-throttle.js';
import { TestClient, testApp } from '../helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../helpers/db.js';
import { makeUser, testPassword } from '../helpers/factories.js';

function loginRequest(client: TestClient, email: string, password: string, forwardedFor?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  return client.request('/login', { method: 'POST', body: new URLSearchParams({ email, password }), headers });
}

describeEachDb('login limits', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());
  // The HTTP tests run on a stopped clock: a slow machine must not let a wait expire between two requests.
  let clock = Date.parse('2031-03-02T08:00:00Z');
  beforeEach(() => {
    clock += 86_400_000;
    loginClock.now = () => new Date(clock);
  });
  afterEach(() => {
    loginClock.now = () => new Date();
  });

  it('waits double after each failure past the free ones, and the right password passes once the wait is over', async () => {
    const u = await makeUser(t.db);
    const t0 = Date.parse('2026-03-02T10:00:00Z');
    const attempt = (at: number, password = 'wrong password!!', ip = `10.1.0.${at % 200}`) =>
      authenticate(t.db, { email: u.email, password, ip }, new Date(at));
    for (let i = 0; i < loginRules.account.free; i++) expect((await attempt(t0 + i)).status).toBe('invalid');
    let at = t0 + loginRules.account.free;
    const waits: number[] = [];
    for (let k = 0; k < 4; k++) {
      const refused = await attempt(at);
      expect(refused.status).toBe('limited');
      const wait = (refused as { retryAfterMs: number }).retryAfterMs;
      waits.push(wait);
      at += wait;
      expect((await attempt(at)).status).toBe('invalid');
    }
    // 1 s, 2 s, 4 s, 8 s (minus the milliseconds between the failure and the refused attempt).
    expect(waits.map((w) => Math.round(w / 1000))).toEqual([1, 2, 4, 8]);
    expect(waitAfter(loginRules.account, 40)).toBe(loginRules.account.maxWaitMs);
    // Never a hard block: once the wait is over the right password opens the account, and clears its count.
    const refused = await attempt(at, testPassword);
    at += (refused as { retryAfterMs: number }).retryAfterMs;
    expect((await attempt(at, testPassword)).status).toBe('ok');
    expect((await attempt(at + 1)).status).toBe('invalid');
  });

  it('failures from anywhere delay an account, but never the right password from a browser that logged in before', async () => {
    const u = await makeUser(t.db);
    const app = testApp(t.db, { TRUST_PROXY: 'true' });
    const owner = new TestClient(app);
    expect((await loginRequest(owner, u.email, testPassword, '192.0.2.10')).status).toBe(303);
    expect(owner.cookies.has('techcare_device')).toBe(true);
    await owner.post('/logout');
    // Someone elsewhere tries passwords from many addresses: the account's wait grows.
    const attacker = new TestClient(app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await loginRequest(attacker, u.email, 'guess guess guess', `203.0.113.${i}`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(loginRules.account.free);
    expect(statuses.slice(loginRules.account.free)).toEqual(Array(12 - loginRules.account.free).fill(429));
    // A new browser with the right password waits too (no hard block: it says for how long)…
    const elsewhere = await loginRequest(new TestClient(app), u.email, testPassword, '198.51.100.7');
    expect(elsewhere.status).toBe(429);
    expect(Number(elsewhere.headers.get('retry-after'))).toBeGreaterThan(0);
    // …but the owner's usual browser is let in at once.
    expect((await loginRequest(owner, u.email, testPassword, '192.0.2.10')).status).toBe(303);
  });

  it('parallel wrong passwords cannot check more than the free attempts', async () => {
    const u = await makeUser(t.db);
    const app = testApp(t.db, { TRUST_PROXY: 'true' });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        loginRequest(new TestClient(app), u.email, 'parallel guess!', `203.0.113.${100 + i}`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(loginRules.account.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - loginRules.account.free);
  });

  it('counts failures per address from the proxy’s own (last) X-Forwarded-For entry, not the client-set first one', async () => {
    const app = testApp(t.db, { TRUST_PROXY: 'true' });
    const client = new TestClient(app);
    const statuses: number[] = [];
    // A different account each time (so only the address counts) and a forged, rotating first entry.
    for (let i = 0; i <= loginRules.address.free; i++) {
      statuses.push(
        (await loginRequest(client, `nobody-${i}@example.org`, 'guess guess guess', `10.9.${i}.1, 198.51.100.99`))
          .status,
      );
    }
    expect(statuses.slice(0, loginRules.address.free).every((s) => s === 401)).toBe(true);
    expect(statuses[loginRules.address.free]).toBe(429);
    // Another client behind the same proxy is not slowed by that address.
    expect(
      (await loginRequest(client, 'someone@example.org', 'guess guess guess', '198.51.100.99, 198.51.100.100')).status,
    ).toBe(401);
  });

  it('a campus behind one address is not slowed by its members’ successful logins', async () => {
    const app = testApp(t.db, { TRUST_PROXY: 'true' });
    const statuses: number[] = [];
    for (let i = 0; i < loginRules.address.free + 5; i++) {
      const u = await makeUser(t.db);
      statuses.push((await loginRequest(new TestClient(app), u.email, testPassword, '192.0.2.200')).status);
    }
    expect(statuses.every((s) => s === 303)).toBe(true);
  });
});
