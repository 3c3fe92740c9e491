import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { getFootprintResult } from './index.js';
import { waitForImport } from './import-inventory.js';

const csv = (rows: string[]) => ['catégorie;quantité;année d’achat;libellé', ...rows].join('\n') + '\n';

function form(name: string, body: string, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  fd.append('file', new File([body], name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describeEachDb('footprint imports: mapping step and sources', (kind) => {
  let t: TTestDb;
  let app: ReturnType<typeof testApp>;
  let member: TestClient;
  let outsider: TestClient;
  let orgId: number;
  let token: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    app = testApp(t.db);
    const m = await makeUser(t.db);
    const o = await makeUser(t.db);
    orgId = (await makeOrganisation(t.db, { ownerId: m.id, name: 'Pare-feu et Cie' })).id;
    await makeOrganisation(t.db, { ownerId: o.id });
    member = new TestClient(app);
    outsider = new TestClient(app);
    await loginAs(t.db, member, m.id);
    await loginAs(t.db, outsider, o.id);
    token = await apiTokenFor(t.db, m.id);
  });
  afterAll(async () => {
    await t.destroy();
  });

  async function upload(year: number, body: string, fields: Record<string, string> = {}): Promise<string> {
    const res = await member.postMultipart(
      `/organisations/${orgId}/footprint/${year}/imports`,
      form('glpi.csv', body, fields),
    );
    expect(res.status).toBe(303);
    const loc = res.headers.get('location')!;
    await waitForImport(Number(loc.split('/').pop()));
    return loc;
  }
  const lineRows = (year: number) =>
    t.db
      .selectFrom('footprint_lines')
      .innerJoin('footprint_inventories as i', 'i.id', 'footprint_lines.inventory_id')
      .select([
        'footprint_lines.category',
        'footprint_lines.quantity',
        'footprint_lines.source',
        'footprint_lines.model',
        'footprint_lines.purchase_year',
      ])
      .where('i.organisation_id', '=', orgId)
      .where('i.year', '=', year)
      .orderBy('footprint_lines.id')
      .execute();
  const storedMappings = () =>
    t.db
      .selectFrom('footprint_value_mappings')
      .select(['column_name', 'value', 'target'])
      .where('organisation_id', '=', orgId)
      .execute();

  it('stops at the mapping step on unknown values, stores nothing, then resumes with the choices and remembers them', async () => {
    const status = await upload(
      2024,
      csv(['Pare-feu;2;2022;FW1', 'laptop;10;2023;PC', 'PARE FEU;1;2022;FW2', 'Imprimante 3D;1;2021;P3D']),
    );
    const page = await member.get(status);
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/[\u00a0\u202f]/g, ' ');
    // Each distinct value once, with its count; « PARE FEU » and « Pare-feu » are one value.
    expect(html).toContain('Type pour « Pare-feu »');
    expect(html).toContain('2 lignes portent cette valeur.');
    expect(html).toContain('Type pour « Imprimante 3D »');
    expect(html).toContain('1 ligne porte cette valeur.');
    expect(html).not.toContain('PARE FEU');
    expect(html).toContain('name="map_0"');
    expect(await lineRows(2024)).toEqual([]);
    expect(await storedMappings()).toEqual([]);
    expect(await getFootprintResult(t.db, orgId, 2024)).toBeNull();

    // Another organisation's member may not answer; a missing choice re-renders the form with an error.
    const action = `${status}/mapping`;
    expect((await outsider.post(action, { map_0: 'network_switch', map_1: 'printer' })).status).toBe(403);
    const missing = await member.post(action, { map_0: 'network_switch' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('choisissez un type pour cette valeur');
    const invalid = await member.post(action, { map_0: 'network_switch', map_1: 'spaceship' });
    expect(invalid.status).toBe(422);
    expect(await storedMappings()).toEqual([]);

    const done = await member.post(action, { map_0: 'network_switch', map_1: 'printer' });
    expect(done.status).toBe(303);
    const next = done.headers.get('location')!;
    expect(next).not.toBe(status);
    await waitForImport(Number(next.split('/').pop()));
    expect(await (await member.get(next)).text()).toMatch(/terminé/);
    expect((await lineRows(2024)).map((l) => l.category)).toEqual([
      'network_switch',
      'laptop',
      'network_switch',
      'printer',
    ]);
    expect((await storedMappings()).sort((a, b) => a.value.localeCompare(b.value))).toEqual([
      { column_name: 'category', value: 'Imprimante 3D', target: 'printer' },
      { column_name: 'category', value: 'Pare-feu', target: 'network_switch' },
    ]);
    // The same page cannot resume twice.
    expect((await member.post(action, { map_0: 'network_switch', map_1: 'printer' })).status).toBe(409);

    // The next import applies the remembered choices without asking.
    const again = await upload(2023, csv(['pare-feu;4;2020;FW']));
    expect(await (await member.get(again)).text()).toMatch(/terminé/);
    expect((await lineRows(2023)).map((l) => l.category)).toEqual(['network_switch']);
  });

  it('answers 422 with the unknown values through the API and accepts a mapping object', async () => {
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const url = `/api/v1/organisations/${orgId}/inventories/2022`;
    const lines = [
      { category: 'Borne de recharge', quantity: 3 },
      { category: 'Borne de recharge', quantity: 1 },
      { category: 'laptop', quantity: 2, country: 'Groland' },
    ];
    const ask = await app.request(url, { method: 'POST', headers: auth, body: JSON.stringify({ lines }) });
    expect(ask.status).toBe(422);
    const body = (await ask.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error.code).toBe('unknown_values');
    expect(body.error.details).toEqual([
      { column: 'category', value: 'Borne de recharge', count: 2 },
      { column: 'country', value: 'Groland', count: 1 },
    ]);
    const bad = await app.request(url, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        lines,
        mapping: { category: { 'Borne de recharge': 'warp_drive' }, country: { Groland: 'FRA' } },
      }),
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_mapping');
    expect(await lineRows(2022)).toEqual([]);
    const ok = await app.request(url, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        lines,
        mapping: { category: { 'Borne de recharge': 'wifi_access_point' }, country: { Groland: 'FRA' } },
      }),
    });
    expect(ok.status).toBe(201);
    expect((await lineRows(2022)).map((l) => l.category)).toEqual(['wifi_access_point', 'wifi_access_point', 'laptop']);
    expect(
      (await storedMappings()).some((m) => m.column_name === 'country' && m.value === 'Groland' && m.target === 'FRA'),
    ).toBe(true);
  });

  it('replaces one source of a year and keeps the others; the year is computed over every source', async () => {
    const year = 2021;
    await upload(year, csv(['laptop;5;2020;A', 'desktop;2;2019;B']), { scope: 'source', source_name: 'Ordinateurs' });
    await upload(year, csv(['monitor;7;2020;M']), { scope: 'source', source_name: 'Moniteurs' });
    expect((await lineRows(year)).map((l) => [l.category, l.source])).toEqual([
      ['laptop', 'Ordinateurs'],
      ['desktop', 'Ordinateurs'],
      ['monitor', 'Moniteurs'],
    ]);
    const both = (await getFootprintResult(t.db, orgId, year))!;
    expect(both.units).toBe(14);

    // A new « Ordinateurs » list replaces only its own lines.
    await upload(year, csv(['laptop;8;2021;A']), { scope: 'source', source_name: 'Ordinateurs' });
    expect((await lineRows(year)).map((l) => [l.category, l.quantity, l.source])).toEqual([
      ['monitor', 7, 'Moniteurs'],
      ['laptop', 8, 'Ordinateurs'],
    ]);
    const inv = await t.db
      .selectFrom('footprint_inventories')
      .select('line_count')
      .where('organisation_id', '=', orgId)
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    expect(Number(inv.line_count)).toBe(2);
    expect((await getFootprintResult(t.db, orgId, year))!.units).toBe(15);
    const page = await (await member.get(`/organisations/${orgId}/footprint/${year}/inventory`)).text();
    expect(page).toContain('<td>Moniteurs</td>');

    // Replacing one source needs its name: refused, nothing changes.
    const refused = await member.postMultipart(
      `/organisations/${orgId}/footprint/${year}/imports`,
      form('x.csv', csv(['server;1;2020;S']), { scope: 'source', source_name: ' ' }),
    );
    expect(refused.status).toBe(422);
    expect(await lineRows(year)).toHaveLength(2);

    // The whole year replaces every source.
    await upload(year, csv(['server;1;2020;S']), { scope: 'year' });
    expect((await lineRows(year)).map((l) => [l.category, l.source, l.purchase_year])).toEqual([
      ['server', null, 2020],
    ]);
  });
});
