import { describe, expect, it } from 'vitest';
import { snakeCase, toSnakeCaseKeys } from './snake-case.js';

describe('snakeCase', () => {
  it('splits camelCase words and keeps capital codes, digits and snake_case', () => {
    expect(snakeCase('factorSet')).toBe('factor_set');
    expect(snakeCase('gwpLow')).toBe('gwp_low');
    expect(snakeCase('byCategoryPhase')).toBe('by_category_phase');
    expect(snakeCase('useKwh')).toBe('use_kwh');
    expect(snakeCase('p05')).toBe('p05');
    expect(snakeCase('BLD')).toBe('BLD');
    expect(snakeCase('already_snake')).toBe('already_snake');
    expect(snakeCase('line2Name')).toBe('line2_name');
    expect(snakeCase('requestID')).toBe('request_id');
  });
});

describe('toSnakeCaseKeys', () => {
  it('converts keys at every depth, through arrays, and leaves values alone', () => {
    const out = toSnakeCaseKeys({
      dataQuality: { defaultShare: 0.2, gaps: [{ unitCount: 3, message: 'keepThisValue' }] },
      byPhase: { BLD: { gwp: { value: 1 } } },
      none: null,
    });
    expect(out).toEqual({
      data_quality: { default_share: 0.2, gaps: [{ unit_count: 3, message: 'keepThisValue' }] },
      by_phase: { BLD: { gwp: { value: 1 } } },
      none: null,
    });
  });

  it('keeps the keys of data-keyed maps but converts the objects they hold', () => {
    const out = toSnakeCaseKeys(
      { byCategory: { someCategory: { lowValue: 1 } }, other: { someCategory: 1 } },
      { dataKeyed: ['by_category'] },
    );
    expect(out).toEqual({ by_category: { someCategory: { low_value: 1 } }, other: { some_category: 1 } });
  });

  it('drops undefined members (as JSON would), keeps arrays of scalars and does not change its input', () => {
    const input = { aB: undefined, list: [1, 'x', null], nested: { cD: [{ eF: true }] } };
    const out = toSnakeCaseKeys(input);
    expect(out).toEqual({ list: [1, 'x', null], nested: { c_d: [{ e_f: true }] } });
    expect(Object.keys(input.nested)).toEqual(['cD']);
    expect(toSnakeCaseKeys([{ aB: 1 }])).toEqual([{ a_b: 1 }]);
    expect(toSnakeCaseKeys('camelValue')).toBe('camelValue');
  });
});
