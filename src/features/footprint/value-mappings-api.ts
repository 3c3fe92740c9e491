/** The `mapping` field of an import through the API: a JSON object (or a JSON string in a multipart body), checked. */
import { latestFactorSetId } from '../../data/index.js';
import type { DB } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { findInventory } from './repository.js';
import { ZValueMapping, mappingProblems, type TValueMapping } from './value-mappings.js';

/** The factor set a year's import is checked against: the year's own, else the newest. */
export async function findInventoryFactorSet(db: DB, orgId: number, year: number): Promise<string> {
  return (await findInventory(db, orgId, year))?.factor_set ?? latestFactorSetId;
}

/** Parses and checks a mapping; undefined when none was given; 422 naming the entry otherwise. */
export function mappingFromApi(raw: unknown, factorSetId: string): TValueMapping | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new AppError(
        422,
        'invalid_mapping',
        'mapping is not valid JSON',
        [{ path: 'mapping', message: 'give a JSON object such as {"category": {"Pare-feu": "network_switch"}}' }],
        { key: 'footprint.mapping.invalid' },
      );
    }
  }
  const parsed = ZValueMapping.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      422,
      'invalid_mapping',
      'mapping has an invalid shape',
      parsed.error.issues.map((i) => ({ path: ['mapping', ...i.path].join('.'), message: i.message })),
      { key: 'footprint.mapping.invalid' },
    );
  }
  const problems = mappingProblems(parsed.data, factorSetId);
  if (problems.length) {
    throw new AppError(
      422,
      'invalid_mapping',
      'mapping names unknown targets',
      problems.map((p) => ({
        path: `mapping.${p.column}.${p.value}`,
        message: `"${p.target}" is not a known ${p.column}; use a category code such as network_switch, or an ISO country code`,
      })),
      { key: 'footprint.mapping.invalid' },
    );
  }
  return parsed.data;
}
