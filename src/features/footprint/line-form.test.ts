import { describe, expect, it } from 'vitest';
import { lineFromForm } from './line-form.js';
import { ZTargetForm } from './settings.js';

describe('forms read French input', () => {
  it('the target form reads a decimal comma, and says the range rather than « required » for a bad number', () => {
    expect(ZTargetForm.parse({ base_year: '2024', target_year: '2030', reduction_pct: '7,5' }).reduction_pct).toBe(7.5);
    expect(ZTargetForm.parse({ base_year: '2024', target_year: '2030', reduction_pct: ' 4.2 ' }).reduction_pct).toBe(
      4.2,
    );
    const bad = ZTargetForm.safeParse({ base_year: '2024', target_year: '2030', reduction_pct: 'sept' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('footprint.target.reductionInvalid');
    expect(
      ZTargetForm.safeParse({ base_year: '2024', target_year: '2030', reduction_pct: '60' }).error!.issues[0]!.message,
    ).toBe('footprint.target.reductionInvalid');
  });
  it('the line form gives a year out of range its own message, and keeps a model from the file when editing', () => {
    expect(lineFromForm({ category: 'laptop', purchase_year: '1890' }, null).errors).toEqual({
      purchase_year: 'footprint.line.yearRange',
    });
    expect(lineFromForm({ category: 'laptop', purchase_year: 'bientôt' }, null).errors).toEqual({
      purchase_year: 'form.invalidNumber',
    });
    expect(lineFromForm({ category: 'laptop', purchase_year: '2021', lifespan_years: '4,5' }, null).line).toMatchObject(
      { purchase_year: 2021, lifespan_years: 4.5 },
    );
    const edited = lineFromForm({ category: 'laptop', quantity: '3' }, {
      category: 'laptop',
      quantity: 1,
      model: 'Latitude 5440',
    } as never);
    expect(edited.line).toMatchObject({ category: 'laptop', quantity: 3, model: 'Latitude 5440' });
  });
});
