import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { getFootprintResult } from './index.js';
import { waitForImport } from './import-inventory.js';
import { groupKeyText } from './inventory-groups.js';

const csv =
  [
    'catégorie;quantité;année d’achat;modèle;site;libellé',
    'laptop;1;2021;Latitude 5420;Lyon;A',
    'laptop;1;2021;Latitude 5420;Lyon;B',
    'laptop;1;2021;Latitude 5420;Paris;C',
    'laptop;2;2022;ThinkPad T14;Paris;D',
    'monitor;3;2020;P2422H;Lyon;E',
  ].join('\n') + '\n';

describeEachDb('footprint inventory: groups, filters, bulk edit', (kind) => {
  let t: TTestDb;
  let app: ReturnType<typeof testApp>;
  let member: TestClient;
  let outsider: TestClient;
  let orgId: number;
  const year = 2024;
  const base = () => `/organisations/${orgId}/footprint/${year}`;

  beforeAll(async () => {
    t = await createTestDb(kind);
    app = testApp(t.db);
    const m = await makeUser(t.db);
    const o = await makeUser(t.db);
    orgId = (await makeOrganisation(t.db, { ownerId: m.id })).id;
    await makeOrganisation(t.db, { ownerId: o.id });
    member = new TestClient(app);
    outsider = new TestClient(app);
    await loginAs(t.db, member, m.id);
    await loginAs(t.db, outsider, o.id);
    const fd = new FormData();
    fd.append('file', new File([csv], 'inv.csv', { type: 'text/csv' }));
    const res = await member.postMultipart(`${base()}/imports`, fd);
    await waitForImport(Number(res.headers.get('location')!.split('/').pop()));
  });
  afterAll(async () => {
    await t.destroy();
  });

  const lines = () =>
    t.db.selectFrom('footprint_lines').select(['label', 'purchase_year', 'data_json']).orderBy('label').execute();

  it('groups lines by category, model and purchase year with totals, under filters', async () => {
    const html = (await (await member.get(`${base()}/inventory`)).text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(html).toContain('Équipements regroupés');
    expect(html).toMatch(
      /<td>Latitude 5420<\/td><td class="num">2021<\/td><td class="num">3<\/td><td class="num">3<\/td>/,
    );
    expect(html).toMatch(/<th scope="row" colspan="4">Total<\/th><td class="num">5<\/td><td class="num">8<\/td>/);
    const paris = await (await member.get(`${base()}/inventory?site=Paris`)).text();
    expect(paris).toMatch(/<td>Latitude 5420<\/td><td class="num">2021<\/td><td class="num">1<\/td>/);
    expect(paris).not.toContain('P2422H');
    expect(paris).toContain('name="filter_site" value="Paris"');
  });

  it('changes the lines of the ticked groups within the filters and recomputes once; a bad value changes nothing', async () => {
    const before = (await getFootprintResult(t.db, orgId, year))!.total.gwp!.value;
    const group = groupKeyText(['laptop', 'Latitude 5420', 2021]);
    expect((await outsider.post(`${base()}/bulk-edit`, { group, lifespan_years: '8' })).status).toBe(403);
    const bad = await member.post(`${base()}/bulk-edit`, { group, lifespan_years: '-2', purchase_year: '1890' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('écrivez un nombre d’années entre 0 et 50');
    expect(badHtml).toContain('href="#f-lifespan_years"');
    expect((await member.post(`${base()}/bulk-edit`, { lifespan_years: '8' })).status).toBe(422);
    expect((await lines()).every((l) => !('lifespan_years' in JSON.parse(l.data_json)))).toBe(true);

    const ok = await member.post(`${base()}/bulk-edit`, {
      group,
      filter_site: 'Lyon',
      lifespan_years: '8,5',
      purchase_year: '2023',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toContain('site=Lyon');
    const after = await lines();
    const byLabel = Object.fromEntries(
      after.map((l) => [l.label, { ...JSON.parse(l.data_json), col: l.purchase_year }]),
    );
    expect(byLabel.A).toMatchObject({ lifespan_years: 8.5, purchase_year: 2023, col: 2023 });
    expect(byLabel.B).toMatchObject({ lifespan_years: 8.5, purchase_year: 2023 });
    // Line C is in the group but outside the filter (Paris): unchanged.
    expect(byLabel.C).toMatchObject({ purchase_year: 2021, col: 2021 });
    expect(byLabel.C.lifespan_years).toBeUndefined();
    const result = (await getFootprintResult(t.db, orgId, year))!;
    expect(result.total.gwp!.value).not.toBeCloseTo(before, 6);
    expect(result.lines).toBe(5);
  });
});
