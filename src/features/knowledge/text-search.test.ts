import { describe, expect, it } from 'vitest';
import {
  foldText,
  ftsMatchExpression,
  normaliseForIndex,
  queryWords,
  stemEnglish,
  stemFrench,
  stemmedForIndex,
} from './text-search.js';

describe('text normalisation and light stemmers', () => {
  it('folds accents, ligatures and case', () => {
    expect(foldText('Éco-CONCEPTION œuvre')).toBe('eco-conception oeuvre');
  });

  it('indexes hyphenated compounds joined and split, and drops stop words', () => {
    expect(normaliseForIndex("Guide de l'éco-conception")).toBe('guide ecoconception eco conception');
    expect(queryWords('éco-conception des serveurs')).toEqual(['ecoconception', 'serveurs']);
  });

  it('stems French singular and plural alike', () => {
    expect(stemFrench('serveurs')).toBe(stemFrench('serveur'));
    expect(stemFrench('bureaux')).toBe(stemFrench('bureau'));
    expect(stemFrench('centraux')).toBe(stemFrench('central'));
    expect(stemFrench('optimisation')).toBe(stemFrench('optimisations'));
    expect(stemFrench('numériques'.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))).toBe(stemFrench('numerique'));
    expect(stemFrench('serveur')).not.toBe(stemFrench('service'));
  });

  it('stems English plural and common suffixes', () => {
    expect(stemEnglish('servers')).toBe(stemEnglish('server'));
    expect(stemEnglish('policies')).toBe(stemEnglish('policy'));
    expect(stemEnglish('boxes')).toBe(stemEnglish('box'));
    expect(stemEnglish('measuring')).toBe(stemEnglish('measure'));
    expect(stemEnglish('status')).toBe('status');
  });

  it('builds an FTS5 expression that cannot carry user syntax', () => {
    const expr = ftsMatchExpression('serveurs" OR * NEAR(x) -y')!;
    expect(expr).not.toMatch(/NEAR\(|\*|-y/);
    expect(expr.split(' AND ').length).toBe(queryWords('serveurs" OR * NEAR(x) -y').length);
    expect(ftsMatchExpression('de la')).toBeNull();
    expect(stemmedForIndex('Les serveurs', 'fr')).toBe(stemFrench('serveur'));
  });
});
