/**
 * Provider mappings for cloud billing exports (which usage rows are compute, storage or transfer), shipped as
 * versioned data with their sources beside the factor sets. A published mapping never changes: a new one gets
 * a new id, and an import records the id it used.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZCloudBillingMapping, type TCloudBillingMapping } from '../lca/cloud-billing.js';

const root = join(dirname(fileURLToPath(import.meta.url)), 'cloud-billing');

/** The mapping new imports use. */
export const latestCloudBillingMappingId = 'cloud-billing-2027.1';

const cache = new Map<string, TCloudBillingMapping>();

/** Loads and validates a mapping by id (cached). @throws Error for an unknown id. */
export function getCloudBillingMapping(id: string = latestCloudBillingMappingId): TCloudBillingMapping {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!/^cloud-billing-[0-9.]+$/.test(id)) throw new Error(`unknown cloud billing mapping "${id}"`);
  const m = ZCloudBillingMapping.parse(JSON.parse(readFileSync(join(root, `${id}.json`), 'utf8')));
  cache.set(id, m);
  return m;
}
