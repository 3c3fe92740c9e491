import { describe, expect, it } from 'vitest';
import { getFactorSet } from '../data/index.js';
import { computeFootprint } from '../lca/index.js';
import { formatFootprint, formatFootprintCsv, formatFootprintJson, formatFootprintTable, FOOTPRINT_LABELS_EN } from './footprint-formats.js';

const r = computeFootprint(getFactorSet(), [{ category: 'laptop', quantity: 3 }, { category: 'data_transfer', gigabytes: 10 }], { year: 2025, criteria: ['gwp', 'adpe'] });

describe('footprint formats', () => {
  it('csv: one row per category × phase × criterion, and they add up to the total', () => {
    const rows = formatFootprintCsv(r).trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.map((x) => x.slice(0, 3).join('/'))).toEqual(['data_transfer/BLD/gwp', 'data_transfer/USE/gwp', 'laptop/BLD/gwp', 'laptop/BLD/adpe', 'laptop/USE/gwp', 'laptop/USE/adpe']);
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
  it('pcr-si: impacts per equipment × phase × criterion code', () => {
    const d = JSON.parse(formatFootprint(r, 'pcr-si'));
    expect(d.impacts).toContainEqual(expect.objectContaining({ equipment: 'laptop', phase: 'BLD', criterion: 'ADPe', unit: 'kgSbe' }));
    expect(d.totals.GWP.value).toBe(r.total.gwp?.value);
  });
});
