import { describe, expect, it } from 'vitest';
import { getFactorSet } from '../../data/index.js';
import { computeFootprint, type TInventoryLine } from '../index.js';
import { simulateLevers, type TLeverApplication } from './simulate.js';
import { leverTransform } from './levers.js';
import { refurbishedReduction } from './sources.js';
import { defined } from '../../../test/helpers/defined.js';

// Expected values are computed by hand from the factor set's own figures, read here (never hard-coded results).
const fs = getFactorSet('techcare-2026.1');
const opts = { year: 2025, country: 'FRA' } as const;
const dev = (c: string) => defined(fs.devices[c], `the ${c} archetype`);
/** The gwp entry of impacts or changes, or a failure saying it is missing. */
const gwpOf = <T>(impacts: { gwp?: T }): T => defined(impacts.gwp, 'a gwp figure');
const laptopGwp = defined(dev('laptop').embodied.gwp, 'the laptop embodied gwp').value;
const laptopLife = dev('laptop').lifespanYears.value;

function sim(lines: TInventoryLine[], apps: TLeverApplication[]) {
  return simulateLevers(fs, lines, apps, opts);
}
const bld = (r: { byPhase: Record<string, Record<string, { value: number } | undefined>> }, c = 'gwp') =>
  r.byPhase.BLD?.[c]?.value ?? 0;
const use = (r: { byPhase: Record<string, Record<string, { value: number } | undefined>> }, c = 'gwp') =>
  r.byPhase.USE?.[c]?.value ?? 0;

describe('lever transformations against hand computations', () => {
  it('extend-lifespan: laptops 5 → 6 years divide the embodied share by 6 instead of 5; use is unchanged', () => {
    const s = sim(
      [{ category: 'laptop', quantity: 10 }],
      [{ lever: 'extend-lifespan', params: { categories: ['laptop'], years: 6 } }],
    );
    expect(bld(s.baseline)).toBeCloseTo((10 * laptopGwp) / laptopLife, 6);
    expect(bld(s.combined.result)).toBeCloseTo((10 * laptopGwp) / 6, 6);
    expect(use(s.combined.result)).toBeCloseTo(use(s.baseline), 9);
    expect(gwpOf(s.combined.total).delta.value).toBeCloseTo((10 * laptopGwp) / 6 - (10 * laptopGwp) / laptopLife, 6);
    // Every embodied criterion follows the same ratio.
    const adpe = defined(dev('laptop').embodied.adpe, 'the laptop adpe').value;
    expect(bld(s.combined.result, 'adpe')).toBeCloseTo((10 * adpe) / 6, 9);
  });

  it('extend-lifespan: the organisation’s real renewal cycle is the baseline of lines without a lifespan', () => {
    const s = sim(
      [
        { category: 'laptop', quantity: 10 },
        { category: 'laptop', quantity: 2, lifespan_years: 4 },
      ],
      [{ lever: 'extend-lifespan', params: { categories: ['laptop'], years: 6, current: 3 } }],
    );
    // Baseline: 10 laptops renewed every 3 years (not the default 5), 2 with their own 4 years.
    expect(bld(s.baseline)).toBeCloseTo((10 * laptopGwp) / 3 + (2 * laptopGwp) / 4, 6);
    expect(bld(s.combined.result)).toBeCloseTo((12 * laptopGwp) / 6, 6);
    expect(() => leverTransform(fs, 'extend-lifespan', { categories: ['laptop'], years: 6, current: 0 })).toThrow();
  });

  it('extend-lifespan: aliases match and a longer lifespan is kept', () => {
    const s = sim(
      [
        { category: 'portable', quantity: 2, lifespan_years: 4 },
        { category: 'laptop', quantity: 1, lifespan_years: 8 },
      ],
      [{ lever: 'extend-lifespan', params: { categories: ['laptop'], years: 6 } }],
    );
    expect(bld(s.combined.result)).toBeCloseTo((2 * laptopGwp) / 6 + laptopGwp / 8, 6);
    expect(s.combinedLines.map((l) => l.lifespan_years)).toEqual([6, 8]);
  });

  it('refurbished: 30 % of smartphones carry (1 − 0.87) of the embodied impact', () => {
    const e = defined(dev('smartphone').embodied.gwp, 'the smartphone embodied gwp').value;
    const life = dev('smartphone').lifespanYears.value;
    const r = refurbishedReduction('smartphone').value;
    expect(r).toBe(0.87);
    const s = sim(
      [{ category: 'smartphone', quantity: 10 }],
      [{ lever: 'refurbished', params: { categories: ['smartphone'], share: 0.3 } }],
    );
    expect(bld(s.combined.result)).toBeCloseTo(((10 * e) / life) * (0.7 + 0.3 * (1 - r)), 6);
    expect(s.combinedLines.reduce((n, l) => n + (l.quantity ?? 1), 0)).toBeCloseTo(10, 9);
    expect(use(s.combined.result)).toBeCloseTo(use(s.baseline), 9);
  });

  it('refurbished: an explicit reduction overrides the default', () => {
    const s = sim(
      [{ category: 'laptop', quantity: 4 }],
      [{ lever: 'refurbished', params: { categories: ['laptop'], share: 0.5, reduction: 0.5 } }],
    );
    expect(bld(s.combined.result)).toBeCloseTo(((4 * laptopGwp) / laptopLife) * 0.75, 6);
  });

  it('fewer-devices: 20 % fewer monitors lower every criterion by 20 %', () => {
    const s = sim(
      [
        { category: 'monitor', quantity: 10 },
        { category: 'laptop', quantity: 3 },
      ],
      [{ lever: 'fewer-devices', params: { categories: ['monitor'], reduction: 0.2 } }],
    );
    const before = gwpOf(computeFootprint(fs, [{ category: 'monitor', quantity: 10 }], opts).total).value;
    expect(gwpOf(s.combined.total).delta.value).toBeCloseTo(-0.2 * before, 6);
  });

  it('consolidate-servers: half the servers with a measured power halve their footprint', () => {
    const line = {
      category: 'server',
      quantity: 10,
      power_w: 200,
      hours_per_year: 8760,
      pue: 1.5,
      electricity_gwp_kg_per_kwh: 0.1,
    };
    const s = sim([line], [{ lever: 'consolidate-servers', params: { reduction: 0.5 } }]);
    expect(use(s.baseline)).toBeCloseTo(((10 * 200 * 8760) / 1000) * 1.5 * 0.1, 6);
    expect(gwpOf(s.combined.total).after.value).toBeCloseTo(gwpOf(s.baseline.total).value / 2, 6);
  });

  it('consolidate-servers: the remaining servers carry the same work (load ÷ (1 − reduction), capped at 100 %)', () => {
    const t = leverTransform(fs, 'consolidate-servers', { reduction: 0.6 });
    expect(t({ category: 'server', quantity: 10, cpu_load_pct: 20 }, 0)).toEqual({
      category: 'server',
      quantity: 4,
      cpu_load_pct: 50,
    });
    const dflt = fs.server.defaults.cpuLoadPct.value;
    expect(t({ category: 'serveur', quantity: 5 }, 0)).toEqual({
      category: 'serveur',
      quantity: 2,
      cpu_load_pct: Math.min(100, dflt / 0.4),
    });
  });

  it('better-pue: use energy scales by new PUE / old PUE; a lower PUE is kept', () => {
    const line = {
      category: 'server',
      quantity: 10,
      power_w: 200,
      hours_per_year: 8760,
      pue: 2,
      electricity_gwp_kg_per_kwh: 0.1,
    };
    const s = sim([line, { ...line, quantity: 1, pue: 1.1 }], [{ lever: 'better-pue', params: { pue: 1.3 } }]);
    const kwh = (200 * 8760) / 1000;
    expect(use(s.combined.result)).toBeCloseTo(10 * kwh * 1.3 * 0.1 + kwh * 1.1 * 0.1, 6);
    expect(bld(s.combined.result)).toBeCloseTo(bld(s.baseline), 9);
  });

  it('better-pue: servers without a PUE start from the factor set default', () => {
    const t = leverTransform(fs, 'better-pue', { pue: 1.2 });
    expect(fs.server.defaultPue.value).toBeGreaterThan(1.2);
    expect(t({ category: 'server' }, 0)).toEqual({ category: 'server', pue: 1.2 });
  });

  it('cloud-region: use impacts follow the new country electricity; the embodied share is unchanged', () => {
    const line = {
      category: 'cloud_instance',
      provider: 'aws',
      instance_type: 'm5.large',
      region: 'eu-west-3',
      hours: 8760,
      quantity: 3,
    };
    const s = sim([line], [{ lever: 'cloud-region', params: { provider: 'AWS', region: 'eu-north-1' } }]);
    const fra = gwpOf(defined(fs.electricity.zones.FRA, 'the FRA zone').factors).value;
    const swe = gwpOf(defined(fs.electricity.zones.SWE, 'the SWE zone').factors).value;
    expect(use(s.combined.result)).toBeCloseTo(use(s.baseline) * (swe / fra), 6);
    expect(bld(s.combined.result)).toBeCloseTo(bld(s.baseline), 9);
    expect(() => leverTransform(fs, 'cloud-region', { provider: 'aws', region: 'mars-1' })).toThrow(/unknown region/);
  });

  it('switch-off-idle: 25 % fewer hours lower use energy by 25 %, defaults included', () => {
    const s = sim(
      [{ category: 'desktop', quantity: 10, power_w: 100, hours_per_year: 2000, electricity_gwp_kg_per_kwh: 0.1 }],
      [{ lever: 'switch-off-idle', params: { categories: ['desktop'], reduction: 0.25 } }],
    );
    expect(use(s.baseline)).toBeCloseTo(200, 6);
    expect(use(s.combined.result)).toBeCloseTo(150, 6);
    const t = leverTransform(fs, 'switch-off-idle', { categories: ['desktop', 'cloud_instance'], reduction: 0.5 });
    expect(t({ category: 'desktop' }, 0)).toEqual({
      category: 'desktop',
      hours_per_year: defined(dev('desktop').use?.hoursPerYear, 'the desktop hours per year').value / 2,
    });
    expect(t({ category: 'cloud_instance', hours: 1000 }, 0)).toEqual({ category: 'cloud_instance', hours: 500 });
    expect(t({ category: 'desktop', annual_kwh: 80 }, 0)).toEqual({ category: 'desktop', annual_kwh: 40 });
  });

  it('reduce-transfer: 40 % fewer gigabytes lower the transfer footprint by 40 %', () => {
    const s = sim(
      [{ category: 'data_transfer', gigabytes: 1000 }],
      [{ lever: 'reduce-transfer', params: { reduction: 0.4 } }],
    );
    expect(gwpOf(s.combined.total).after.value).toBeCloseTo(gwpOf(s.baseline.total).value * 0.6, 9);
    expect(gwpOf(s.combined.total).relative).toBeCloseTo(-0.4, 9);
  });

  it('end-of-life-reuse: reused units keep L / (L + second life) of their embodied impact', () => {
    const s = sim(
      [{ category: 'laptop', quantity: 10, lifespan_years: 4 }],
      [{ lever: 'end-of-life-reuse', params: { categories: ['laptop'], share: 0.5, secondLifeYears: 2 } }],
    );
    expect(bld(s.combined.result)).toBeCloseTo(((10 * laptopGwp) / 4) * (0.5 + 0.5 * (4 / 6)), 6);
  });

  it('rejects invalid parameters', () => {
    expect(() => leverTransform(fs, 'fewer-devices', { categories: ['laptop'], reduction: 1.5 })).toThrow();
    expect(() => leverTransform(fs, 'extend-lifespan', { categories: [], years: 6 })).toThrow();
  });
});

describe('combinations', () => {
  const laptops: TInventoryLine[] = [{ category: 'laptop', quantity: 100, lifespan_years: 4 }];
  const extend: TLeverApplication = { lever: 'extend-lifespan', params: { categories: ['laptop'], years: 6 } };
  const refurb: TLeverApplication = { lever: 'refurbished', params: { categories: ['laptop'], share: 0.3 } };

  it('two levers on the same lines compose multiplicatively, never add', () => {
    const r = refurbishedReduction('laptop').value;
    const s = sim(laptops, [refurb, extend]);
    const expected = ((100 * laptopGwp) / 6) * (0.7 + 0.3 * (1 - r));
    expect(bld(s.combined.result)).toBeCloseTo(expected, 6);
    // The sum of the separate gains overstates the combined one: that is the double counting we avoid.
    const sumAlone = s.individual.reduce((n, i) => n + gwpOf(i.total).delta.value, 0);
    expect(sumAlone).toBeLessThan(gwpOf(s.combined.total).delta.value);
    expect(s.individual.map((i) => i.lever)).toEqual(['extend-lifespan', 'refurbished']);
  });

  it('does not depend on the order levers were picked in', () => {
    const a = gwpOf(sim(laptops, [extend, refurb]).combined.total).after.value;
    const b = gwpOf(sim(laptops, [refurb, extend]).combined.total).after.value;
    expect(a).toBeCloseTo(b, 9);
  });

  it('reuse after refurbishing shares the real years of use', () => {
    const s = sim(laptops, [
      refurb,
      { lever: 'end-of-life-reuse', params: { categories: ['laptop'], share: 1, secondLifeYears: 4 } },
    ]);
    const r = refurbishedReduction('laptop').value;
    expect(bld(s.combined.result)).toBeCloseTo(((100 * laptopGwp) / 4) * (0.7 + 0.3 * (1 - r)) * 0.5, 6);
  });

  it('levers on different lines add up exactly', () => {
    const lines: TInventoryLine[] = [...laptops, { category: 'data_transfer', gigabytes: 5000 }];
    const s = sim(lines, [extend, { lever: 'reduce-transfer', params: { reduction: 0.5 } }]);
    const sumAlone = s.individual.reduce((n, i) => n + gwpOf(i.total).delta.value, 0);
    expect(gwpOf(s.combined.total).delta.value).toBeCloseTo(sumAlone, 6);
  });

  it('gives every change a range around its value and a per-tier breakdown', () => {
    const s = sim(
      [
        { category: 'laptop', quantity: 10 },
        { category: 'smartphone', quantity: 5 },
      ],
      [extend],
    );
    for (const ch of Object.values(s.combined.total)) {
      const change = defined(ch, 'a change');
      expect(change.delta.low).toBeLessThanOrEqual(change.delta.value);
      expect(change.delta.high).toBeGreaterThanOrEqual(change.delta.value);
    }
    expect(s.combined.byTier.terminals?.gwp?.delta.value).toBeCloseTo(gwpOf(s.combined.total).delta.value, 9);
  });

  it('simulates in the steady state: purchase years are ignored so a longer lifespan never shows as an increase', () => {
    const s = simulateLevers(
      fs,
      [{ category: 'laptop', quantity: 10, purchase_year: 2020, lifespan_years: 5 }],
      [extend],
      { ...opts, allocation: 'purchase-year' },
    );
    expect(s.baseline.methodology.allocation).toBe('amortised');
    expect(gwpOf(s.combined.total).delta.value).toBeLessThan(0);
  });
});
