import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defined } from '../../test/helpers/defined.js';
import { factorSetDirectory, getFactorSet, latestFactorSetId, listFactorSets } from './index.js';

/**
 * A published factor set is immutable: results name their factor set, so last year's result must be
 * reproducible. Changing a figure means publishing a new factor set id, never editing these files.
 */
const PUBLISHED: Record<string, string> = {
  'techcare-2026.1': 'e573086fd4c5c8e30698305857132925a938fed073fce098861c8d42c2f02f8f',
  'techcare-2027.1': '8b2cf6029f23b9ad18129a71bbaacf9a79b222d96ea290e2488d5e763bd6ae22',
};

function hashDir(id: string): string {
  const dir = factorSetDirectory(id);
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) {
    h.update(f);
    h.update(readFileSync(join(dir, f)));
  }
  return h.digest('hex');
}

describe('factor sets', () => {
  it('published factor sets never change', () => {
    for (const [id, hash] of Object.entries(PUBLISHED))
      expect(hashDir(id), `${id} was modified: publish a new factor set instead`).toBe(hash);
  });
  it('lists and loads the latest factor set; unknown ids are refused', () => {
    expect(listFactorSets()).toContain(latestFactorSetId);
    expect(getFactorSet().id).toBe(latestFactorSetId);
    expect(() => getFactorSet('nope-1')).toThrow(/available: techcare-2026.1/);
  });
  it('every figure cites a known source with year and licence', () => {
    const fs = getFactorSet(latestFactorSetId);
    const ids = new Set(Object.keys(fs.sources));
    for (const s of Object.values(fs.sources)) {
      expect(s.year).toBeGreaterThan(2000);
      expect(s.licence).not.toBe('');
    }
    const walk = (x: unknown): void => {
      if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if ('value' in o && 'low' in o && 'high' in o) {
          expect(ids.has(String(o.source)), `unknown source ${String(o.source)}`).toBe(true);
          expect(o.low as number).toBeLessThanOrEqual(o.value as number);
          expect(o.value as number).toBeLessThanOrEqual(o.high as number);
        }
        Object.values(o).forEach(walk);
      }
    };
    walk(fs.devices);
    walk(fs.server);
    walk(fs.electricity);
    walk(fs.cloud.providers);
  });
  it('offers both French electricity references, as reference profiles', () => {
    const fs = getFactorSet(latestFactorSetId);
    expect(fs.defaults.profile).toBe('ademe-fr');
    expect(fs.electricity.zones.FRA?.factors.gwp).toMatchObject({ value: 0.052, source: 'ademe-base-empreinte-fr' });
    expect(fs.profiles?.['boavizta-eu']?.electricity.FRA?.gwp).toMatchObject({ value: 0.098, source: 'scarlat-2021' });
    const old = getFactorSet('techcare-2026.1');
    expect(old.electricity.zones.FRA?.factors.gwp?.value).toBe(0.098);
    expect(old.electricity.alternatives.FRA?.ademe?.gwp?.value).toBe(0.052);
    expect(fs.electricity.zones.DEU?.factors.gwp?.value).toBe(0.422);
    expect(defined(fs.electricity.zones.FRA, 'the FRA zone').factors.wu).toBeUndefined();
    expect(Object.keys(fs.electricity.zones.FRA?.factors ?? {}).sort()).toEqual([
      'adpe',
      'ap',
      'gwp',
      'ir',
      'pe',
      'pm',
    ]);
  });
  it('has the cloud tables', () => {
    const fs = getFactorSet(latestFactorSetId);
    expect(Object.keys(fs.cloud.instances).length).toBeGreaterThan(1500);
    expect(fs.cloud.regions['azure:francecentral']).toBe('FRA');
    for (const inst of Object.values(fs.cloud.instances))
      expect(
        fs.cloud.platforms[
          `${
            Object.keys(fs.cloud.instances)
              .find((k) => fs.cloud.instances[k] === inst)
              ?.split(':')[0]
          }:${inst.platform}`
        ],
      ).toBeDefined();
  });
});
