import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, type TTestDb } from '../../../test/helpers/db.js';
import { apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { countryName } from './country-names.js';

// Found in a QA pass: the methodology linked to a repository path the site does not serve, and the settings page
// listed countries in English on French pages.
describe('footprint pages read by a visitor', () => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('links every source of the methodology to an address that exists (absolute, or on this site)', async () => {
    const html = await (await testApp(t.db).request('/methodology')).text();
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    const relative = hrefs.filter((h) => !/^(https?:\/\/|\/|#)/.test(h));
    expect(relative).toEqual([]);
  });

  it('names the countries of the settings page in the reader’s language', async () => {
    const app = testApp(t.db);
    const user = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { kind: 'company', ownerId: user.id });
    const client = new TestClient(app);
    await loginAs(t.db, client, user.id);
    const fr = await (await client.get(`/organisations/${org.id}/footprint/settings?lang=fr`)).text();
    expect(fr).toContain('Allemagne (DEU)');
    expect(fr).toContain('Congo-Kinshasa (COD)');
    expect(fr).not.toContain('Germany');
    const en = await (await client.get(`/organisations/${org.id}/footprint/settings?lang=en`)).text();
    expect(en).toContain('Germany (DEU)');
  });

  it('falls back on the data set’s name for a code without a current region', () => {
    expect(countryName('FRA', 'fr', 'France')).toBe('France');
    expect(countryName('WOR', 'fr', 'World')).toBe('Monde');
    expect(countryName('SCG', 'en', 'Serbia and Montenegro')).toBe('Serbia and Montenegro');
  });

  it('writes the particulate-matter unit in the reader’s language on the result page', async () => {
    const app = testApp(t.db);
    const user = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { kind: 'company', ownerId: user.id });
    const token = await apiTokenFor(t.db, user.id);
    const post = await app.request(`/api/v1/organisations/${org.id}/inventories/2025`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ category: 'laptop', quantity: 10 }] }),
    });
    expect(post.status).toBe(201);
    const client = new TestClient(app);
    await loginAs(t.db, client, user.id);
    const fr = await (await client.get(`/organisations/${org.id}/footprint/2025?lang=fr`)).text();
    expect(fr).toContain('incidence de maladies');
    expect(fr).not.toContain('disease incidence');
  });
});
