import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { makeOrganisation } from '../../../test/helpers/factories.js';

describeEachDb('directory', (kind) => {
  let t: TTestDb;
  let ecole: { id: number; slug: string };
  let unsigned: { id: number; slug: string };
  beforeAll(async () => {
    t = await createTestDb(kind);
    ecole = await makeOrganisation(t.db, {
      name: 'École Numérique Sobre',
      kind: 'school',
      sector: 'education',
      region: 'BRE',
      sizeBand: '10-49',
      signed: true,
    });
    await makeOrganisation(t.db, {
      name: 'ECOLOGIE Logicielle',
      kind: 'company',
      sector: 'software',
      region: 'IDF',
      signed: true,
    });
    unsigned = await makeOrganisation(t.db, { name: 'Ecole Pas Signée', kind: 'school', signed: false });
    for (let i = 0; i < 23; i++)
      await makeOrganisation(t.db, { name: `Filler ${String(i).padStart(2, '0')}`, region: 'OCC', signed: true });
  });
  afterAll(() => t.destroy());

  it('lists only validated signatories, 20 per page', async () => {
    const app = testApp(t.db);
    const html = await (await app.request('/directory')).text();
    expect(html).toContain('25 organisations trouvées');
    expect(html).not.toContain('Ecole Pas Signée');
    expect((html.match(/href="\/directory\/[^"]+"/g) ?? []).length).toBe(20);
    const p2 = await (await app.request('/directory?page=2')).text();
    expect((p2.match(/href="\/directory\/[^"]+"/g) ?? []).length).toBe(5);
  });

  it('searches names ignoring case and accents, and filters by kind, sector, size and region', async () => {
    const app = testApp(t.db);
    const names = async (qs: string) => {
      const res = await app.request(`/api/v1/organisations?${qs}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { name: string }[]).map((o) => o.name).sort();
    };
    expect(await names('q=ecole')).toEqual(['École Numérique Sobre']);
    expect(await names('q=ÉCOL')).toEqual(['ECOLOGIE Logicielle', 'École Numérique Sobre']);
    expect(await names('q=sobre%20numerique')).toEqual(['École Numérique Sobre']);
    expect(await names('kind=school')).toEqual(['École Numérique Sobre']);
    expect(await names('sector=software&region=IDF')).toEqual(['ECOLOGIE Logicielle']);
    expect(await names('size=10-49')).toEqual(['École Numérique Sobre']);
    const page = await (await app.request('/directory?q=%C3%A9cole&region=BRE')).text();
    expect(page).toContain('École Numérique Sobre');
    expect(page).not.toContain('Filler');
  });

  it('paginates the API with a Link header and validates filters', async () => {
    const app = testApp(t.db);
    const res = await app.request('/api/v1/organisations?region=OCC&per_page=10&page=2');
    expect(res.headers.get('x-total-count')).toBe('23');
    expect(res.headers.get('link')).toContain('rel="next"');
    expect(((await res.json()) as unknown[]).length).toBe(10);
    expect((await app.request('/api/v1/organisations?kind=castle')).status).toBe(400);
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/organisations', '/organisations/{id}']));
  });

  it('shows a public profile with the signed version, and 404 for non-signatories', async () => {
    const app = testApp(t.db);
    const res = await app.request(`/api/v1/organisations/${ecole.id}`);
    const body = (await res.json()) as { name: string; signature: { audience: string }; siren?: unknown };
    expect(body.name).toBe('École Numérique Sobre');
    expect(body.signature.audience).toBe('school');
    expect(body).not.toHaveProperty('siren');
    expect((await app.request(`/api/v1/organisations/${unsigned.id}`)).status).toBe(404);
    expect((await app.request(`/directory/${ecole.slug}`)).status).toBe(200);
    expect((await app.request(`/directory/${unsigned.slug}`)).status).toBe(404);
  });

  it('lists /manifesto, /directory, /partners and each signatory in the sitemap', async () => {
    const xml = await (await testApp(t.db).request('/sitemap.xml')).text();
    for (const p of ['/manifesto', '/directory', '/partners', `/directory/${ecole.slug}`])
      expect(xml).toContain(`${p}</loc>`);
    expect(xml).not.toContain(`/directory/${unsigned.slug}<`);
  });
});

describeEachDb('directory page and public facts', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('shows a member maturity level on its page only after the member chose to publish it', async () => {
    const org = await makeOrganisation(t.db, { name: 'Sobriété Conseil', signed: true });
    const now = new Date().toISOString();
    await t.db
      .insertInto('maturity_assessments')
      .values({
        organisation_id: org.id,
        status: 'completed',
        overall_level: 3,
        overall_score: 3.2,
        created_by: null,
        created_at: now,
        completed_at: now,
      })
      .execute();
    const page = async () => (await testApp(t.db).request(`/directory/${org.slug}?lang=en`)).text();
    const levelName = 'acting';
    expect((await page()).toLowerCase()).not.toContain(levelName);
    await t.db
      .insertInto('review_public_choices')
      .values({
        organisation_id: org.id,
        footprint_trend: 0,
        maturity_level: 1,
        actions_done: 0,
        workshops_attended: 0,
        updated_by: null,
        updated_at: now,
      })
      .execute();
    expect((await page()).toLowerCase()).toContain(levelName);
  });
});
