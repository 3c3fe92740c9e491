import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';
import { isIcuMessage, translator } from './index.js';

describe('plural messages', () => {
  const tFr = translator('fr');
  const tEn = translator('en');

  it('follow French rules: 0 and 1 are singular', () => {
    expect(tFr('workshops.list.seatsLeft', { n: 0 })).toBe('0 place restante');
    expect(tFr('workshops.list.seatsLeft', { n: 1 })).toBe('1 place restante');
    expect(tFr('workshops.list.seatsLeft', { n: 2 })).toBe('2 places restantes');
    expect(tFr('footprint.result.othersCount', { n: 1 })).toBe('1 autre');
    expect(tFr('workshops.page.seatsValue', { confirmed: 1, capacity: 12, waiting: 0 })).toBe(
      '1 inscrit sur 12 places, 0 en liste d’attente',
    );
    expect(tFr('directory.count', { count: 25 })).toBe('25 organisations trouvées.');
  });

  it('follow English rules: only 1 is singular', () => {
    expect(tEn('workshops.list.seatsLeft', { n: 0 })).toBe('0 seats left');
    expect(tEn('workshops.list.seatsLeft', { n: 1 })).toBe('1 seat left');
    expect(tEn('directory.count', { count: 1 })).toBe('1 organisation found.');
  });

  it('format the count for the locale', () => {
    expect(tFr('admin.total', { count: 1500 }).replace(/\s/g, ' ')).toBe('1 500 éléments');
    expect(tEn('admin.total', { count: 1500 })).toBe('1,500 items');
  });

  it('leave ordinary messages to plain placeholders (apostrophes and quotes untouched)', () => {
    expect(tFr('maturity.form.step', { n: 2, total: 5 })).toBe('Dimension 2 sur 5');
  });

  it('are written with a count in both languages, parse, and no message falls back on "(s)"', () => {
    const problems: string[] = [];
    for (const [lang, catalogue] of [
      ['fr', fr],
      ['en', en],
    ] as const) {
      for (const [key, text] of Object.entries(catalogue) as [string, string][]) {
        if (/\w\(s\)/.test(text)) problems.push(`${lang} ${key}: "(s)"`);
        if (!isIcuMessage(text)) continue;
        try {
          new IntlMessageFormat(text, lang);
        } catch (e) {
          problems.push(`${lang} ${key}: ${(e as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
