import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../../../test/helpers/db.js';
import { testApp } from '../../../test/helpers/app.js';

describe('the language choice', () => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('is remembered when a page is asked for in a language', async () => {
    const res = await testApp(t.db).request('/?lang=en');
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('set-cookie')).toContain('techcare_lang=en');
  });

  it('is not changed by a download in another language (the file is in English, the interface stays French)', async () => {
    const res = await testApp(t.db).request('/sitemap.xml?lang=en', { headers: { cookie: 'techcare_lang=fr' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('techcare_lang');
    const next = await testApp(t.db).request('/', { headers: { cookie: 'techcare_lang=fr' } });
    expect(next.headers.get('content-language')).toBe('fr');
  });
});
