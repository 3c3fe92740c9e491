import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defined } from '../../test/helpers/defined.js';
import {
  parseRgesnReferential,
  rgesnScore,
  RgesnForbiddenNotApplicable,
  type TRgesnScoredCriterion,
  type TRgesnStatus,
} from './rgesn.js';

const officialPath = join(
  process.cwd(),
  'test',
  'fixtures',
  'reference',
  'rgesn-2024',
  'referentiel-ecoconception.json',
);
const officialJson = () => JSON.parse(readFileSync(officialPath, 'utf8')) as Record<string, string>[];

const c = (
  number: string,
  priority: TRgesnScoredCriterion['priority'],
  applicableToAll = false,
): TRgesnScoredCriterion => ({ number, priority, applicableToAll });

describe('RGESN progress score', () => {
  const criteria = [c('1.1', 'priority', true), c('1.2', 'recommended'), c('1.3', 'moderate'), c('1.4', 'priority')];

  it('weights validated criteria 1.5 / 1.25 / 1 over the applicable ones', () => {
    // validated: 1.1 (1.5) and 1.3 (1); applicable: all four = 1.5 + 1.25 + 1 + 1.5 = 5.25
    const r = rgesnScore(criteria, {
      '1.1': 'validated',
      '1.2': 'in_progress',
      '1.3': 'validated',
      '1.4': 'not_validated',
    });
    expect(r.validatedWeight).toBe(2.5);
    expect(r.applicableWeight).toBe(5.25);
    expect(r.score).toBeCloseTo((100 * 2.5) / 5.25, 10);
  });

  it('takes not applicable criteria out of the denominator; only validated earns points', () => {
    const r = rgesnScore(criteria, {
      '1.1': 'validated',
      '1.2': 'not_applicable',
      '1.3': 'to_assess',
      '1.4': 'in_progress',
    });
    expect(r.applicableWeight).toBe(1.5 + 1 + 1.5);
    expect(r.score).toBeCloseTo((100 * 1.5) / 4, 10);
    expect(r.counts).toEqual({ validated: 1, in_progress: 1, not_validated: 0, not_applicable: 1, to_assess: 1 });
  });

  it('counts unanswered criteria as to assess', () => {
    const r = rgesnScore(criteria, {});
    expect(r.score).toBe(0);
    expect(r.counts.to_assess).toBe(4);
  });

  it('scores 100 when everything applicable is validated, with all N/A except one', () => {
    const r = rgesnScore(criteria, {
      '1.1': 'validated',
      '1.2': 'not_applicable',
      '1.3': 'not_applicable',
      '1.4': 'not_applicable',
    });
    expect(r.score).toBe(100);
    expect(r.applicable).toBe(1);
    const r2 = rgesnScore(criteria, {
      '1.1': 'in_progress',
      '1.2': 'not_applicable',
      '1.3': 'not_applicable',
      '1.4': 'not_applicable',
    });
    expect(r2.score).toBe(0);
  });

  it('has no score when nothing is applicable', () => {
    expect(rgesnScore([c('2.1', 'moderate')], { '2.1': 'not_applicable' }).score).toBeNull();
  });

  it('rejects not applicable on a criterion applicable to every service', () => {
    expect(() => rgesnScore(criteria, { '1.1': 'not_applicable' })).toThrow(RgesnForbiddenNotApplicable);
    try {
      rgesnScore(criteria, { '1.1': 'not_applicable' });
    } catch (e) {
      expect((e as RgesnForbiddenNotApplicable).numbers).toEqual(['1.1']);
    }
  });

  it('gives the official figure on the whole 2024 referential', () => {
    const parsed = parseRgesnReferential(officialJson());
    if (!parsed.ok) throw new Error('parse failed');
    const all = parsed.referential.criteria;
    const statuses: Record<string, TRgesnStatus> = {};
    for (const x of all) statuses[x.number] = x.priority === 'priority' ? 'validated' : 'not_validated';
    const r = rgesnScore(all, statuses);
    // 30 Prioritaire, 29 Recommandé, 19 Modéré in the 2024 file
    expect(r.score).toBeCloseTo((100 * 30 * 1.5) / (30 * 1.5 + 29 * 1.25 + 19), 10);
  });
});

describe('official referential import', () => {
  it('reads the 2024 file: 78 criteria, 9 families with their counts, priorities', () => {
    const parsed = parseRgesnReferential(officialJson());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { criteria, families } = parsed.referential;
    expect(criteria).toHaveLength(78);
    expect(families.map((f) => f.count)).toEqual([10, 10, 7, 15, 8, 7, 4, 10, 7]);
    expect(families.map((f) => f.name)).toEqual([
      'Stratégie',
      'Spécifications',
      'Architecture',
      'UX/UI',
      'Contenus',
      'Frontend',
      'Backend',
      'Hébergement',
      'Algorithmie',
    ]);
    const byPriority = { priority: 0, recommended: 0, moderate: 0 };
    for (const x of criteria) byPriority[x.priority]++;
    expect(byPriority).toEqual({ priority: 30, recommended: 29, moderate: 19 });
    expect(criteria.filter((x) => x.applicableToAll)).toHaveLength(18);
    expect(criteria.find((x) => x.number === '4.10')).toMatchObject({
      family: 4,
      priority: 'moderate',
      difficulty: 'low',
    });
    // natural order: 1.10 after 1.9
    expect(criteria.slice(8, 11).map((x) => x.number)).toEqual(['1.9', '1.10', '2.1']);
  });

  it('rejects a file that is not a list, with a code', () => {
    expect(parseRgesnReferential({ criteres: [] })).toEqual({
      ok: false,
      errors: [{ index: null, numero: null, field: null, code: 'not_array' }],
    });
    expect(parseRgesnReferential([])).toMatchObject({ ok: false, errors: [{ code: 'empty' }] });
  });

  it('names the criterion and field of every error, and accepts nothing of a faulty file', () => {
    const json = officialJson();
    defined(json[3], 'criterion 4').priorite = 'Urgent';
    delete (json[10] as Record<string, unknown>).controle;
    defined(json[20], 'criterion 21').numero = defined(json[19]?.numero, 'the number of criterion 20');
    const r = parseRgesnReferential(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ index: 3, numero: '1.4', field: 'priorite', code: 'invalid_field' });
    expect(r.errors).toContainEqual({ index: 10, numero: '2.1', field: 'controle', code: 'invalid_field' });
    expect(r.errors.some((e) => e.index === 20 && e.code === 'duplicate_number')).toBe(true);
  });

  it('rejects a family name that changes within a family', () => {
    const json = officialJson();
    json[1]!.thematique = 'Autre';
    const r = parseRgesnReferential(json);
    expect(r).toMatchObject({
      ok: false,
      errors: [{ index: 1, numero: '1.2', field: 'thematique', code: 'family_mismatch' }],
    });
  });
});
