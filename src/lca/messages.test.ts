import { describe, expect, it } from 'vitest';
import { getFactorSet } from '../data/index.js';
import { defined } from '../../test/helpers/defined.js';
import {
  computeFootprint,
  createFootprintAccumulator,
  formatLineError,
  formatWarning,
  InventoryErrors,
  LINE_ERROR_CODES,
  LINE_ERROR_TEXTS,
  lineErrorParts,
  WARNING_CODES,
  WARNING_TEXTS,
  warningParts,
  type TInventoryLine,
  type TLineError,
  type TWarning,
} from './index.js';

const fs = getFactorSet('techcare-2026.1');
const errorsOf = (lines: TInventoryLine[]): TLineError[] => {
  try {
    computeFootprint(fs, lines, { year: 2025 });
  } catch (e) {
    return (e as InventoryErrors).errors;
  }
  return [];
};

describe('message catalogues', () => {
  it('French and English have exactly the same codes, and the codes listed', () => {
    for (const [texts, codes] of [
      [LINE_ERROR_TEXTS, LINE_ERROR_CODES],
      [WARNING_TEXTS, WARNING_CODES],
    ] as const) {
      expect(Object.keys(texts.fr).sort()).toEqual(Object.keys(texts.en).sort());
      expect(Object.keys(texts.fr).sort()).toEqual([...codes].sort());
    }
  });
  it('every code gives a non-empty text in both languages, and the French text is not the English one', () => {
    const params = {
      value: 'x',
      choices: 'a, b',
      provider: 'aws',
      factorSet: 'fs',
      bound: 1500,
      tier: 'terminals',
      criterion: 'wu',
      category: 'server',
      unit: 'm3',
      source: 'S',
      model: 'M',
      instanceType: 'p3',
      count: 3,
      categories: 'laptop',
    };
    for (const code of LINE_ERROR_CODES) {
      const en = formatLineError({ line: 4, column: 'c', message: '', code, params }, 'en');
      const fr = formatLineError({ line: 4, column: 'c', message: '', code, params }, 'fr');
      expect(en).toMatch(/^line 4, column c: \S/);
      expect(fr).toMatch(/^ligne 4, colonne c\u00a0: \S/);
      expect(fr).not.toBe(en);
    }
    for (const code of WARNING_CODES) {
      const en = warningParts({ message: '', code, params }, 'en');
      const fr = warningParts({ message: '', code, params }, 'fr');
      expect(en[0].length).toBeGreaterThan(5);
      expect(fr[0]).not.toBe(en[0]);
    }
  });
  it('falls back to the stored English message for results without codes', () => {
    expect(lineErrorParts({ message: 'quantity: bad; fix it' }, 'fr')).toEqual(['quantity: bad', 'fix it']);
    expect(formatWarning({ line: 0, message: 'old warning' }, 'fr')).toBe('old warning');
    expect(formatWarning({ line: 3, message: 'old warning' }, 'en')).toBe('line 3: old warning');
  });
});

describe('engine errors and warnings carry codes', () => {
  it('errors: code, params, English message equal to the English text', () => {
    const errs = errorsOf([
      { category: 'spaceship' },
      { category: 'laptop', country: 'XX' },
      { category: 'cloud_instance' },
      { category: 'cloud_instance', provider: 'aws', instance_type: 'zz.huge' },
      { category: 'cloud_instance', provider: 'aws', instance_type: 'm5.large', region: 'mars-1' },
      { category: 'data_transfer' },
    ]);
    expect(errs.map((e) => e.code)).toEqual([
      'unknown-category',
      'unknown-country',
      'cloud-provider-missing',
      'cloud-instance-type-missing',
      'unknown-instance-type',
      'unknown-region',
      'transfer-gigabytes-missing',
    ]);
    for (const e of errs) {
      expect(e.message).toBe(formatLineError(e, 'en').replace(/^line \d+, column [^:]+: /, ''));
      expect(e.message).not.toMatch(/undefined/);
    }
    expect(errs[0]?.params).toMatchObject({ value: 'spaceship' });
    expect(formatLineError(defined(errs[1], 'a second error'), 'fr')).toBe(
      'ligne 3, colonne country\u00a0: pays «\u00a0XX\u00a0» inconnu\u00a0; écrivez un code ISO 3166 à trois lettres (FRA) ou à deux lettres (FR), WOR (monde) ou EEE (Europe)',
    );
  });
  it('warnings: code and params, French numbers in French', () => {
    const r = computeFootprint(
      fs,
      [
        { category: 'laptop', lifespan_years: 0.5 },
        { category: 'laptop', power_w: 5000 },
        { category: 'server', cpu_model: 'Imaginary 9000' },
      ],
      { year: 2025 },
    );
    const byCode = (c: string): TWarning | undefined => r.warnings.find((w) => w.code === c);
    expect(byCode('lifespan-under-a-year')).toMatchObject({ line: 2, params: { value: 0.5 } });
    expect(formatWarning(byCode('power-above-bound') as TWarning, 'fr')).toBe(
      'ligne 3\u00a0: puissance de 5\u202f000 W au-dessus du plafond plausible de 1\u202f500 W pour les terminaux\u00a0; vérifiez la colonne power_w (en W par unité)',
    );
    expect(byCode('cpu-model-unknown')?.params).toMatchObject({ model: 'Imaginary 9000' });
    expect(r.warnings.every((w) => typeof w.code === 'string' && w.message.length > 0)).toBe(true);
  });
  it('a warning left out past the cap is counted in one coded summary', () => {
    const lines = Array.from({ length: 5 }, () => ({ category: 'laptop', lifespan_years: 0.5 }));
    const all = computeFootprint(fs, lines, { year: 2025 }).warnings.filter((w) => w.line > 0).length;
    const r = computeFootprint(fs, lines, { year: 2025, maxWarnings: 2 });
    expect(all).toBeGreaterThanOrEqual(5);
    expect(r.warnings.at(-1)).toMatchObject({ line: 0, code: 'warnings-left-out', params: { count: all - 2 } });
  });
});

describe('embodied-not-split', () => {
  it('once per result, naming the categories whose whole-life embodied figure is booked in BLD', () => {
    const acc = createFootprintAccumulator(fs, { year: 2025 });
    for (let i = 0; i < 50; i++) acc.add({ category: i % 2 ? 'laptop' : 'monitor' }, i + 2);
    acc.add({ category: 'data_transfer', gigabytes: 10 }, 60);
    acc.add({ category: 'server', cpu_units: 2 }, 61); // bottom-up: manufacture only, not a whole-life figure
    const r = acc.result();
    const w = r.warnings.filter((x) => x.code === 'embodied-not-split');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ line: 0, params: { categories: 'laptop, monitor' } });
    expect(r.byPhase.DIS).toEqual({});
    expect(r.byPhase.EOL).toEqual({});
  });
  it('absent when no line books such a figure (transfer only, or fully amortised devices)', () => {
    expect(
      computeFootprint(fs, [{ category: 'data_transfer', gigabytes: 10 }], { year: 2025 }).warnings.some(
        (w) => w.code === 'embodied-not-split',
      ),
    ).toBe(false);
    expect(
      computeFootprint(fs, [{ category: 'laptop', purchase_year: 2010 }], { year: 2025 }).warnings.some(
        (w) => w.code === 'embodied-not-split',
      ),
    ).toBe(false);
  });
  it('a manufacturer footprint (embodied_gwp_kg) on a bottom-up server counts as whole-life too', () => {
    const r = computeFootprint(fs, [{ category: 'server', cpu_units: 2, embodied_gwp_kg: 1000 }], {
      year: 2025,
      criteria: ['gwp'],
    });
    expect(r.warnings.find((w) => w.code === 'embodied-not-split')?.params).toEqual({ categories: 'server' });
  });
});
