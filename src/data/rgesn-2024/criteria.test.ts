import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRgesnReferential } from '../../referentials/rgesn.js';
import { shippedRgesnCriteria } from './index.js';

const officialPath = join(
  process.cwd(),
  'test',
  'fixtures',
  'reference',
  'rgesn-2024',
  'referentiel-ecoconception.json',
);
const official = JSON.parse(readFileSync(officialPath, 'utf8')) as unknown;

describe('shipped RGESN 2024 criteria', () => {
  const shipped = shippedRgesnCriteria();
  const parsed = parseRgesnReferential(official);
  if (!parsed.ok) throw new Error('official file did not parse');
  const officialByNumber = new Map(parsed.referential.criteria.map((c) => [c.number, c]));

  it('has the same 78 criteria as the official file, with the same family, priority, difficulty and applicability', () => {
    expect(shipped.criteria).toHaveLength(parsed.referential.criteria.length);
    for (const c of shipped.criteria) {
      const o = officialByNumber.get(c.number);
      expect(o, c.number).toBeDefined();
      expect({
        n: c.number,
        family: c.family,
        priority: c.priority,
        difficulty: c.difficulty,
        all: c.applicableToAll,
      }).toEqual({
        n: o!.number,
        family: o!.family,
        priority: o!.priority,
        difficulty: o!.difficulty,
        all: o!.applicableToAll,
      });
    }
  });

  it('names the same families in the same order', () => {
    expect(shipped.families.map((f) => f.number)).toEqual(parsed.referential.families.map((f) => f.number));
    expect(shipped.families.map((f) => f.name.fr)).toEqual(parsed.referential.families.map((f) => f.name));
  });

  it('uses its own wording (never the official sentence) and links to the official criterion', () => {
    for (const c of shipped.criteria) {
      const o = officialByNumber.get(c.number)!;
      expect(c.text.fr).not.toEqual(o.question);
      expect(c.text.fr.length).toBeLessThan(o.question.length + 40);
      expect(c.url).toBe(
        `https://ecoresponsable.numerique.gouv.fr/publications/referentiel-general-ecoconception/critere/${c.number}/`,
      );
    }
  });
});
