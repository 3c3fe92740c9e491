import { describe, expect, it } from 'vitest';
import { features } from './app.js';
import { gatherContributions, type TFeature } from './feature.js';

describe('contributions between features', () => {
  it('the app gathers the related resources (knowledge) and the workshops for a level (workshops)', () => {
    const c = gatherContributions(features);
    expect(typeof c.relatedResources).toBe('function');
    expect(typeof c.workshopsForLevel).toBe('function');
    expect(features.find((f) => f.contributes?.relatedResources)?.name).toBe('knowledge');
    expect(features.find((f) => f.contributes?.workshopsForLevel)?.name).toBe('workshops');
  });
  it('refuses two features contributing the same point', () => {
    const a: TFeature = { name: 'a', contributes: { workshopsForLevel: async () => [] } };
    const b: TFeature = { name: 'b', contributes: { workshopsForLevel: async () => [] } };
    expect(() => gatherContributions([a, b])).toThrow(
      /Two features contribute "workshopsForLevel" \(the second is b\)/,
    );
  });
});
