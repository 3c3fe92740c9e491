import { describe, expect, it } from 'vitest';
import { getFactorSet } from '../data/index.js';
import { defined } from '../../test/helpers/defined.js';
import { computeFootprint } from '../lca/index.js';
import {
  formatFootprint,
  formatFootprintCsv,
  formatFootprintJson,
  formatFootprintTable,
  FOOTPRINT_LABELS_EN,
} from './footprint-formats.js';

const r = computeFootprint(
  getFactorSet(),
  [
    { category: 'laptop', quantity: 3 },
    { category: 'data_transfer', gigabytes: 10 },
  ],
  { year: 2025, criteria: ['gwp', 'adpe'] },
);

describe('footprint formats', () => {
  it('csv: one row per category × phase × criterion, and they add up to the total', () => {
    const rows = formatFootprintCsv(r)
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .filter((x) => x[7] === 'counted');
    expect(rows.map((x) => x.slice(0, 3).join('/'))).toEqual([
      'data_transfer/BLD/gwp',
      'data_transfer/USE/gwp',
      'laptop/BLD/gwp',
      'laptop/BLD/adpe',
      'laptop/DIS/gwp',
      'laptop/USE/gwp',
      'laptop/USE/adpe',
      'laptop/EOL/gwp',
    ]);
    const gwp = rows.filter((x) => x[2] === 'gwp').reduce((s, x) => s + Number(x[3]), 0);
    expect(gwp).toBeCloseTo(r.total.gwp?.value ?? 0, 9);
  });
  it('json keeps values unrounded', () => {
    const j = JSON.parse(formatFootprintJson(r));
    expect(j.total.gwp.value).toBe(r.total.gwp?.value);
    expect(j.byCategoryPhase).toBeUndefined();
  });
  it('table: French by default, labels passed in for English', () => {
    expect(formatFootprintTable(r)).toMatch(/Par phase/);
    expect(formatFootprintTable(r, FOOTPRINT_LABELS_EN, 'en-GB')).toMatch(/By phase/);
    expect(formatFootprint(r, 'table', 'en')).toMatch(/Data transfer/);
  });
  it('pcr-si: a Boavizta PCR-SI response, checked against a hand-made document following the format', () => {
    // 10 laptops and 4 monitors, FRA, 2025, GWP and ADPe, by the published formulas: embodied / default lifespan in
    // BLD; power × hours / 1000 × France's electricity factor in USE. The factors are read from the factor set.
    const fs = getFactorSet('techcare-2026.1');
    const lap = defined(fs.devices.laptop, 'the laptop archetype');
    const mon = defined(fs.devices.monitor, 'the monitor archetype');
    const elec = defined(fs.electricity.zones.FRA, 'the FRA zone').factors;
    const bld = (d: typeof lap, n: number, c: 'gwp' | 'adpe'): number =>
      (n * (d.embodied[c]?.value ?? NaN)) / d.lifespanYears.value;
    const kwh = (d: typeof lap, n: number): number =>
      (n * (d.use?.powerW?.value ?? 0) * (d.use?.hoursPerYear?.value ?? 0)) / 1000;
    const use = (d: typeof lap, n: number, c: 'gwp' | 'adpe'): number => kwh(d, n) * (elec[c]?.value ?? NaN);
    const res = computeFootprint(
      fs,
      [
        { category: 'laptop', quantity: 10 },
        { category: 'monitor', quantity: 4 },
      ],
      { year: 2025, country: 'FRA', criteria: ['gwp', 'adpe'] },
    );
    const doc = JSON.parse(
      formatFootprint(res, 'pcr-si', 'fr', {
        organization: 'Acme',
        dataset: 'Parc 2025',
        timestamp: '2026-01-15T10:00:00Z',
      }),
    );
    const expected = {
      metadata: {
        organization: 'Acme',
        dataset: 'Parc 2025',
        timestamp: '2026-01-15T10:00:00Z',
        provider: 'Techcare',
        sources: [{ name: 'techcare-2026.1', version: '2026.1' }],
        version: 'PCR-SI_dataformat@0bd5a91',
        indicators: [
          { indicator: 'GWP', source: 'techcare-2026.1 (figures and sources: docs/methodology.md)', unit: 'kg CO2 eq' },
          { indicator: 'ADPe', source: 'techcare-2026.1 (figures and sources: docs/methodology.md)', unit: 'kg Sb eq' },
        ],
      },
      total_impact: {
        BLD: { GWP: bld(lap, 10, 'gwp') + bld(mon, 4, 'gwp'), ADPe: bld(lap, 10, 'adpe') + bld(mon, 4, 'adpe') },
        DIS: {},
        USE: { GWP: use(lap, 10, 'gwp') + use(mon, 4, 'gwp'), ADPe: use(lap, 10, 'adpe') + use(mon, 4, 'adpe') },
        EOL: {},
      },
      tags: [
        {
          name: 'terminals',
          impacts: {
            GWP: bld(lap, 10, 'gwp') + bld(mon, 4, 'gwp') + use(lap, 10, 'gwp') + use(mon, 4, 'gwp'),
            ADPe: bld(lap, 10, 'adpe') + bld(mon, 4, 'adpe') + use(lap, 10, 'adpe') + use(mon, 4, 'adpe'),
          },
        },
      ],
      quality: { high: 0, medium: 0, low: 1 },
      details: {
        1: {
          type: 'laptop',
          name: 'laptop',
          tags: ['terminals'],
          impacts: {
            BLD: { GWP: bld(lap, 10, 'gwp'), ADPe: bld(lap, 10, 'adpe') },
            DIS: {},
            USE: { GWP: use(lap, 10, 'gwp'), ADPe: use(lap, 10, 'adpe') },
            EOL: {},
          },
          source: 'techcare-2026.1',
          provider: 'Techcare',
        },
        2: {
          type: 'monitor',
          name: 'monitor',
          tags: ['terminals'],
          impacts: {
            BLD: { GWP: bld(mon, 4, 'gwp'), ADPe: bld(mon, 4, 'adpe') },
            DIS: {},
            USE: { GWP: use(mon, 4, 'gwp'), ADPe: use(mon, 4, 'adpe') },
            EOL: {},
          },
          source: 'techcare-2026.1',
          provider: 'Techcare',
        },
      },
    };
    // Numbers compared to 1e-9 relative, the rest exactly.
    const round = (x: unknown): unknown =>
      typeof x === 'number'
        ? Number(x.toPrecision(10))
        : Array.isArray(x)
          ? x.map(round)
          : x && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]))
            : x;
    const { x_techcare: ext, ...spec } = doc;
    expect(round(spec)).toEqual(round(expected));
    expect(Object.keys(doc.total_impact)).toEqual(['BLD', 'DIS', 'USE', 'EOL']);
    // The extension keeps the ranges and the once-per-result note that DIS and EOL are inside BLD.
    expect(ext.total_impact_low.BLD.GWP).toBeLessThanOrEqual(doc.total_impact.BLD.GWP);
    expect(ext.total_impact_high.USE.ADPe).toBeGreaterThanOrEqual(doc.total_impact.USE.ADPe);
    expect(ext.warnings).toContainEqual(expect.objectContaining({ code: 'embodied-not-split' }));
  });
  it('pcr-si: primary energy is TPE, inputs count as high quality, every criterion in ImpactObject codes', () => {
    const all = computeFootprint(
      getFactorSet(),
      [
        {
          category: 'laptop',
          quantity: 2,
          embodied_gwp_kg: 300,
          annual_kwh: 20,
          purchase_year: 2024,
          electricity_gwp_kg_per_kwh: 0.05,
        },
        { category: 'server', annual_kwh: 0 },
      ],
      { year: 2025 },
    );
    const doc = JSON.parse(formatFootprint(all, 'pcr-si'));
    const codes = new Set(
      Object.values(doc.total_impact as Record<string, Record<string, number>>).flatMap((x) => Object.keys(x)),
    );
    for (const c of codes) expect(['GWP', 'ADPe', 'WU', 'TPE', 'AP', 'PM', 'IR']).toContain(c);
    expect(doc.metadata.indicators.map((i: { indicator: string }) => i.indicator)).not.toContain('PE');
    expect(doc.quality.high).toBeCloseTo(1 - all.dataQuality.defaultShare, 12);
    expect(doc.quality.high).toBeGreaterThan(0);
    expect(doc.details['2'].tags).toEqual(['datacenter']);
  });
});
