import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getFactorSet } from '../../src/data/index.js';
import { ADEME_CATEGORY, ademeRows, evaluateCase, referenceCases, type TReferenceCase } from './cases.js';
import { referenceTable } from './table.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('reference cases: the rows themselves', () => {
  it('at least 30 cases, unique ids, each with a full citation, a URL, a tolerance and its reason when not 2 %', () => {
    expect(referenceCases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(referenceCases.map((c) => c.id)).size).toBe(referenceCases.length);
    for (const c of referenceCases) {
      expect(c.source.citation.length, c.id).toBeGreaterThan(40);
      expect(c.source.url, c.id).toMatch(/^https:\/\//);
      expect(c.computes.length, c.id).toBeGreaterThan(10);
      expect(c.lines.length, c.id).toBeGreaterThan(0);
      expect(Number.isFinite(c.expected) && c.expected > 0, c.id).toBe(true);
      if (c.tolerance !== 0.02) expect(c.toleranceReason, c.id).toBeTruthy();
      if (c.knownDifference) expect(c.knownDifference.reason.length, c.id).toBeGreaterThan(10);
    }
  });

  it('covers every row of the ADEME/Arcep 2022 device file with the categories of the factor set', () => {
    expect(ademeRows).toHaveLength(15);
    const categories = ademeRows.map((r) => ADEME_CATEGORY[r.slug] ?? `unmapped ${r.slug}`).sort();
    expect(categories).toEqual([
      'basic_phone',
      'box',
      'desktop',
      'desktop_consumer',
      'external_hdd',
      'laptop',
      'laptop_charger',
      'monitor',
      'phone_charger',
      'smart_speaker',
      'smartphone',
      'tablet',
      'tv',
      'usb_stick',
      'vr_headset',
    ]);
    const fs = getFactorSet('techcare-2027.1');
    for (const c of categories) {
      expect(fs.devices[c]?.embodied.gwp?.source, c).toBe('ademe-arcep-2022');
      const ids = referenceCases.filter(
        (x) => x.id === `ademe-arcep-yearly-${c}` || x.id === `ademe-arcep-embodied-${c}`,
      );
      expect(ids, c).toHaveLength(1);
    }
  });
});

describe('reference cases: the engine reproduces the published figures', () => {
  it.each(referenceCases.map((c) => [c.id, c] as [string, TReferenceCase]))('%s', (_id, c) => {
    const r = evaluateCase(c);
    if (c.check === 'within-range') {
      expect(r.low).toBeLessThanOrEqual(c.expected);
      expect(r.high).toBeGreaterThanOrEqual(c.expected);
    } else {
      expect(Math.abs(r.difference)).toBeLessThanOrEqual(c.knownDifference?.bound ?? c.tolerance);
    }
    expect(r.pass).toBe(true);
  });

  it('a case fails when the published value is moved beyond its tolerance (the check can fail)', () => {
    for (const c of referenceCases) {
      const moved: TReferenceCase =
        c.check === 'within-range'
          ? { ...c, expected: evaluateCase(c).high * 1.5 }
          : { ...c, expected: c.expected * (1 + 3 * (c.knownDifference?.bound ?? c.tolerance)) };
      expect(evaluateCase(moved).pass, c.id).toBe(false);
    }
  });
});

describe('reference cases: docs/methodology.md', () => {
  it('holds the table generated from the cases (npx tsx test/reference-cases/print-table.ts --write)', () => {
    const doc = readFileSync(join(here, '../../docs/methodology.md'), 'utf8');
    const m = /<!-- reference-cases:start -->\n([\s\S]*?)\n<!-- reference-cases:end -->/.exec(doc);
    expect(m, 'markers around the table').not.toBeNull();
    expect(m?.[1]).toBe(referenceTable());
  });
});
