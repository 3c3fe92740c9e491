/**
 * The inventory as groups (category, model, purchase year) with their totals, under filters (category, source,
 * site, entity, purchase year), computed in the database so a 100,000-line year stays one query.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/client.js';
import type { Database } from '../../db/types.js';

export const INVENTORY_FILTERS = ['category', 'source', 'site', 'entity', 'purchase_year'] as const;
export type TInventoryFilters = Partial<Record<(typeof INVENTORY_FILTERS)[number], string>>;
/** Groups shown on the page; beyond, the filters narrow the list. */
export const MAX_GROUPS = 300;

/** A group's identity, as the bulk edit form sends it back: JSON of [category, model, purchase year]. */
export type TGroupKey = [string, string | null, number | null];
export const groupKeyText = (k: TGroupKey) => JSON.stringify(k);
export function parseGroupKey(raw: unknown): TGroupKey | null {
  if (typeof raw !== 'string' || raw.length > 500) return null;
  try {
    const k = JSON.parse(raw) as unknown;
    if (
      Array.isArray(k) &&
      k.length === 3 &&
      typeof k[0] === 'string' &&
      (k[1] === null || typeof k[1] === 'string') &&
      (k[2] === null || Number.isInteger(k[2]))
    )
      return k as TGroupKey;
  } catch {
    /* falls through */
  }
  return null;
}

/** The filters of the query string, each a non-empty text (the purchase year a number); unknown keys ignored. */
export function filtersFrom(query: Record<string, string | undefined>): TInventoryFilters {
  const out: TInventoryFilters = {};
  for (const f of INVENTORY_FILTERS) {
    const v = query[f]?.trim();
    if (v && v.length <= 200 && (f !== 'purchase_year' || /^\d{4}$/.test(v))) out[f] = v;
  }
  return out;
}

type TLinesQuery<O> = SelectQueryBuilder<Database, 'footprint_lines', O>;
/** Adds the filters to a query over one inventory's lines. */
export function applyFilters<O>(q: TLinesQuery<O>, f: TInventoryFilters): TLinesQuery<O> {
  if (f.category) q = q.where('category', '=', f.category);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.site) q = q.where('site', '=', f.site);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.purchase_year) q = q.where('purchase_year', '=', Number(f.purchase_year));
  return q;
}

/** Adds a group's condition (nulls matched as nulls). */
export function whereGroup<O>(q: TLinesQuery<O>, k: TGroupKey): TLinesQuery<O> {
  q = q.where('category', '=', k[0]);
  q = k[1] === null ? q.where('model', 'is', null) : q.where('model', '=', k[1]);
  return k[2] === null ? q.where('purchase_year', 'is', null) : q.where('purchase_year', '=', k[2]);
}

export interface TInventoryGroup {
  key: TGroupKey;
  lines: number;
  units: number;
}

/** The groups of an inventory under the filters, with their line and unit counts. */
export async function inventoryGroups(
  db: DB,
  inventoryId: number,
  filters: TInventoryFilters,
): Promise<{ groups: TInventoryGroup[]; truncated: boolean }> {
  const q = applyFilters(db.selectFrom('footprint_lines').where('inventory_id', '=', inventoryId), filters)
    .select((eb) => [
      'category',
      'model',
      'purchase_year',
      eb.fn.countAll().as('lines'),
      eb.fn.sum('quantity').as('units'),
    ])
    .groupBy(['category', 'model', 'purchase_year'])
    .orderBy('category')
    .orderBy('model')
    .orderBy('purchase_year')
    .limit(MAX_GROUPS + 1);
  const rows = await q.execute();
  const groups = rows.slice(0, MAX_GROUPS).map((r) => ({
    key: [
      r.category,
      r.model ?? null,
      r.purchase_year === null || r.purchase_year === undefined ? null : Number(r.purchase_year),
    ] as TGroupKey,
    lines: Number(r.lines),
    units: Number(r.units),
  }));
  return { groups, truncated: rows.length > MAX_GROUPS };
}

/** The values each filter can take in this inventory (distinct, sorted). */
export async function filterChoices(
  db: DB,
  inventoryId: number,
): Promise<Record<(typeof INVENTORY_FILTERS)[number], string[]>> {
  const distinct = async (col: 'category' | 'source' | 'site' | 'entity' | 'purchase_year') => {
    const rows = await db
      .selectFrom('footprint_lines')
      .select(col)
      .distinct()
      .where('inventory_id', '=', inventoryId)
      .where(col, 'is not', null)
      .orderBy(col)
      .limit(500)
      .execute();
    return rows.map((r) => String((r as Record<string, unknown>)[col]));
  };
  const [category, source, site, entity, purchase_year] = await Promise.all([
    distinct('category'),
    distinct('source'),
    distinct('site'),
    distinct('entity'),
    distinct('purchase_year'),
  ]);
  return { category, source, site, entity, purchase_year };
}
