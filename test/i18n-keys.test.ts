import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { fr } from '../src/i18n/fr.js';

// `t('…')` is type-checked against the catalogue, but keys also travel as plain strings: an AppError's message,
// a validation message in a form's details, a flash key in a redirect, a string cast to TMessageKey, a key built
// from a prefix. This reads the code for those and fails on any key that French or English lacks.
const root = join(import.meta.dirname, '..', 'src');
const sources: { file: string; text: string }[] = [];
(function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'i18n') walk(path);
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
      sources.push({ file: relative(root, path), text: readFileSync(path, 'utf8') });
  }
})(root);

const KEY = String.raw`[a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_-]+)+`;
/** Where a literal string is meant as a catalogue key. */
const keyPatterns: RegExp[] = [
  new RegExp(String.raw`new AppError\(\s*\d{3}\s*,\s*'[^']*'\s*,\s*'(${KEY})'`, 'g'), // AppError(status, code, 'key', …)
  new RegExp(String.raw`\bmessage:\s*'(${KEY})'`, 'g'), // { field, message: 'key' } and zod { message: 'key' }
  new RegExp(String.raw`'(${KEY})' as TMessageKey`, 'g'),
  new RegExp(String.raw`[?&]flash=(${KEY})\b`, 'g'),
  new RegExp(String.raw`redirectWithFlash\([^;]*?,\s*'(${KEY})'\s*\)`, 'g'),
];
/** Keys built at run time from a prefix (`actions.status.${s}`): some key must start with the prefix. */
const prefixPattern = new RegExp(String.raw`\`(${KEY}\.)\$\{[^}]+\}\`(?:\s*as TMessageKey)?`, 'g');

function found(pattern: RegExp): { file: string; key: string }[] {
  return sources.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((m) => ({ file, key: m[1]! })));
}

describe('message keys used in code', () => {
  const catalogues = { fr: fr as Record<string, string>, en: en as Record<string, string> };

  it('finds the keys it checks (the patterns still match the code)', () => {
    expect(keyPatterns.flatMap(found).length).toBeGreaterThan(50);
    expect(found(prefixPattern).length).toBeGreaterThan(10);
  });

  for (const [lang, catalogue] of Object.entries(catalogues)) {
    it(`exist in the ${lang} catalogue`, () => {
      const missing = keyPatterns
        .flatMap(found)
        .filter(({ key }) => !(key in catalogue))
        .map(({ file, key }) => `${file}: ${key}`);
      expect([...new Set(missing)]).toEqual([]);
    });
    it(`have their prefixes in the ${lang} catalogue when built at run time`, () => {
      const keys = Object.keys(catalogue);
      const missing = found(prefixPattern)
        .filter(({ key }) => !keys.some((k) => k.startsWith(key)))
        .map(({ file, key }) => `${file}: ${key}…`);
      expect([...new Set(missing)]).toEqual([]);
    });
  }
});
