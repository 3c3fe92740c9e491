/** Every property name in `value` (at any depth) that is not snake_case, with its JSON path: what API tests look for. */
export function camelCaseKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => camelCaseKeys(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(/[a-z0-9][A-Z]/.test(key) ? [`${path}.${key}`] : []),
    ...camelCaseKeys(inner, `${path}.${key}`),
  ]);
}
