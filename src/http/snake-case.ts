/**
 * The one deep key converter of the API: engine and report objects are camelCase (TypeScript's convention), the
 * JSON of `/api/v1` is snake_case (the inventory columns already are). Presenters call it; nothing else should,
 * so the CLI's `--format json` keeps its documented camelCase contract.
 */

/**
 * `factorSet` → `factor_set`, `gwpLow` → `gwp_low`, `p05` → `p05`. Only a capital that follows a lower-case letter
 * or a digit starts a new word, so codes written in capitals (`BLD`, `FR`) and keys already in snake_case stay
 * as they are.
 */
export function snakeCase(key: string): string {
  return key.replace(
    /([a-z0-9])([A-Z]+)/g,
    (_, before: string, capitals: string) => `${before}_${capitals.toLowerCase()}`,
  );
}

export interface TSnakeCaseOptions {
  /**
   * Properties (named in snake_case) whose value is a map keyed by data (category codes, country codes…), not by
   * property names: their own keys are kept, their values are still converted.
   */
  dataKeyed?: readonly string[];
}

/** A copy of `value` with every property name in snake_case; arrays, nulls and scalars are kept as they are. */
export function toSnakeCaseKeys(value: unknown, options: TSnakeCaseOptions = {}): unknown {
  const dataKeyed = new Set(options.dataKeyed ?? []);
  const walk = (v: unknown, keepKeys: boolean): unknown => {
    if (Array.isArray(v)) return v.map((item) => walk(item, false));
    if (v === null || typeof v !== 'object' || v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) {
      if (inner === undefined) continue;
      const name = keepKeys ? key : snakeCase(key);
      out[name] = walk(inner, !keepKeys && dataKeyed.has(name));
    }
    return out;
  };
  return walk(value, false);
}
