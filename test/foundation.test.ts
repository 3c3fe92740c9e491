import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { en } from '../src/i18n/en.js';
import { fr } from '../src/i18n/fr.js';
import { localeFromAcceptLanguage } from '../src/i18n/index.js';
import { TestClient, testApp } from './helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from './helpers/db.js';

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.DATABASE_URL).toBe('sqlite:./data/techcare.db');
    expect(c.TECHCARE_DEMO).toBe(true);
  });
  it('names the invalid variable in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^Invalid environment variable PORT: /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ TECHCARE_DEMO: 'maybe' })).toThrow(/TECHCARE_DEMO/);
  });
});

describe('catalogues', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
  });
  it('honours Accept-Language', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('de-DE,fr;q=0.5,en;q=0.4')).toBe('fr');
    expect(localeFromAcceptLanguage(undefined)).toBe('fr');
  });
});

describeEachDb('platform basics', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('answers /healthz with the database kind', async () => {
    const res = await testApp(t.db).request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: kind });
  });

  it('serves the home page in French by default, English with ?lang=en remembered by cookie', async () => {
    const client = new TestClient(testApp(t.db));
    const fr1 = await client.get('/');
    expect(fr1.status).toBe(200);
    expect(await fr1.text()).toContain('<html lang="fr"');
    const en1 = await client.get('/?lang=en');
    expect(await en1.text()).toContain('<html lang="en"');
    const en2 = await client.get('/');
    expect(await en2.text()).toContain('<html lang="en"');
  });

  it('honours Accept-Language on a first visit', async () => {
    const res = await testApp(t.db).request('/', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(await res.text()).toContain('<html lang="en"');
  });

  it('sends a strict CSP and security headers', async () => {
    const res = await testApp(t.db).request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('answers 404 with a page in the user language, without stack traces', async () => {
    const res = await testApp(t.db).request('/no-such-page?lang=en');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Page not found');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
  });

  it('lists public pages in /sitemap.xml', async () => {
    const res = await testApp(t.db).request('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('xml');
    expect(await res.text()).toContain('<loc>http://127.0.0.1:3000/</loc>');
  });

  it('rejects a cross-site form post (CSRF)', async () => {
    const res = await testApp(t.db).request('/logout', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(res.status).toBe(403);
  });

  it('serves the OpenAPI document and JSON errors for unknown API paths', async () => {
    const app = testApp(t.db);
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const res = await app.request('/api/v1/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    const bad = await app.request('/api/v1/nope', { headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
  });
});

describeEachDb('proxy headers', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  async function loginCookieName(trustProxy: string): Promise<string> {
    const { makeUser, testPassword } = await import('./helpers/factories.js');
    const u = await makeUser(t.db);
    const client = new TestClient(testApp(t.db, { TRUST_PROXY: trustProxy }));
    const res = await client.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ email: u.email, password: testPassword }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
    });
    expect(res.status).toBe(303);
    return (
      res.headers
        .getSetCookie()
        .map((c) => c.split('=')[0])
        .find((n) => n!.includes('session')) ?? ''
    );
  }

  it('ignores X-Forwarded-Proto unless TRUST_PROXY is set', async () => {
    expect(await loginCookieName('false')).toBe('techcare_session');
    expect(await loginCookieName('true')).toBe('__Host-techcare_session');
  });
});
