import { describe, expect, it } from 'vitest';
import { latestFactorSetId } from '../../data/index.js';
import { categoryChoicesText, resolveCategory } from './categories.js';
import { statsByCode } from './compare.js';

describe('category names → codes', () => {
  it('reads codes, the platform’s French and English labels and the factor set’s aliases', () => {
    const cases: [string, string | undefined][] = [
      ['laptop', 'laptop'],
      ['LAPTOP', 'laptop'],
      ['Ordinateur portable', 'laptop'],
      ['Laptop', 'laptop'],
      ['Commutateur réseau', 'network_switch'],
      ['Network switch', 'network_switch'],
      ['Borne Wi-Fi', 'wifi_access_point'],
      ['Wi-Fi access point', 'wifi_access_point'],
      ['Box internet, routeur', 'box'],
      ['Ordinateur fixe (particulier)', 'desktop_consumer'],
      ['écran', 'monitor'],
      ['Instance cloud', 'cloud_instance'],
      ['Imprimante multifonction', undefined],
      ['', undefined],
    ];
    for (const [raw, code] of cases) expect(resolveCategory(latestFactorSetId, raw), raw).toBe(code);
    expect(resolveCategory('no-such-set', 'laptop')).toBeUndefined();
  });
  it('hints list every code with its name in the language asked', () => {
    const fr = categoryChoicesText(latestFactorSetId, 'fr');
    expect(fr).toMatch(/^laptop «\u00a0Ordinateur portable\u00a0», desktop «\u00a0Ordinateur fixe\u00a0»/);
    expect(fr).toContain('data_transfer «\u00a0Transfert de données\u00a0»');
    expect(categoryChoicesText(latestFactorSetId, 'en')).toContain('monitor "Monitor"');
  });
  it('the year comparison counts older results stored under labels with their code', () => {
    const stats = {
      laptop: { units: 600, unitYears: 2400, unitsWithLifespan: 600 },
      ordinateur_portable: { units: 10, unitYears: 40, unitsWithLifespan: 0 },
      spaceship: { units: 1, unitYears: 1, unitsWithLifespan: 1 },
    };
    expect(statsByCode(stats, latestFactorSetId)).toEqual({
      laptop: { units: 610, unitYears: 2440, unitsWithLifespan: 600 },
      spaceship: { units: 1, unitYears: 1, unitsWithLifespan: 1 },
    });
  });
});
