/**
 * Demo inventories for a few demo organisations (is_demo=1): three years of a plausible SME parc, where the later
 * years keep devices longer, buy fewer of them and move a server to the cloud, so comparisons have something to
 * explain. Idempotent: an organisation that already has an inventory is left alone.
 */
import type { DB } from '../../db/client.js';
import type { TInventoryLine } from '../../lca/index.js';
import { createImportRow, runImport } from './import-inventory.js';

/** The demo parc of year offset `k` (0 = two years ago), scaled by `size`. */
export function demoInventory(year: number, k: number, size: number): TInventoryLine[] {
  const n = (x: number) => Math.max(1, Math.round(x * size));
  const life = (base: number) => base + k * 0.5;
  const lines: TInventoryLine[] = [
    {
      category: 'laptop',
      quantity: n(80 - k * 4),
      lifespan_years: life(4),
      purchase_year: year - 1,
      entity: 'Siège',
      site: 'Lyon',
      label: 'Portables 14"',
    },
    {
      category: 'laptop',
      quantity: n(25),
      lifespan_years: life(4),
      purchase_year: year - 2,
      entity: 'Agence Nantes',
      site: 'Nantes',
      label: 'Portables 15"',
    },
    {
      category: 'desktop',
      quantity: n(12 - k * 3),
      lifespan_years: 6,
      purchase_year: year - 3,
      entity: 'Siège',
      site: 'Lyon',
    },
    {
      category: 'monitor',
      quantity: n(110),
      lifespan_years: life(7),
      purchase_year: year - 3,
      entity: 'Siège',
      site: 'Lyon',
    },
    {
      category: 'monitor',
      quantity: n(30),
      lifespan_years: life(7),
      purchase_year: year - 2,
      entity: 'Agence Nantes',
      site: 'Nantes',
    },
    {
      category: 'smartphone',
      quantity: n(60 - k * 5),
      lifespan_years: life(3),
      purchase_year: year - 1,
      entity: 'Siège',
    },
    { category: 'tablet', quantity: n(8), entity: 'Agence Nantes' },
    { category: 'printer', quantity: n(6 - k), entity: 'Siège', site: 'Lyon' },
    { category: 'network_switch', quantity: n(6), entity: 'IT', site: 'Lyon' },
    { category: 'wifi_access_point', quantity: n(10), entity: 'IT', site: 'Lyon' },
    {
      category: 'server',
      quantity: Math.max(1, n(4) - k),
      lifespan_years: 6,
      purchase_year: year - 3,
      pue: 1.8,
      entity: 'IT',
      site: 'Lyon',
      label: 'Salle serveurs',
    },
    {
      category: 'cloud_instance',
      quantity: n(2) + k * 2,
      provider: 'aws',
      instance_type: 'm5.large',
      region: 'eu-west-3',
      hours: 8760,
      entity: 'IT',
      label: 'Production',
    },
    {
      category: 'data_transfer',
      gigabytes: Math.round(12000 * size * (1 + k * 0.15)),
      entity: 'IT',
      label: 'Site web et API',
    },
  ];
  return lines;
}

export async function seedDemoFootprints(db: DB): Promise<void> {
  const orgs = await db
    .selectFrom('organisations')
    .select('id')
    .where('is_demo', '=', 1)
    .where('kind', '!=', 'partner')
    .orderBy('id')
    .limit(4)
    .execute();
  const now = new Date().getUTCFullYear();
  for (const [i, org] of orgs.entries()) {
    const id = Number(org.id);
    const has = await db
      .selectFrom('footprint_inventories')
      .select('id')
      .where('organisation_id', '=', id)
      .executeTakeFirst();
    if (has) continue;
    const size = [1, 0.4, 2.5, 0.15][i] ?? 1;
    const years = i % 2 === 0 ? [now - 3, now - 2, now - 1] : [now - 2, now - 1];
    for (const [k, year] of years.entries()) {
      const target = { orgId: id, year, userId: null, source: 'demo' };
      const importId = await createImportRow(db, target, 'demo', null);
      const outcome = await runImport(db, importId, target, { kind: 'lines', lines: demoInventory(year, k, size) });
      if (!outcome.ok)
        throw new Error(`demo footprint of organisation ${id}, ${year}: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    }
  }
}
