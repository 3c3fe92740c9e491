import { describe, expect, it } from 'vitest';
import { fr } from '../i18n/fr.js';
import { en } from '../i18n/en.js';
import {
  allQuestionIds,
  gridKeys,
  IncompleteMaturityAnswers,
  maturityGrid,
  maturityLevelIds,
  scoreMaturity,
} from './maturity-grid.js';

const uniform = (level: number): Record<string, number> => Object.fromEntries(allQuestionIds.map((q) => [q, level]));

describe('maturity grid', () => {
  it('has 7 dimensions of 4 to 6 questions, each with five answers in both languages', () => {
    expect(maturityGrid).toHaveLength(7);
    for (const d of maturityGrid) {
      expect(d.questions.length).toBeGreaterThanOrEqual(4);
      expect(d.questions.length).toBeLessThanOrEqual(6);
      expect(fr).toHaveProperty([gridKeys.dimension(d.id)]);
      for (const q of d.questions) {
        expect(fr).toHaveProperty([gridKeys.question(q)]);
        for (const l of maturityLevelIds) {
          expect(fr).toHaveProperty([gridKeys.answer(q, l)]);
          expect(en).toHaveProperty([gridKeys.answer(q, l)]);
        }
      }
    }
  });

  it('gives the answered level when every answer is the same', () => {
    for (const l of maturityLevelIds) {
      const r = scoreMaturity(uniform(l));
      expect(r.level).toBe(l);
      expect(r.dimensions.every((d) => d.level === l)).toBe(true);
      expect(r.strengths).toEqual(l === 5 ? maturityGrid.map((d) => d.id) : []);
      expect(r.gaps).toEqual(l === 1 ? maturityGrid.map((d) => d.id) : []);
    }
  });

  it('floors a dimension at one level above its weakest answer', () => {
    // strategy answers 5,5,5,1: mean 4 but weakest 1 → level 2
    const a = uniform(3);
    Object.assign(a, { 'strategy.policy': 5, 'strategy.sponsor': 5, 'strategy.targets': 5, 'strategy.reporting': 1 });
    const r = scoreMaturity(a);
    const strategy = r.dimensions.find((d) => d.id === 'strategy')!;
    expect(strategy.score).toBe(4);
    expect(strategy.level).toBe(2);
    expect(strategy.weakest).toBe(1);
  });

  it('takes the floor of the mean and caps the overall level one above the weakest dimension', () => {
    const a = uniform(4);
    for (const q of maturityGrid.find((d) => d.id === 'endoflife')!.questions) a[q] = 1;
    const r = scoreMaturity(a);
    // mean of dimensions = (6 × 4 + 1) / 7 ≈ 3.57 → floor 3, but weakest dimension is 1 → capped at 2
    expect(r.score).toBeCloseTo(25 / 7, 10);
    expect(r.level).toBe(2);
    expect(r.gaps).toEqual(['endoflife']);
    expect(r.strengths).toEqual([]);
    expect(r.nextSteps).toHaveLength(4);
    expect(r.nextSteps[0]).toMatchObject({ dimension: 'endoflife', targetLevel: 2 });
  });

  it('lists strengths above the overall score and the next step of each gap', () => {
    const a = uniform(3);
    for (const q of maturityGrid.find((d) => d.id === 'awareness')!.questions) a[q] = 5;
    a['measurement.inventory'] = 1;
    a['measurement.footprint'] = 2;
    a['measurement.indicators'] = 2;
    a['measurement.data'] = 2;
    const r = scoreMaturity(a);
    expect(r.strengths).toEqual(['awareness']);
    expect(r.gaps).toEqual(['measurement']);
    expect(r.nextSteps).toEqual([{ dimension: 'measurement', question: 'measurement.inventory', targetLevel: 2 }]);
  });

  it('refuses incomplete or out-of-range answers, naming them', () => {
    const a = uniform(3);
    delete a['purchasing.lifespan'];
    a['endoflife.wipe'] = 6;
    expect(() => scoreMaturity(a)).toThrow(IncompleteMaturityAnswers);
    try {
      scoreMaturity(a);
    } catch (e) {
      expect((e as IncompleteMaturityAnswers).missing).toEqual(['purchasing.lifespan', 'endoflife.wipe']);
    }
  });
});
