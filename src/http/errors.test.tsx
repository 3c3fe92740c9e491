import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/helpers/app.js';
import { createTestDb, type TTestDb } from '../../test/helpers/db.js';
import { en } from '../i18n/en.js';
import { fr } from '../i18n/fr.js';
import type { AppEnv } from './env.js';
import { AppError, handleError } from './errors.js';
import { localeMiddleware } from './middleware/locale.js';

/** The visible text of a page, entities decoded as the catalogue writes them. */
const text = async (res: Response) =>
  (await res.text())
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function appThrowing(err: Error): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', localeMiddleware);
  app.post('/act', () => {
    throw err;
  });
  app.onError((e, c) => handleError(e, c));
  return app;
}

describe('error pages that explain', () => {
  it('keeps the log message apart from the message for people', () => {
    const keyed = new AppError(409, 'nothing_to_copy', 'footprint.copy.nothing');
    expect(keyed.userMessage).toBe('footprint.copy.nothing');
    const english = new AppError(409, 'not_draft', 'Only a draft can be published', [], { key: 'error.conflict.text' });
    expect(english.message).toBe('Only a draft can be published');
    expect(english.userMessage).toBe('error.conflict.text');
    expect(new AppError(409, 'last_owner', 'An organisation keeps at least one owner').userMessage).toBeUndefined();
  });

  it('a 409 says what happened (the error’s own message) and what to do, with a link back', async () => {
    const res = await appThrowing(new AppError(409, 'nothing_to_copy', 'footprint.copy.nothing')).request('/act', {
      method: 'POST',
      headers: { Referer: 'http://localhost/organisations/1/footprint', 'Accept-Language': 'fr' },
    });
    expect(res.status).toBe(409);
    const page = await text(res);
    expect(page).toContain(fr['error.conflict.title']);
    expect(page).toContain(fr['footprint.copy.nothing']);
    expect(page).toContain(fr['error.conflict.todo']);
    expect(page).toContain('href="/organisations/1/footprint"');
    expect(page).not.toContain(fr['error.server.title']);
  });

  it('a 409 whose message is only for logs shows the general explanation, not the English log text', async () => {
    const res = await appThrowing(new AppError(409, 'last_owner', 'An organisation keeps at least one owner')).request(
      '/act',
      { method: 'POST', headers: { 'Accept-Language': 'en' } },
    );
    const page = await text(res);
    expect(page).toContain(en['error.conflict.text']);
    expect(page).toContain(en['error.conflict.todo']);
    expect(page).not.toContain('keeps at least one owner');
  });

  it('a 422 says the values were refused and to correct the form; no back link to another site', async () => {
    const res = await appThrowing(new AppError(422, 'invalid_lever', 'actions.error.lever')).request('/act', {
      method: 'POST',
      headers: { Referer: 'https://elsewhere.example/x', 'Accept-Language': 'en' },
    });
    expect(res.status).toBe(422);
    const page = await text(res);
    expect(page).toContain(en['error.unprocessable.title']);
    expect(page).toContain(en['actions.error.lever']);
    expect(page).toContain(en['error.unprocessable.todo']);
    expect(page).not.toContain('elsewhere.example');
  });

  describe('404', () => {
    let t: TTestDb;
    beforeAll(async () => {
      t = await createTestDb('sqlite');
    });
    afterAll(() => t.destroy());
    it('an unknown page says so and what to do', async () => {
      const res = await testApp(t.db).request('/no-such-page', { headers: { 'Accept-Language': 'fr' } });
      expect(res.status).toBe(404);
      const page = await text(res);
      expect(page).toContain(fr['error.notFound.title']);
      expect(page).toContain(fr['error.notFound.todo']);
    });
  });
});
