/** Private pages are never cached; HSTS is sent over HTTPS only. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp } from '../helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../helpers/db.js';
import { apiTokenFor, loginAs, makeUser } from '../helpers/factories.js';

describeEachDb('transport and cache headers', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('sends HSTS only when the request came over HTTPS', async () => {
    const plain = await new TestClient(testApp(t.db)).get('/');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    // Behind a trusted proxy that terminates TLS.
    const proxied = await new TestClient(testApp(t.db, { TRUST_PROXY: 'true' })).get('/', {
      'x-forwarded-proto': 'https',
    });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    // The same header from a client without a trusted proxy changes nothing.
    const forged = await new TestClient(testApp(t.db)).get('/', { 'x-forwarded-proto': 'https' });
    expect(forged.headers.get('strict-transport-security')).toBeNull();
  });

  it('pages of a signed-in user, API answers and responses that set a cookie are no-store', async () => {
    const u = await makeUser(t.db);
    const client = new TestClient(testApp(t.db));
    await loginAs(t.db, client, u.id);
    for (const path of ['/dashboard', '/account', '/'])
      expect((await client.get(path)).headers.get('cache-control')).toBe('no-store');
    const token = await apiTokenFor(t.db, u.id);
    const api = await testApp(t.db).request('http://localhost/api/v1/trainings', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.headers.get('cache-control')).toBe('no-store');
    const lang = await new TestClient(testApp(t.db)).get('/?lang=en');
    expect(lang.headers.get('cache-control')).toBe('no-store');
    // A visitor's public page may be cached by the browser as usual; static files keep their long cache.
    expect((await new TestClient(testApp(t.db)).get('/directory')).headers.get('cache-control')).toBeNull();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(
      await (await new TestClient(testApp(t.db)).get('/')).text(),
    )![1]!;
    expect((await client.get(href)).headers.get('cache-control')).toContain('immutable');
  });
});
