import { describe, expect, it } from 'vitest';
import { getFactorSet } from '../data/index.js';
import { defined } from '../../test/helpers/defined.js';
import {
  computeFootprint,
  createFootprintAccumulator,
  simulateInventory,
  InventoryErrors,
  cpuPowerAtLoad,
  CRITERIA,
  PHASES,
  TIERS,
  type TFootprintResult,
  type TInventoryLine,
  type TImpacts,
} from './index.js';

const fs = getFactorSet('techcare-2026.1');
const Y = 2025;
const run = (lines: TInventoryLine[], extra: Record<string, unknown> = {}): TFootprintResult =>
  computeFootprint(fs, lines, { year: Y, ...extra });
const gwp = (x: TImpacts | undefined): number => x?.gwp?.value ?? NaN;

describe('end-user devices', () => {
  it('laptop, amortised: Base IMPACTS 181 kg / 5 years + 75 W × 2,628 h × France 0.098 (hand calculation)', () => {
    const r = run([{ category: 'laptop', quantity: 10 }]);
    expect(r.byPhase.BLD.gwp?.value).toBeCloseTo((10 * 181) / 5, 9);
    expect(r.byPhase.USE.gwp?.value).toBeCloseTo(((10 * 75 * 8760 * 0.3) / 1000) * 0.098, 9);
    // low: PCF p10 156 over the longest life 5 y + 50 W at ADEME's 0.052; high: p90 339 over 4 y + 100 W at 0.098.
    expect(r.total.gwp?.low).toBeCloseTo((10 * 156) / 5 + ((10 * 50 * 2628) / 1000) * 0.052, 9);
    expect(r.total.gwp?.high).toBeCloseTo((10 * 339) / 4 + ((10 * 100 * 2628) / 1000) * 0.098, 9);
    expect(r.total.gwp?.unit).toBe('kgCO2e');
    expect(r.byTier.terminals.gwp?.value).toBeCloseTo(gwp(r.total), 9);
  });

  it('keeps criteria the data lacks absent, never zero', () => {
    const r = run([{ category: 'printer', quantity: 2 }], { criteria: ['gwp', 'adpe', 'wu', 'pe'] });
    expect(r.byCategory.printer?.gwp?.value).toBeCloseTo((2 * 130) / 5, 9);
    expect(defined(r.byCategory.printer, 'a printer category').adpe).toBeUndefined();
    expect(r.total.wu).toBeUndefined();
    expect(r.byPhase.DIS).toEqual({});
    expect(r.dataQuality.gaps.some((g) => g.category === 'printer' && g.phase === 'USE')).toBe(true);
  });

  it('applies overrides: embodied_gwp_kg, lifespan, annual_kwh, electricity factor', () => {
    const r = run(
      [
        {
          category: 'laptop',
          embodied_gwp_kg: 300,
          lifespan_years: 3,
          purchase_year: 2024,
          annual_kwh: 20,
          electricity_gwp_kg_per_kwh: 0.1,
        },
      ],
      { criteria: ['gwp'] },
    );
    expect(r.byPhase.BLD.gwp).toMatchObject({ value: 100, low: 100, high: 100 });
    expect(r.byPhase.USE.gwp?.value).toBeCloseTo(2, 12);
    expect(r.dataQuality.defaultShare).toBe(0);
    // Without its purchase year, the share of the embodied impacts booked this year is a default.
    const noYear = run(
      [
        {
          category: 'laptop',
          embodied_gwp_kg: 300,
          lifespan_years: 3,
          annual_kwh: 20,
          electricity_gwp_kg_per_kwh: 0.1,
        },
      ],
      { criteria: ['gwp'] },
    );
    expect(noYear.dataQuality.defaultShare).toBeCloseTo(100 / 102, 12);
  });

  it('power_w × hours_per_year and the country of the line', () => {
    const r = run([{ category: 'monitor', power_w: 30, hours_per_year: 2000, country: 'DE', lifespan_years: 6 }], {
      criteria: ['gwp'],
    });
    expect(r.byPhase.USE.gwp?.value).toBeCloseTo(((30 * 2000) / 1000) * 0.422, 12);
  });

  it('lets an organisation choose ADEME’s French electricity figure', () => {
    const r = run([{ category: 'laptop', annual_kwh: 100 }], {
      criteria: ['gwp'],
      electricityVariants: { FRA: 'ademe' },
    });
    expect(r.byPhase.USE.gwp?.value).toBeCloseTo(100 * 0.052, 12);
  });
});

describe('allocation', () => {
  const line = {
    category: 'laptop',
    lifespan_years: 5,
    annual_kwh: 10,
    electricity_gwp_kg_per_kwh: 0.1,
    embodied_gwp_kg: 200,
  };
  it('purchase-year: bought after the year → not counted; in the year → whole; before → no embodied', () => {
    const opts = { allocation: 'purchase-year', criteria: ['gwp'] };
    expect(run([{ ...line, purchase_year: 2026 }], opts).total.gwp).toBeUndefined();
    const same = run([{ ...line, purchase_year: 2025 }], opts);
    expect(same.byPhase.BLD.gwp?.value).toBe(200);
    const before = run([{ ...line, purchase_year: 2022 }], opts);
    expect(before.byPhase.BLD.gwp).toBeUndefined();
    expect(before.byPhase.USE.gwp?.value).toBeCloseTo(1, 12);
  });
  it('amortised: counted while in its lifespan, not after', () => {
    expect(run([{ ...line, purchase_year: 2021 }], { criteria: ['gwp'] }).byPhase.BLD.gwp?.value).toBe(40);
    expect(run([{ ...line, purchase_year: 2020 }], { criteria: ['gwp'] }).byPhase.BLD.gwp).toBeUndefined();
    expect(run([{ ...line, purchase_year: 2026 }], { criteria: ['gwp'] }).total.gwp).toBeUndefined();
  });
});

describe('servers', () => {
  it('bottom-up manufacture with the UBA 2021 constants (hand calculation)', () => {
    const server = {
      category: 'server',
      cpu_units: 2,
      cpu_die_mm2: 400,
      ram_units: 12,
      ram_gb: 32,
      ssd_units: 1,
      ssd_gb: 400,
      psu_units: 2,
      psu_kg: 2.99,
      form_factor: 'rack' as const,
      purchase_year: Y,
      annual_kwh: 0,
    };
    const r = run([server], { allocation: 'purchase-year', criteria: ['gwp', 'pe', 'adpe'] });
    const cpu = 2 * (400 * 0.0197 + 9.14);
    const ram = 12 * ((32 / 0.625) * 2.2 + 5.22);
    const ssd = 1 * ((400 / 48.5) * 2.2 + 6.34);
    const psu = 2 * 2.99 * 24.3;
    expect(r.byPhase.BLD.gwp?.value).toBeCloseTo(cpu + ram + ssd + psu + 150 + 66.1 + 6.68, 9);
    expect(r.byPhase.BLD.gwp?.low).toBeCloseTo(r.byPhase.BLD.gwp?.value ?? 0, 9);
    expect(r.byPhase.BLD.pe?.value).toBeCloseTo(
      2 * (400 * 0.265 + 156) +
        12 * (51.2 * 27.3 + 74) +
        ((400 / 48.5) * 27.3 + 73.98) +
        2 * 2.99 * 352 +
        2200 +
        836 +
        68.6,
      6,
    );
    expect(defined(r.byCategory.server, 'a server category').wu).toBeUndefined();
  });

  it('CPU model → die area from the lookup table', () => {
    const die = fs.cpuDies['amd epyc 7763']?.dieMm2;
    expect(die).toBe(1064);
    const r = run([{ category: 'server', cpu_units: 1, cpu_model: 'AMD EPYC 7763', purchase_year: Y, annual_kwh: 0 }], {
      allocation: 'purchase-year',
      criteria: ['gwp'],
    });
    const r2 = run([{ category: 'server', cpu_units: 1, cpu_die_mm2: 1064, purchase_year: Y, annual_kwh: 0 }], {
      allocation: 'purchase-year',
      criteria: ['gwp'],
    });
    expect(gwp(r.total)).toBeCloseTo(gwp(r2.total), 9);
  });

  it('use: CPU curve a·ln(b·(load + c)) + d, RAM 0.284 W/GB, × 1.33, × PUE × electricity', () => {
    const p50 = cpuPowerAtLoad({ a: 171.2, b: 0.0354, c: 36.89, d: -10.13 }, 50);
    expect(p50).toBeCloseTo(171.2 * Math.log(0.0354 * 86.89) - 10.13, 12);
    const r = run(
      [{ category: 'server', cpu_units: 2, ram_units: 12, ram_gb: 32, cpu_load_pct: 50, pue: 1.5, embodied_gwp_kg: 0 }],
      { criteria: ['gwp'] },
    );
    const kwh = (((2 * p50 * 1.33 + 384 * 0.284 * 1.33) * 8760) / 1000) * 1.5;
    expect(r.byPhase.USE.gwp?.value).toBeCloseTo(kwh * 0.098, 6);
    expect(r.energy.useKwh.value).toBeCloseTo(kwh, 6);
  });

  it('fixed factor when no spec is given (Base IMPACTS 3,660 kg over 4 years)', () => {
    const r = run([{ category: 'server', annual_kwh: 0 }], { criteria: ['gwp', 'wu'] });
    expect(r.byPhase.BLD.gwp?.value).toBeCloseTo(3660 / 4, 9);
    expect(r.byPhase.BLD.wu?.value).toBeLessThan(0);
    expect(r.warnings.some((w) => /negative/.test(w.message) && /Base IMPACTS/.test(w.message))).toBe(true);
  });
});

describe('cloud and transfer', () => {
  it('cloud instance: CCF energy with utilisation, PUE, region → country; SCI embodied share', () => {
    const inst = defined(fs.cloud.instances['aws:m5.large'], 'the aws:m5.large instance');
    const platform = defined(fs.cloud.platforms[`aws:${inst.platform}`], `the aws:${inst.platform} platform`);
    const r = run(
      [{ category: 'cloud_instance', provider: 'aws', instance_type: 'm5.large', region: 'eu-west-3', hours: 1000 }],
      { criteria: ['gwp'] },
    );
    const kwh = ((inst.vcpu * (0.74 + 0.5 * (3.5 - 0.74))) / 1000 + inst.memoryGb * 0.000392) * 1000 * 1.135;
    expect(fs.cloud.regions['aws:eu-west-3']).toBe('FRA');
    expect(r.byPhase.USE.gwp?.value).toBeCloseTo(kwh * 0.098, 9);
    expect(platform.vcpu).toBeGreaterThan(0);
    expect(r.byPhase.BLD.gwp?.value).toBeGreaterThan(0);
    expect(r.byTier.cloud.gwp?.value).toBeCloseTo(gwp(r.total), 9);
  });

  it('data transfer: SWD v4 (data centre + network) and OneByte through CO2.js', () => {
    const swd = run([{ category: 'data_transfer', gigabytes: 1000 }]);
    expect(swd.byPhase.BLD.gwp?.value).toBeCloseTo(1000 * (0.012 + 0.013) * 0.494, 9);
    expect(swd.byPhase.USE.gwp?.value).toBeCloseTo(1000 * (0.055 + 0.059) * 0.494, 9);
    expect(swd.total.adpe).toBeUndefined();
    const one = run([{ category: 'data_transfer', gigabytes: 1000, transfer_model: '1byte' }]);
    expect(one.total.gwp?.value).toBeCloseTo(1e12 * (7.2e-11 + (4.29e-10 + 1.52e-10 + 8.84e-10) / 3) * 0.519, 6);
  });
});

describe('errors and warnings', () => {
  it('collects every error with its line and column, and computes nothing', () => {
    try {
      run([
        { category: 'spaceship' },
        { category: 'laptop', country: 'XX' },
        { category: 'cloud_instance', provider: 'aws' },
        { category: 'data_transfer' },
      ]);
      expect.unreachable();
    } catch (e) {
      const errs = (e as InventoryErrors).errors;
      expect(errs.map((x) => `${x.line}:${x.column}`)).toEqual([
        '2:category',
        '3:country',
        '4:instance_type',
        '5:gigabytes',
      ]);
    }
  });
  it('warns on lifespans under a year and implausible power', () => {
    const r = run([
      { category: 'laptop', lifespan_years: 0.5 },
      { category: 'laptop', power_w: 5000 },
    ]);
    expect(r.warnings.some((w) => w.line === 2 && /under a year/.test(w.message))).toBe(true);
    expect(r.warnings.some((w) => w.line === 3 && /plausible/.test(w.message))).toBe(true);
  });
});

// Property checks on a mixed inventory.
const mixed: TInventoryLine[] = [
  { category: 'laptop', quantity: 120 },
  { category: 'desktop', quantity: 30, country: 'DEU' },
  { category: 'monitor', quantity: 150 },
  { category: 'smartphone', quantity: 80, lifespan_years: 3 },
  { category: 'tablet', quantity: 10 },
  { category: 'tv', quantity: 2 },
  { category: 'box', quantity: 3 },
  { category: 'printer', quantity: 6 },
  { category: 'wifi_access_point', quantity: 12, power_w: 8, hours_per_year: 8760 },
  { category: 'server', quantity: 4 },
  { category: 'server', quantity: 2, cpu_units: 2, cpu_cores: 16, ram_units: 8, ram_gb: 32 },
  {
    category: 'cloud_instance',
    quantity: 3,
    provider: 'gcp',
    instance_type: 'c4a-standard-4',
    region: 'europe-west9',
    hours: 8760,
  },
  { category: 'data_transfer', gigabytes: 5000 },
];
const sumOf = (groups: Record<string, TImpacts>, c: string, k: 'value' | 'low' | 'high'): number =>
  Object.values(groups).reduce(
    (s, g) => s + ((g as Record<string, { value: number; low: number; high: number }>)[c]?.[k] ?? 0),
    0,
  );

describe('properties', () => {
  const r = run(mixed, { criteria: [...CRITERIA] });
  it('low ≤ value ≤ high everywhere', () => {
    const check = (x: TImpacts): void => {
      for (const v of Object.values(x)) {
        expect(v.low).toBeLessThanOrEqual(v.value);
        expect(v.value).toBeLessThanOrEqual(v.high);
      }
    };
    check(r.total);
    PHASES.forEach((p) => check(r.byPhase[p]));
    TIERS.forEach((t) => check(r.byTier[t]));
    Object.values(r.byCategory).forEach(check);
  });
  it('total = sum of phases = sum of tiers = sum of categories', () => {
    for (const c of Object.keys(r.total)) {
      for (const k of ['value', 'low', 'high'] as const) {
        const t = defined((r.total as Record<string, Record<string, number>>)[c]?.[k], `total ${c}.${k}`);
        expect(sumOf(r.byPhase, c, k)).toBeCloseTo(t, 6);
        expect(sumOf(r.byTier, c, k)).toBeCloseTo(t, 6);
        expect(sumOf(r.byCategory, c, k)).toBeCloseTo(t, 6);
      }
    }
  });
  it('doubling quantities doubles results', () => {
    const d = run(
      mixed.map((l) => ({ ...l, quantity: (l.quantity ?? 1) * 2 })),
      { criteria: [...CRITERIA] },
    );
    for (const c of Object.keys(r.total)) {
      const a = defined((r.total as Record<string, { value: number; low: number; high: number }>)[c], `total ${c}`);
      const b = defined(
        (d.total as Record<string, { value: number; low: number; high: number }>)[c],
        `doubled total ${c}`,
      );
      expect(b.value / a.value).toBeCloseTo(2, 9);
      expect(b.high / a.high).toBeCloseTo(2, 9);
    }
    expect(d.units).toBe(r.units * 2);
  });
  it('streaming accumulator = array API', () => {
    const acc = createFootprintAccumulator(fs, { year: Y, criteria: [...CRITERIA] });
    mixed.forEach((l, i) => acc.add(l, i + 2));
    expect(acc.result()).toEqual(r);
  });
  it('Monte Carlo is reproducible with a seed and brackets the central value', () => {
    const a = run(mixed, { monteCarlo: { draws: 2000, seed: 42 } });
    const b = run(mixed, { monteCarlo: { draws: 2000, seed: 42 } });
    const c = run(mixed, { monteCarlo: { draws: 2000, seed: 7 } });
    expect(a.monteCarlo).toEqual(b.monteCarlo);
    expect(a.monteCarlo?.gwp).not.toEqual(c.monteCarlo?.gwp);
    const q = a.monteCarlo?.gwp;
    expect(q && q.p05 <= q.p50 && q.p50 <= q.p95).toBe(true);
    expect(q && q.p05 >= (a.total.gwp?.low ?? 0) && q.p95 <= (a.total.gwp?.high ?? 0)).toBe(true);
  });
  it('data quality: defaults share and provenance', () => {
    expect(r.dataQuality.defaultShare).toBeGreaterThan(0.5);
    expect(r.dataQuality.defaultShare).toBeLessThanOrEqual(1);
    const lifespan = defined(r.dataQuality.provenance.lifespan_years, 'the provenance of lifespan_years');
    expect(lifespan.default).toBeGreaterThan(0);
    expect(lifespan.input).toBe(1);
  });
});

describe('levers', () => {
  it('recomputes a transformed inventory (longer lifespans lower the embodied footprint)', () => {
    const { before, after } = simulateInventory(
      fs,
      mixed,
      (l) => (l.category === 'laptop' ? { ...l, lifespan_years: 7 } : l),
      { year: Y },
    );
    expect(gwp(after.byCategory.laptop)).toBeLessThan(gwp(before.byCategory.laptop));
    expect(gwp(after.byCategory.monitor)).toBeCloseTo(gwp(before.byCategory.monitor), 9);
  });
});
