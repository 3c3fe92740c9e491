import { describe, expect, it } from 'vitest';
import { buildDeclaration, type TDeclarationAnswer } from './rgesn-declaration.js';
import { RgesnForbiddenNotApplicable, type TRgesnScoredCriterion } from './rgesn.js';

const criteria: TRgesnScoredCriterion[] = [
  { number: '1.10', priority: 'priority', applicableToAll: false },
  { number: '1.2', priority: 'recommended', applicableToAll: true },
  { number: '2.1', priority: 'moderate', applicableToAll: false },
  { number: '2.2', priority: 'priority', applicableToAll: false },
  { number: '3.1', priority: 'moderate', applicableToAll: false },
];
const a = (
  status: TDeclarationAnswer['status'],
  owner: string | null = null,
  due: string | null = null,
): TDeclarationAnswer => ({ status, justification: '', actionOwner: owner, actionDue: due });

describe('eco-design declaration content', () => {
  it('sorts criteria into validated, not validated and not applicable, with the plan soonest first', () => {
    const d = buildDeclaration({
      criteria,
      answers: new Map([
        ['1.10', a('validated')],
        ['2.1', a('not_applicable')],
        ['2.2', a('in_progress', 'Ops', '2030-05-01')],
        ['3.1', a('not_validated', 'Dev', '2029-01-15')],
        ['1.2', a('to_assess', 'Lead')],
      ]),
      previousScore: 10,
      targetScore: 80,
      targetDate: '2030-12-31',
    });
    expect(d.validated).toEqual(['1.10']);
    expect(d.notApplicable).toEqual(['2.1']);
    expect(d.notValidated).toEqual([
      { number: '1.2', status: 'to_assess' },
      { number: '2.2', status: 'in_progress' },
      { number: '3.1', status: 'not_validated' },
    ]);
    expect(d.plan.map((p) => p.number)).toEqual(['3.1', '2.2', '1.2']);
    // validated 1.5 over applicable 1.5 + 1.25 + 1.5 + 1
    expect(d.score.score).toBeCloseTo((100 * 1.5) / 5.25, 10);
    expect([d.previousScore, d.targetScore, d.targetDate]).toEqual([10, 80, '2030-12-31']);
  });

  it('refuses a declaration with a forbidden not applicable', () => {
    expect(() =>
      buildDeclaration({
        criteria,
        answers: new Map([['1.2', a('not_applicable')]]),
        previousScore: null,
        targetScore: null,
        targetDate: null,
      }),
    ).toThrow(RgesnForbiddenNotApplicable);
  });
});
