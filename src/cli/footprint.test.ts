import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFootprint } from './footprint.js';

const fx = (f: string): string => join(process.cwd(), 'test/fixtures/inventories', f);
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runFootprint(argv, {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

describe('techcare footprint', () => {
  it('json: exactly the contract’s keys, unrounded, exit 0', async () => {
    const r = await run(fx('win1252-semicolon.csv'), '--year', '2025', '--country', 'FRA', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.methodology).toEqual({
      factorSet: 'techcare-2027.1',
      profile: 'ademe-fr',
      allocation: 'amortised',
      year: 2025,
      country: 'FRA',
    });
    expect(j.lines).toBe(3);
    expect(j.units).toBe(14);
    // Water use: every Base IMPACTS device row is negative (quarantined) and electricity has no open figure, so
    // the criterion is absent from the totals and every cell says why.
    expect(Object.keys(j.total).sort()).toEqual(['adpe', 'gwp', 'pe']);
    expect(j.dataQuality.gaps).toContainEqual(
      expect.objectContaining({ criterion: 'wu', phase: 'BLD', code: 'quarantined' }),
    );
    expect(Object.keys(j.byPhase)).toEqual(['BLD', 'DIS', 'USE', 'EOL']);
    expect(Object.keys(j.byTier)).toEqual(['terminals', 'network', 'datacenter', 'cloud', 'transfer']);
    expect(j.total.gwp).toMatchObject({ unit: 'kgCO2e' });
    expect(j.total.gwp.low).toBeLessThanOrEqual(j.total.gwp.value);
    expect(typeof j.dataQuality.defaultShare).toBe('number');
    expect(j.monteCarlo).toBeUndefined();
  });
  it('Monte Carlo with a seed, purchase-year allocation, criteria subset', async () => {
    const a = await run(
      fx('utf8-bom-comma.csv'),
      '--year',
      '2025',
      '--format',
      'json',
      '--monte-carlo',
      '500',
      '--seed',
      '3',
      '--criteria',
      'gwp',
      '--allocation',
      'purchase-year',
    );
    const b = await run(
      fx('utf8-bom-comma.csv'),
      '--year',
      '2025',
      '--format',
      'json',
      '--monte-carlo',
      '500',
      '--seed',
      '3',
      '--criteria',
      'gwp',
      '--allocation',
      'purchase-year',
    );
    const j = JSON.parse(a.out);
    expect(j.monteCarlo).toMatchObject({ draws: 500, seed: 3 });
    expect(j.monteCarlo.gwp.p05).toBeLessThanOrEqual(j.monteCarlo.gwp.p95);
    expect(Object.keys(j.total)).toEqual(['gwp']);
    expect(j.methodology.allocation).toBe('purchase-year');
    expect(a.out).toBe(b.out);
  });
  it('table in French (default) and English, csv and pcr-si', async () => {
    const fr = await run(fx('formulas.xlsx'), '--year', '2025');
    expect(fr.code).toBe(0);
    expect(fr.out).toMatch(/Empreinte environnementale du numérique/);
    expect(fr.out).toMatch(/Changement climatique/);
    const en = await run(fx('formulas.xlsx'), '--year', '2025', '--lang', 'en');
    expect(en.out).toMatch(/Climate change/);
    const csv = await run(fx('cloud-transfer.csv'), '--year', '2025', '--format', 'csv');
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('category,phase,criterion,value,low,high,unit,status,count,reason');
    // No silent zero: the water use of electricity has no open figure, and the CSV says so.
    expect(
      lines.some((l) => l.startsWith('cloud_instance,USE,wu,,,,m3 world-eq deprived,no-electricity-factor,')),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('data_transfer,BLD,gwp,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('cloud_instance,USE,gwp,'))).toBe(true);
    const pcr = JSON.parse((await run(fx('cloud-transfer.csv'), '--year', '2025', '--format', 'pcr-si')).out);
    expect(Object.keys(pcr)).toEqual(['metadata', 'total_impact', 'tags', 'quality', 'details', 'x_techcare']);
    expect(pcr.metadata.dataset).toBe('cloud-transfer.csv');
    expect(pcr.total_impact.USE.GWP).toBeGreaterThan(0);
    expect(pcr.tags.map((x: { name: string }) => x.name)).toEqual(['cloud', 'transfer']);
  });
  it('presets and mapping files', async () => {
    expect((await run(fx('glpi.csv'), '--preset', 'glpi', '--format', 'json')).code).toBe(0);
    const m = await run(fx('mapped.csv'), '--mapping', fx('mapping.json'), '--format', 'json', '--year', '2025');
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out).byCategory.laptop).toBeDefined();
  });
  it('ADEME’s French electricity reference on request with the 2026.1 factor set', async () => {
    const a = JSON.parse(
      (await run(fx('utf8-bom-comma.csv'), '--format', 'json', '--criteria', 'gwp', '--factor-set', 'techcare-2026.1'))
        .out,
    );
    const b = JSON.parse(
      (
        await run(
          fx('utf8-bom-comma.csv'),
          '--format',
          'json',
          '--criteria',
          'gwp',
          '--factor-set',
          'techcare-2026.1',
          '--electricity',
          'FRA=ademe',
        )
      ).out,
    );
    expect(b.byPhase.USE.gwp.value).toBeLessThan(a.byPhase.USE.gwp.value);
    expect(b.methodology.electricityVariants).toEqual({ FRA: 'ademe' });
  });
  it('--profile: ADEME (France) by default, Boavizta (Europe) on request, a clear refusal otherwise', async () => {
    const a = JSON.parse((await run(fx('utf8-bom-comma.csv'), '--format', 'json', '--criteria', 'gwp')).out);
    const b = JSON.parse(
      (await run(fx('utf8-bom-comma.csv'), '--format', 'json', '--criteria', 'gwp', '--profile', 'boavizta-eu')).out,
    );
    expect(a.methodology.profile).toBe('ademe-fr');
    expect(b.methodology.profile).toBe('boavizta-eu');
    // Boavizta's use profiles and the European study's French electricity put the use phase far above ADEME's.
    expect(b.byPhase.USE.gwp.value).toBeGreaterThan(3 * a.byPhase.USE.gwp.value);
    const bad = await run(fx('utf8-bom-comma.csv'), '--profile', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown profile "nope"; available: ademe-fr, boavizta-eu/);
  });

  it('exit 1: every file error on stderr, nothing on stdout', async () => {
    const r = await run(fx('errors.csv'), '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(/^line 2, column quantity: "dix" is not a number/),
      expect.stringMatching(/^line 3, column category: unknown category "spaceship"/),
      expect.stringMatching(/^line 4, column lifespan_years: 0 is out of range/),
      expect.stringMatching(/^line 5, column country: unknown country "XX"/),
      expect.stringMatching(/^line 6, column pue: 9 is out of range/),
      expect.stringMatching(/^line 7, column quantity: -1 is out of range/),
    ]);
  });
  it('--lang fr: French messages behind the same English `line <n>, column <name>: ` prefix; English by default', async () => {
    const fr = await run(fx('errors.csv'), '--lang', 'fr');
    expect(fr.code).toBe(1);
    const lines = fr.err.trim().split('\n');
    expect(lines).toHaveLength(6);
    for (const l of lines) expect(l).toMatch(/^line \d+, column [^:]+: /);
    expect(lines[0]).toBe(
      'line 2, column quantity: «\u00a0dix\u00a0» n’est pas un nombre\u00a0; écrivez un nombre d’unités, par exemple 12 (virgule ou point décimal)',
    );
    expect(lines[1]).toMatch(/^line 3, column category: catégorie «\u00a0spaceship\u00a0» inconnue/);
    const en = await run(fx('errors.csv'), '--lang', 'en');
    const dflt = await run(fx('errors.csv'));
    expect(dflt.err).toBe(en.err);
    expect(en.err).toMatch(/^line 2, column quantity: "dix" is not a number; expected a number of units/);
  });
  it('table warnings in the table language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-cli-'));
    writeFileSync(join(dir, 'w.csv'), 'category;lifespan_years\nlaptop;0,5\n');
    expect((await run(join(dir, 'w.csv'), '--year', '2025')).out).toMatch(
      /- ligne 2\u00a0: durée de vie de 0,5 an, inférieure à un an/,
    );
    expect((await run(join(dir, 'w.csv'), '--year', '2025', '--lang', 'en')).out).toMatch(
      /- line 2: lifespan of 0\.5 years is under a year/,
    );
    expect(
      JSON.parse((await run(join(dir, 'w.csv'), '--year', '2025', '--format', 'json')).out).warnings,
    ).toContainEqual(expect.objectContaining({ line: 0, code: 'embodied-not-split' }));
  });
  it('exit 1 on a file without category column, an empty file, a broken XLSX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-cli-'));
    writeFileSync(join(dir, 'nocat.csv'), 'quantity\n3\n');
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    for (const f of ['nocat.csv', 'empty.csv', 'broken.xlsx']) {
      const r = await run(join(dir, f));
      expect(r.code, f).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^line \d+, column [^:]+: /);
    }
    const h = await run(fx('header-only.csv'), '--format', 'json');
    expect(h.code).toBe(0);
    expect(JSON.parse(h.out).lines).toBe(0);
  });
  it.each([
    [[]],
    [['missing.csv']],
    [[fx('utf8-bom-comma.csv'), '--format', 'pdf']],
    [[fx('utf8-bom-comma.csv'), '--allocation', 'yearly']],
    [[fx('utf8-bom-comma.csv'), '--year', 'last']],
    [[fx('utf8-bom-comma.csv'), '--criteria', 'gwp,co2']],
    [[fx('utf8-bom-comma.csv'), '--country', 'ZZZ']],
    [[fx('utf8-bom-comma.csv'), '--monte-carlo', '0']],
    [[fx('utf8-bom-comma.csv'), '--factor-set', 'old-1']],
    [[fx('utf8-bom-comma.csv'), '--preset', 'nope']],
    [[fx('utf8-bom-comma.csv'), '--mapping', 'nope.json']],
    [[fx('utf8-bom-comma.csv'), '--mapping', fx('glpi.csv')]],
    [[fx('utf8-bom-comma.csv'), '--electricity', 'FRA=coal']],
    [[fx('utf8-bom-comma.csv'), '--lang', 'de']],
    [[fx('utf8-bom-comma.csv'), '--unknown']],
    [[fx('mapping.json')]],
  ])('exit 2 on usage error %j', async (argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).not.toBe('');
  });
  it('runs through `npx tsx src/cli.ts footprint`', () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'src/cli.ts', 'footprint', fx('utf8-bom-comma.csv'), '--format', 'json', '--year', '2025'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).lines).toBe(2);
    const bad = spawnSync('npx', ['tsx', 'src/cli.ts', 'footprint', fx('errors.csv')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
  });
});

describe('footprint --cloud-billing', () => {
  const cloud = (n: string) => join(import.meta.dirname, '../../test/fixtures/cloud', n);
  it('computes a billing export, recognised from its header or named, and lists what it could not map on stderr', async () => {
    const named = await run(...['--cloud-billing', 'azure', '--format', 'json', cloud('azure-cost-details.csv')]);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.out).lines).toBe(5);
    expect(named.err).toContain('not mapped: Azure App Service (no-rule): 1 rows, 78.12 EUR');
    const auto = await run(...['--format', 'json', cloud('gcp-billing-export.csv')]);
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.out).lines).toBe(4);
    const wrong = await run(...['--cloud-billing', 'aws', cloud('gcp-billing-export.csv')]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^line 1, column -: this file is a gcp export, not aws/);
  });
});
