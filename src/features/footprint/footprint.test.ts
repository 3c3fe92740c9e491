import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../db/client.js';
import { readInventoryFile } from '../../imports/index.js';
import { computeFootprint } from '../../lca/index.js';
import { getFactorSet } from '../../data/index.js';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { footprintAggregates, getFootprintResult, getInventoryLines, listMeasuredYears } from './index.js';
import {
  HEARTBEAT_TIMEOUT_MS,
  createImportRow,
  failStaleImports,
  importFaults,
  runImport,
  waitForImport,
} from './import-inventory.js';
import { spawnSync } from 'node:child_process';
import { inventoryTemplateCsv, inventoryTemplateXlsx } from './template.js';
import { recomputeYear } from './repository.js';
import { readSettings } from './settings.js';
import { seedDemoFootprints, demoInventory } from './seed-demo.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/footprint');
const fixture = (name: string) => readFileSync(join(fixtures, name));
const norm = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

function multipart(name: string, body: Uint8Array | string, preset = ''): FormData {
  const fd = new FormData();
  fd.append('file', new File([body as BlobPart], name, { type: 'text/csv' }));
  if (preset) fd.append('preset', preset);
  return fd;
}

/** Uploads through the page, follows to the status page once the background import ends; returns its path. */
async function upload(
  client: TestClient,
  orgId: number,
  year: number,
  name: string,
  body: Uint8Array | string,
): Promise<string> {
  const res = await client.postMultipart(`/organisations/${orgId}/footprint/${year}/imports`, multipart(name, body));
  expect(res.status).toBe(303);
  const loc = res.headers.get('location')!;
  expect(loc).toMatch(/\/footprint\/imports\/\d+$/);
  await waitForImport(Number(loc.split('/').pop()));
  return loc;
}

describeEachDb('footprint feature', (kind) => {
  let t: TTestDb;
  let app: ReturnType<typeof testApp>;
  let member: TestClient;
  let other: TestClient;
  let visitor: TestClient;
  let admin: TestClient;
  let orgId: number;
  let otherOrgId: number;
  let memberId: number;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    app = testApp(t.db);
    const m = await makeUser(t.db);
    memberId = m.id;
    const o = await makeUser(t.db);
    const a = await makeUser(t.db, { admin: true });
    orgId = (await makeOrganisation(t.db, { ownerId: m.id, name: 'Acme Numérique' })).id;
    otherOrgId = (await makeOrganisation(t.db, { ownerId: o.id })).id;
    member = new TestClient(app);
    other = new TestClient(app);
    visitor = new TestClient(app);
    admin = new TestClient(app);
    await loginAs(t.db, member, m.id);
    await loginAs(t.db, other, o.id);
    await loginAs(t.db, admin, a.id);
    token = await apiTokenFor(t.db, m.id);
    otherToken = await apiTokenFor(t.db, o.id);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('imports an uploaded file in the background and stores the result the engine computes', async () => {
    const status = await upload(member, orgId, 2024, 'inventaire-2024.csv', fixture('inventory-fr-2024.csv'));
    const page = await member.get(status);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/terminé|done/);
    expect(html).not.toContain('http-equiv="refresh"');

    // The stored result equals the engine's result on the same file (the platform adds nothing to the figures).
    const read = await readInventoryFile(join(fixtures, 'inventory-fr-2024.csv'));
    expect(read.errorCount).toBe(0);
    const expected = computeFootprint(
      getFactorSet(),
      read.items.map((i) => i.data),
      { year: 2024, country: 'FRA', allocation: 'amortised', maxWarnings: 200 },
    );
    const stored = await getFootprintResult(t.db, orgId, 2024);
    expect(stored!.total.gwp!.value).toBeCloseTo(expected.total.gwp!.value, 6);
    expect(stored!.lines).toBe(13);
    expect((await getInventoryLines(t.db, orgId, 2024))!).toHaveLength(13);

    const result = await member.get(`/organisations/${orgId}/footprint/2024`);
    expect(result.status).toBe(200);
    const body = norm(await result.text());
    expect(body).toContain('id="by-tier-title"');
    expect(body).toContain('id="by-entity-title"');
    expect(body).toContain('/methodology#crit-gwp');
    expect(body).toContain(
      new Intl.NumberFormat('fr-FR', { maximumSignificantDigits: 3 })
        .format(expected.total.gwp!.value)
        .replace(/[\u202f\u00a0]/g, ' '),
    );
  });

  it('rejects a file with errors whole, lists line errors and changes nothing', async () => {
    const before = await getFootprintResult(t.db, orgId, 2024);
    const status = await upload(member, orgId, 2024, 'bad.csv', fixture('inventory-errors.csv'));
    const html = await (await member.get(status)).text();
    expect(html).toMatch(/refusé|rejected/);
    expect(html).toContain('<td>3</td>'); // line of the bad quantity
    expect(html).toContain('spaceship');
    expect(await getFootprintResult(t.db, orgId, 2024)).toEqual(before);
    expect((await getInventoryLines(t.db, orgId, 2024))!).toHaveLength(13);
  });

  it('stores categories as codes whatever the file calls them, groups repeated errors, keeps models, skips scrapped and stocked devices', async () => {
    const orgId = (await makeOrganisation(t.db, { ownerId: memberId, name: 'Parc GLPI' })).id;
    // French labels of the platform, an alias of the factor set, an English label: all stored as codes.
    const csv =
      'catégorie;quantité;modèle\nOrdinateur portable;10;Latitude 5440\nCommutateur réseau;2;\nBorne Wi-Fi;3;\nécran;4;\nDesktop computer;1;\n';
    await upload(member, orgId, 2019, 'labels.csv', csv);
    const lines = (await getInventoryLines(t.db, orgId, 2019))!;
    expect(lines.map((l) => l.category)).toEqual([
      'laptop',
      'network_switch',
      'wifi_access_point',
      'monitor',
      'desktop',
    ]);
    expect((lines[0] as { model?: string }).model).toBe('Latitude 5440');
    const stored = await t.db.selectFrom('footprint_lines').select('category').orderBy('line_no').execute();
    expect(stored.some((r) => r.category === 'Ordinateur portable')).toBe(false);

    // One unknown type on many rows is one problem with its lines; the hint names codes and French names.
    const bad =
      'catégorie;quantité\n' +
      Array.from({ length: 15 }, () => 'Imprimante multifonction;1').join('\n') +
      '\nlaptop;dix\n';
    const html = norm(await (await member.get(await upload(member, orgId, 2019, 'bad.csv', bad))).text()).replace(
      /&#39;|&#x27;/g,
      "'",
    );
    expect(html).toContain('15 lignes : 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 …');
    expect(html.match(/Imprimante multifonction/g)).toHaveLength(1);
    expect(html).toContain('laptop « Ordinateur portable »');
    expect((await getInventoryLines(t.db, orgId, 2019))!).toHaveLength(5);

    // GLPI status: scrapped and in-stock devices are not counted, and the page says so.
    const glpi =
      'Nom;Statut;Type;Modèle;Lieu\nPC-1;En service;Portable;Latitude 5440;Paris\nPC-2;Au rebut;Portable;Latitude 5400;Paris\nPC-3;En stock;Portable;Latitude 5440;Paris\nPC-4;Au rebut;Moniteur;P2422H;Paris\n';
    const fd = multipart('glpi.csv', glpi, 'glpi');
    const res = await member.postMultipart(`/organisations/${orgId}/footprint/2020/imports`, fd);
    const loc = res.headers.get('location')!;
    await waitForImport(Number(loc.split('/').pop()));
    const page = norm(await (await member.get(loc)).text());
    expect(page).toContain(
      '3 lignes n’ont pas été comptées car les équipements ne sont pas en service : Statut « Au rebut » (2), Statut « En stock » (1).',
    );
    const glpiLines = (await getInventoryLines(t.db, orgId, 2020))!;
    expect(glpiLines.map((l) => [l.category, l.label, (l as { model?: string }).model])).toEqual([
      ['laptop', 'PC-1', 'Latitude 5440'],
    ]);
  });

  it('forms read French input: « 7,5 » as a target, a year out of range said with its range', async () => {
    const own = (await makeOrganisation(t.db, { ownerId: memberId, name: 'Saisie' })).id;
    const target = await member.post(`/organisations/${own}/footprint/target`, {
      base_year: '2024',
      target_year: '2030',
      reduction_pct: '7,5',
    });
    expect(target.status).toBe(303);
    const line = await member.post(`/organisations/${own}/footprint/2024/lines`, {
      category: 'laptop',
      quantity: '2',
      purchase_year: '1890',
    });
    expect(line.status).toBe(422);
    expect(norm(await line.text())).toContain(
      `Saisissez une année entre 1950 et ${new Date().getUTCFullYear()}, par exemple 2023.`,
    );
  });

  it('leaves the previous state when the import dies inside its transaction', async () => {
    const before = await getFootprintResult(t.db, orgId, 2024);
    const many = demoInventory(2024, 0, 1);
    const lines = Array.from({ length: 5000 }, (_, i) => many[i % many.length]!);
    const target = { orgId, year: 2024, userId: memberId, source: 'api' };
    const id = await createImportRow(t.db, target, 'crash.json', null);
    importFaults.failAfterRows = 2000;
    try {
      const out = await runImport(t.db, id, target, { kind: 'lines', lines });
      expect(out.ok).toBe(false);
    } finally {
      importFaults.failAfterRows = 0;
    }
    expect(await getFootprintResult(t.db, orgId, 2024)).toEqual(before);
    expect((await getInventoryLines(t.db, orgId, 2024))!).toHaveLength(13);
  });

  it('leaves the previous state when the process is killed mid-import, and reports the import failed at next start', async () => {
    const before = await getFootprintResult(t.db, orgId, 2024);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(fixtures, 'kill-mid-import.ts'), t.url, String(orgId), '2024'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('not killed');
    const importId = Number(/import (\d+)/.exec(child.stdout)![1]);
    expect(await getFootprintResult(t.db, orgId, 2024)).toEqual(before);
    expect((await getInventoryLines(t.db, orgId, 2024))!).toHaveLength(13);
    // The next start (or the half-minute job) marks it failed once its heartbeat is older than the timeout, on both
    // engines (test/security/jobs.test.ts checks that a live import of another instance is left alone).
    await failStaleImports(t.db, new Date(Date.now() + HEARTBEAT_TIMEOUT_MS + 1000));
    const row = await t.db
      .selectFrom('footprint_imports')
      .select(['status', 'failure'])
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', failure: 'interrupted' });
  });

  it('shows an import left running by a dead process as failed', async () => {
    const row = await t.db
      .insertInto('footprint_imports')
      .values({
        organisation_id: orgId,
        year: 2024,
        user_id: memberId,
        file_name: 'killed.csv',
        preset: null,
        status: 'running',
        runner_id: 'dead-process',
        started_at: nowIso(new Date(Date.now() - 3 * 3600_000)),
        finished_at: null,
        errors_json: null,
        failure: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const html = await (await member.get(`/organisations/${orgId}/footprint/imports/${row.id}`)).text();
    expect(html).toMatch(/interrompu|interrupted/);
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it('refreshes the status page while an import runs', async () => {
    const row = await t.db
      .insertInto('footprint_imports')
      .values({
        organisation_id: orgId,
        year: 2024,
        user_id: memberId,
        file_name: 'slow.csv',
        preset: null,
        status: 'running',
        runner_id: 'another-live-process',
        started_at: nowIso(),
        finished_at: null,
        errors_json: null,
        failure: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await member.get(`/organisations/${orgId}/footprint/imports/${row.id}`);
    expect(res.headers.get('refresh')).toBe('2');
    expect(await res.text()).toContain('http-equiv="refresh"');
    await t.db.deleteFrom('footprint_imports').where('id', '=', row.id).execute();
  });

  it('edits line by line and recomputes at each change', async () => {
    const before = (await getFootprintResult(t.db, orgId, 2024))!.total.gwp!.value;
    const add = await member.post(`/organisations/${orgId}/footprint/2024/lines`, {
      category: 'laptop',
      quantity: '10',
      lifespan_years: '4,5',
      entity: 'Siège',
    });
    expect(add.status).toBe(303);
    const afterAdd = (await getFootprintResult(t.db, orgId, 2024))!;
    expect(afterAdd.lines).toBe(14);
    expect(afterAdd.total.gwp!.value).toBeGreaterThan(before);
    const bad = await member.post(`/organisations/${orgId}/footprint/2024/lines`, {
      category: 'laptop',
      quantity: 'beaucoup',
    });
    expect(bad.status).toBe(422);
    const row = await t.db
      .selectFrom('footprint_lines')
      .innerJoin('footprint_inventories as i', 'i.id', 'footprint_lines.inventory_id')
      .select('footprint_lines.id')
      .where('i.organisation_id', '=', orgId)
      .where('i.year', '=', 2024)
      .orderBy('footprint_lines.id', 'desc')
      .executeTakeFirstOrThrow();
    const edit = await member.post(`/organisations/${orgId}/footprint/2024/lines/${row.id}`, {
      category: 'laptop',
      quantity: '20',
      lifespan_years: '4,5',
    });
    expect(edit.status).toBe(303);
    expect((await getFootprintResult(t.db, orgId, 2024))!.total.gwp!.value).toBeGreaterThan(afterAdd.total.gwp!.value);
    const del = await member.post(`/organisations/${orgId}/footprint/2024/lines/${row.id}/delete`);
    expect(del.status).toBe(303);
    expect((await getFootprintResult(t.db, orgId, 2024))!.total.gwp!.value).toBeCloseTo(before, 6);
  });

  it('copies last year, compares years with explanations and draws the trajectory', async () => {
    const copy = await member.post(`/organisations/${orgId}/footprint/2025/copy`, { from_year: '2024' });
    expect(copy.status).toBe(303);
    expect((await getInventoryLines(t.db, orgId, 2025))!).toHaveLength(13);
    // Then the 2025 file replaces the copy (fewer laptops, longer lifespans).
    await upload(member, orgId, 2025, 'inventaire-2025.csv', fixture('inventory-fr-2025.csv'));
    const years = await listMeasuredYears(t.db, orgId);
    expect(years.map((y) => y.year)).toEqual([2024, 2025]);
    const cmp = norm(await (await member.get(`/organisations/${orgId}/footprint/compare?from=2024&to=2025`)).text());
    expect(cmp).toMatch(/Durée de vie plus longue/);
    expect(cmp).toMatch(/Moins d’équipements/);
    expect(cmp).not.toMatch(/changement de méthode/);
    // 2024 computed with the previous factor set: the comparison separates the method from the real change.
    const settings = await readSettings(t.db, orgId);
    await t.db.transaction().execute((tx) => recomputeYear(tx, orgId, 2024, settings, 'techcare-2026.1'));
    const mixed = norm(await (await member.get(`/organisations/${orgId}/footprint/compare?from=2024&to=2025`)).text());
    expect(mixed).toMatch(/Part due au changement de méthode : -?[\d ,.]+ kgCO2e/);
    expect(mixed).toMatch(/Part due à l’évolution de votre parc et de vos données, à méthode égale/);
    await t.db.transaction().execute((tx) => recomputeYear(tx, orgId, 2024, settings, 'techcare-2027.1'));
    const target = await member.post(`/organisations/${orgId}/footprint/target`, {
      base_year: '2024',
      target_year: '2030',
      reduction_pct: '5',
    });
    expect(target.status).toBe(303);
    const overview = await (await member.get(`/organisations/${orgId}/footprint`)).text();
    expect(overview).toContain('id="trajectory-title"');
    expect(overview).toContain('stroke-dasharray="6 4"');
    const badTarget = await member.post(`/organisations/${orgId}/footprint/target`, {
      base_year: '2024',
      target_year: '2020',
      reduction_pct: '5',
    });
    expect(badTarget.status).toBe(422);
  });

  it('recomputes every year when settings change, keeping the former results', async () => {
    const before = (await getFootprintResult(t.db, orgId, 2024))!;
    expect(before.methodology.profile).toBe('ademe-fr');
    const res = await member.post(`/organisations/${orgId}/footprint/settings`, {
      country: 'FRA',
      profile: 'boavizta-eu',
      allocation: 'amortised',
    });
    expect(res.status).toBe(303);
    const after = (await getFootprintResult(t.db, orgId, 2024))!;
    expect(after.methodology.profile).toBe('boavizta-eu');
    // Boavizta's use profiles and the European study's French electricity: a use phase far above ADEME's.
    expect(after.byPhase.USE.gwp!.value).toBeGreaterThan(before.byPhase.USE.gwp!.value);
    const rows = await t.db
      .selectFrom('footprint_results')
      .select(['settings_key', 'is_current'])
      .where('organisation_id', '=', orgId)
      .where('year', '=', 2024)
      .where('factor_set', '=', 'techcare-2027.1')
      .execute();
    expect(rows.length).toBe(2);
    expect(rows.filter((r) => Number(r.is_current) === 1)).toHaveLength(1);
    const page = await (await member.get(`/organisations/${orgId}/footprint/2024`)).text();
    expect(page).toMatch(/sources : Boavizta \(Europe\)/);
    const invalid = await member.post(`/organisations/${orgId}/footprint/settings`, {
      country: 'XXX',
      profile: 'ademe-fr',
      allocation: 'amortised',
    });
    expect(invalid.status).toBe(422);
    const badProfile = await member.post(`/organisations/${orgId}/footprint/settings`, {
      country: 'FRA',
      profile: 'invented',
      allocation: 'amortised',
    });
    expect(badProfile.status).toBe(422);
    expect(await badProfile.text()).toContain('Choisissez un profil de la liste.');
  });

  it('exports CSV, JSON, PCR-SI, the frameworks table and the templates', async () => {
    const stored = (await getFootprintResult(t.db, orgId, 2024))!;
    const json = await member.get(`/organisations/${orgId}/footprint/2024/export/json`);
    expect(json.status).toBe(200);
    const parsed = JSON.parse(await json.text());
    expect(parsed.total.gwp.value).toBeCloseTo(stored.total.gwp!.value, 6);
    const csv = await (await member.get(`/organisations/${orgId}/footprint/2024/export/csv`)).text();
    expect(csv.split('\n')[0]).toBe('category,phase,criterion,value,low,high,unit,status,count,reason');
    const pcr = await member.get(`/organisations/${orgId}/footprint/2024/export/pcr-si`);
    expect(pcr.status).toBe(200);
    const pcrDoc = JSON.parse(await pcr.text());
    const orgName = (
      await t.db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow()
    ).name;
    expect(pcrDoc.metadata.organization).toBe(orgName);
    const fw = norm(await (await member.get(`/organisations/${orgId}/footprint/2024/frameworks`)).text());
    expect(fw).toContain('Scope 2');
    expect(fw).toContain('Poste 4.2');
    for (const lang of ['fr', 'en'] as const) {
      const res = await member.get(`/organisations/${orgId}/footprint/template.csv?lang=${lang}`);
      expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe(inventoryTemplateCsv(lang));
      const dir = mkdtempSync(join(tmpdir(), 'tpl-'));
      writeFileSync(join(dir, 't.csv'), inventoryTemplateCsv(lang));
      const read = await readInventoryFile(join(dir, 't.csv'));
      expect(read.errors).toEqual([]);
      expect(read.items.length).toBeGreaterThan(3);
      // The XLSX template reads back to the same lines as the CSV one.
      const xlsx = await member.get(`/organisations/${orgId}/footprint/template.xlsx?lang=${lang}`);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      writeFileSync(join(dir, 't.xlsx'), Buffer.from(await xlsx.arrayBuffer()));
      const readX = await readInventoryFile(join(dir, 't.xlsx'));
      expect(readX.errors).toEqual([]);
      expect(readX.items.map((i) => i.data)).toEqual(read.items.map((i) => i.data));
    }
    // An XLSX upload goes through the same import.
    const status = await upload(member, orgId, 2021, 'modele.xlsx', await inventoryTemplateXlsx('fr'));
    expect(await (await member.get(status)).text()).toMatch(/terminé|done/);
    expect((await getInventoryLines(t.db, orgId, 2021))!.length).toBeGreaterThan(3);
  });

  it('serves the JSON API with tokens', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const lines = demoInventory(2023, 0, 1);
    const post = await app.request(`/api/v1/organisations/${orgId}/inventories/2023`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ lines }),
    });
    expect(post.status).toBe(201);
    const summary = (await post.json()) as { lines: number; total: { gwp: { value: number } } };
    expect(summary.lines).toBe(lines.length);
    const bad = await app.request(`/api/v1/organisations/${orgId}/inventories/2023`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ category: 'laptop', quantity: -1 }, { category: 'spaceship' }] }),
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    const err = (await bad.json()) as {
      code: string;
      errors: { line: number; field: string }[];
      error: { details: { line: number }[] };
    };
    expect(err.code).toBe('invalid_inventory');
    expect(err.errors.map((d) => d.line)).toEqual([1, 2]);
    expect(err.error.details.map((d) => d.line)).toEqual([1, 2]);
    expect((await getFootprintResult(t.db, orgId, 2023))!.total.gwp!.value).toBeCloseTo(summary.total.gwp.value, 6);
    const fd = multipart('inv.csv', fixture('inventory-fr-2024.csv'));
    const file = await app.request(`/api/v1/organisations/${orgId}/inventories/2022`, {
      method: 'POST',
      headers: auth,
      body: fd,
    });
    expect(file.status).toBe(201);
    const glpi = readFileSync(join(fixtures, '../inventories/glpi.csv'));
    const preset = await app.request(`/api/v1/organisations/${orgId}/inventories/2020`, {
      method: 'POST',
      headers: auth,
      body: multipart('glpi.csv', glpi, 'glpi'),
    });
    expect(preset.status, await preset.clone().text()).toBe(201);
    const noPreset = await app.request(`/api/v1/organisations/${orgId}/inventories/2020`, {
      method: 'POST',
      headers: auth,
      body: multipart('glpi.csv', glpi),
    });
    expect(noPreset.status).toBe(422);
    const list = await app.request(`/api/v1/organisations/${orgId}/inventories/2022?per_page=5&page=2`, {
      headers: auth,
    });
    expect(list.status).toBe(200);
    expect(list.headers.get('link')).toContain('rel="next"');
    expect(list.headers.get('x-total-count')).toBe('13');
    const page2 = (await list.json()) as { total: number; factor_set: string; lines: { line: number }[] };
    expect(page2.total).toBe(13);
    expect(page2.factor_set).toBe('techcare-2027.1');
    expect(page2.lines).toHaveLength(5);
    const fp = await app.request(`/api/v1/organisations/${orgId}/footprints/2022`, { headers: auth });
    expect(fp.status).toBe(200);
    const contract = (await fp.json()) as {
      methodology: { factor_set: string };
      lines: number;
      total: Record<string, unknown>;
    };
    expect(contract.methodology.factor_set).toBe('techcare-2027.1');
    expect(contract.lines).toBe(13);
    expect(Object.keys(contract.total)).toContain('gwp');
    const missing = await app.request(`/api/v1/organisations/${orgId}/footprints/2019`, { headers: auth });
    expect(missing.status).toBe(404);
    const doc = await (await app.request('/api/v1/openapi.json')).text();
    expect(doc).toContain('/organisations/{id}/inventories/{year}');
    expect(doc).toContain('/organisations/{id}/footprints/{year}');
  });

  it('answers 413 to an oversized API body', async () => {
    const big = 'x'.repeat(61 * 1024 * 1024);
    const res = await app.request(`/api/v1/organisations/${orgId}/inventories/2023`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
  });

  it('lets only members and administrators reach every page and API route', async () => {
    const base = `/organisations/${orgId}/footprint`;
    const line = await t.db
      .selectFrom('footprint_lines')
      .innerJoin('footprint_inventories as i', 'i.id', 'footprint_lines.inventory_id')
      .select('footprint_lines.id')
      .where('i.organisation_id', '=', orgId)
      .where('i.year', '=', 2024)
      .executeTakeFirstOrThrow();
    const imp = await t.db
      .selectFrom('footprint_imports')
      .select('id')
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const gets = [
      base,
      `${base}/settings`,
      `${base}/open?year=2024`,
      `${base}/template.csv`,
      `${base}/template.xlsx`,
      `${base}/compare?from=2024&to=2025`,
      `${base}/imports/${imp.id}`,
      `${base}/2024`,
      `${base}/2024/inventory`,
      `${base}/2024/lines/new`,
      `${base}/2024/lines/${line.id}/edit`,
      `${base}/2024/frameworks`,
      `${base}/2024/export/csv`,
      `${base}/2024/export/json`,
      `${base}/2024/export/pcr-si`,
      `${base}/2024/export/pdf`,
    ];
    const posts: [string, Record<string, string>][] = [
      [`${base}/target`, { base_year: '2024', target_year: '2030', reduction_pct: '3' }],
      [`${base}/settings`, { country: 'FRA', fr_electricity: 'default', allocation: 'amortised' }],
      [`${base}/2024/lines`, { category: 'laptop', quantity: '1' }],
      [`${base}/2024/lines/${line.id}`, { category: 'laptop', quantity: '1' }],
      [`${base}/2024/lines/${line.id}/delete`, {}],
      [`${base}/2024/copy`, { from_year: '2025', confirm: '1' }],
      [`${base}/2024/recompute`, { factor_set: 'techcare-2026.1' }],
    ];
    const linesBefore = (await getInventoryLines(t.db, orgId, 2024))!.length;
    for (const path of gets) {
      expect((await other.get(path)).status, `other GET ${path}`).toBe(403);
      const v = await visitor.get(path);
      expect(v.status, `visitor GET ${path}`).toBe(303);
      expect(v.headers.get('location')).toMatch(/^\/login/);
    }
    for (const [path, form] of posts) {
      expect((await other.post(path, form)).status, `other POST ${path}`).toBe(403);
      expect((await visitor.post(path, form)).status, `visitor POST ${path}`).toBe(303);
    }
    const upload = await other.postMultipart(
      `${base}/2024/imports`,
      multipart('x.csv', fixture('inventory-fr-2024.csv')),
    );
    expect(upload.status).toBe(403);
    expect(
      (await visitor.postMultipart(`${base}/2024/imports`, multipart('x.csv', fixture('inventory-fr-2024.csv'))))
        .status,
    ).toBe(303);
    expect((await getInventoryLines(t.db, orgId, 2024))!.length).toBe(linesBefore);
    // Administrators may see it; the organisation's member too.
    expect((await admin.get(`${base}/2024`)).status).toBe(200);
    expect((await member.get(`${base}/2024/lines/${line.id}/edit`)).status).toBe(200);

    const apiPaths = [
      `/api/v1/organisations/${orgId}/inventories/2024`,
      `/api/v1/organisations/${orgId}/footprints/2024`,
    ];
    for (const path of apiPaths) {
      expect((await app.request(path, { headers: { authorization: `Bearer ${otherToken}` } })).status, path).toBe(403);
      expect((await app.request(path, { headers: { authorization: 'Bearer wrong-token' } })).status, path).toBe(401);
      expect((await app.request(path)).status, path).toBe(401);
    }
    const body = JSON.stringify({ lines: [{ category: 'laptop' }] });
    const postPath = `/api/v1/organisations/${orgId}/inventories/2024`;
    expect(
      (
        await app.request(postPath, {
          method: 'POST',
          headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'application/json' },
          body,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await app.request(postPath, {
          method: 'POST',
          headers: { authorization: 'Bearer wrong-token', 'content-type': 'application/json' },
          body,
        })
      ).status,
    ).toBe(401);
    expect(
      (await app.request(postPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status,
    ).toBe(401);
    expect((await getInventoryLines(t.db, orgId, 2024))!.length).toBe(linesBefore);
    // An unknown organisation is a 404, for members of other organisations too.
    expect((await other.get('/organisations/999999/footprint')).status).toBe(404);
    // The methodology is public.
    expect((await visitor.get('/methodology')).status).toBe(200);
  });

  it('aggregates a year for the annual review and seeds demo inventories', async () => {
    const agg = await footprintAggregates(t.db, 2025);
    expect(agg.organisations).toBe(1);
    expect(agg.continuing.organisations).toBe(1);
    const r2024 = (await getFootprintResult(t.db, orgId, 2024))!;
    const r2025 = (await getFootprintResult(t.db, orgId, 2025))!;
    expect(agg.continuing.change!).toBeCloseTo(
      (r2025.total.gwp!.value - r2024.total.gwp!.value) / r2024.total.gwp!.value,
      9,
    );
    expect(agg.perOrganisation[0]!.devices).toBeGreaterThan(0);
    const demoOrg = await makeOrganisation(t.db, {});
    await t.db.updateTable('organisations').set({ is_demo: 1 }).where('id', '=', demoOrg.id).execute();
    await seedDemoFootprints(t.db);
    await seedDemoFootprints(t.db);
    const years = await listMeasuredYears(t.db, demoOrg.id);
    expect(years.length).toBeGreaterThanOrEqual(2);
    expect(
      (await footprintAggregates(t.db, years[0]!.year)).perOrganisation.some((p) => p.organisationId === demoOrg.id),
    ).toBe(false);
    expect(
      (await footprintAggregates(t.db, years[0]!.year, { includeDemo: true })).perOrganisation.some(
        (p) => p.organisationId === demoOrg.id,
      ),
    ).toBe(true);
  });
});

describe('footprint member of two organisations', () => {
  it('keeps organisations apart', async () => {
    const t = await createTestDb('sqlite');
    try {
      const u = await makeUser(t.db);
      const a = await makeOrganisation(t.db, { ownerId: u.id });
      const b = await makeOrganisation(t.db, {});
      await addMember(t.db, b.id, u.id, 'member');
      const c = new TestClient(testApp(t.db));
      await loginAs(t.db, c, u.id);
      expect((await c.get(`/organisations/${a.id}/footprint`)).status).toBe(200);
      expect((await c.get(`/organisations/${b.id}/footprint`)).status).toBe(200);
    } finally {
      await t.destroy();
    }
  });
});
