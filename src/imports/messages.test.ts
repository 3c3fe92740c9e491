import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defined } from '../../test/helpers/defined.js';
import {
  COLUMN_HINTS,
  formatInventoryError,
  groupInventoryErrors,
  inventoryErrorParts,
  READER_ERROR_CODES,
  READER_ERROR_TEXTS,
  readerError,
  readInventoryFile,
} from './index.js';

const fx = (f: string): string => join(process.cwd(), 'test/fixtures/inventories', f);

describe('reader messages', () => {
  it('French and English have exactly the same codes, and the same column hints', () => {
    expect(Object.keys(READER_ERROR_TEXTS.fr).sort()).toEqual(Object.keys(READER_ERROR_TEXTS.en).sort());
    expect(Object.keys(READER_ERROR_TEXTS.fr).sort()).toEqual([...READER_ERROR_CODES].sort());
    expect(Object.keys(COLUMN_HINTS.fr).sort()).toEqual(Object.keys(COLUMN_HINTS.en).sort());
  });
  it('every code has a problem and a fix in both languages', () => {
    for (const code of READER_ERROR_CODES) {
      const e = readerError(2, 'x', code, {
        value: 'v',
        column: 'quantity',
        target: 't',
        previous: 'p',
        count: 2,
        reason: 'r',
      });
      for (const lang of ['fr', 'en'] as const) {
        const [problem, fix] = inventoryErrorParts(e, lang);
        expect(problem.length, `${code} ${lang}`).toBeGreaterThan(3);
        expect(fix.length, `${code} ${lang}`).toBeGreaterThan(3);
      }
      expect(inventoryErrorParts(e, 'fr')).not.toEqual(inventoryErrorParts(e, 'en'));
    }
  });
  it('a messy file: codes and params on every error, the column as written, French with the fix', async () => {
    const r = await readInventoryFile(fx('errors.csv'));
    expect(r.errors.map((e) => e.code)).toEqual(['not-a-number', 'out-of-range', 'out-of-range', 'out-of-range']);
    const error = defined(r.errors[0], 'an error on line 2');
    expect(error.params).toEqual({ value: 'dix', column: 'quantity' });
    expect(formatInventoryError(error, 'fr')).toBe(
      'ligne 2, colonne quantity\u00a0: «\u00a0dix\u00a0» n’est pas un nombre\u00a0; écrivez un nombre d’unités, par exemple 12 (virgule ou point décimal)',
    );
    expect(formatInventoryError(error, 'en')).toBe(
      'line 2, column quantity: "dix" is not a number; expected a number of units, e.g. 12 (decimal point or comma)',
    );
  });
  it('engine errors in a summary go through the engine catalogue', () => {
    const e = {
      line: 3,
      column: 'category',
      message: 'x',
      code: 'unknown-category',
      params: { value: 'spaceship', choices: 'laptop' },
    };
    expect(formatInventoryError(e, 'fr')).toMatch(
      /^ligne 3, colonne category\u00a0: catégorie «\u00a0spaceship\u00a0» inconnue/,
    );
  });
  it('groups errors that say the same thing, lines sorted, in order of first appearance', () => {
    const unknown = (line: number) => ({
      line,
      column: 'Type',
      message: 'x',
      code: 'unknown-category',
      params: { value: 'Pare-feu', choices: 'laptop' },
    });
    const groups = groupInventoryErrors([
      unknown(9),
      readerError(4, 'q', 'not-a-number', { value: 'dix', column: 'quantity' }),
      unknown(3),
      readerError(5, 'q', 'not-a-number', { value: 'onze', column: 'quantity' }),
      unknown(7),
    ]);
    expect(groups.map((g) => [g.error.code, g.lines])).toEqual([
      ['unknown-category', [3, 7, 9]],
      ['not-a-number', [4]],
      ['not-a-number', [5]],
    ]);
    expect(
      groupInventoryErrors([
        { line: 2, column: 'c', message: 'old' },
        { line: 1, column: 'c', message: 'old' },
      ]).map((g) => g.lines),
    ).toEqual([[1, 2]]);
  });
  it('French hints name categories in French', () => {
    const [, fix] = inventoryErrorParts(readerError(2, 'catégorie', 'empty-category'), 'fr');
    expect(fix).toContain('« Ordinateur portable » (laptop)');
  });
});
