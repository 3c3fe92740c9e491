/**
 * Storage of inventories, lines and results. Only this feature's services call it; other features use index.ts.
 */
import { getFactorSet } from '../../data/index.js';
import { nowIso, type DB, type Tx } from '../../db/client.js';
import type { TFootprintResult, TInventoryLine } from '../../lca/index.js';
import { FootprintComputation, engineOptions, type TFootprintExtra } from './compute.js';
import { settingsKey, type TFootprintSettings } from './settings.js';

/** Rows per INSERT: far below the bound-parameter limits of SQLite (32766) and PostgreSQL (65535) at 8 columns. */
export const INSERT_BATCH = 2000;

export type TLineRow = {
  line_no: number;
  category: string;
  quantity: number;
  entity: string | null;
  site: string | null;
  label: string | null;
  source: string | null;
  model: string | null;
  purchase_year: number | null;
  data_json: string;
};

/**
 * The stored form of an engine line; entity, site, label, model and purchase year are kept as columns for lists,
 * groups and breakdowns; `source` names where the line came from (a GLPI list), null when none was named.
 */
export function lineToRow(line: TInventoryLine, lineNo: number, source: string | null = null): TLineRow {
  const model = (line as { model?: unknown }).model;
  return {
    line_no: lineNo,
    category: line.category,
    quantity: line.quantity ?? 1,
    entity: line.entity?.trim() || null,
    site: line.site?.trim() || null,
    label: line.label?.trim() || null,
    source,
    model: typeof model === 'string' && model.trim() !== '' ? model.trim().slice(0, 200) : null,
    purchase_year: line.purchase_year ?? null,
    data_json: JSON.stringify(line),
  };
}

export async function findInventory(db: DB | Tx, orgId: number, year: number) {
  return db
    .selectFrom('footprint_inventories')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The inventory of a year, created empty when missing (inside the caller's transaction). */
export async function ensureInventory(tx: Tx, orgId: number, year: number, factorSet: string, source: string) {
  const found = await findInventory(tx, orgId, year);
  if (found) return found;
  const now = nowIso();
  await tx
    .insertInto('footprint_inventories')
    .values({ organisation_id: orgId, year, factor_set: factorSet, source, created_at: now, updated_at: now })
    .execute();
  return (await findInventory(tx, orgId, year))!;
}

/** Inserts lines in batches (the caller's transaction makes them all-or-nothing). */
export async function insertLines(
  tx: Tx,
  inventoryId: number,
  rows: TLineRow[],
  onBatch?: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH).map((r) => ({ inventory_id: inventoryId, ...r }));
    await tx.insertInto('footprint_lines').values(batch).execute();
    onBatch?.(Math.min(rows.length, i + INSERT_BATCH));
  }
}

/** Calls `fn` for every line of an inventory, in line order, reading by pages so memory stays flat. */
export async function forEachLine(
  db: DB | Tx,
  inventoryId: number,
  fn: (line: TInventoryLine, lineNo: number) => void,
): Promise<void> {
  let after = -1;
  const page = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('footprint_lines')
      .select(['id', 'line_no', 'data_json'])
      .where('inventory_id', '=', inventoryId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(page)
      .execute();
    for (const r of rows) fn(JSON.parse(r.data_json) as TInventoryLine, Number(r.line_no));
    if (rows.length < page) break;
    after = Number(rows[rows.length - 1]!.id);
  }
}

/**
 * Stores a result under its key (organisation, year, factor set, settings), replacing a previous result of the
 * same key, and makes it the year's current result. Results under other keys stay, so they can be reproduced.
 */
export async function storeResult(
  tx: Tx,
  input: {
    orgId: number;
    year: number;
    revision: number;
    settings: TFootprintSettings;
    result: TFootprintResult;
    extra: TFootprintExtra;
  },
): Promise<void> {
  const { orgId, year, result, extra } = input;
  const key = settingsKey(input.settings);
  const factorSet = result.methodology.factorSet;
  await tx
    .deleteFrom('footprint_results')
    .where('organisation_id', '=', orgId)
    .where('year', '=', year)
    .where('factor_set', '=', factorSet)
    .where('settings_key', '=', key)
    .execute();
  await tx
    .updateTable('footprint_results')
    .set({ is_current: 0 })
    .where('organisation_id', '=', orgId)
    .where('year', '=', year)
    .execute();
  await tx
    .insertInto('footprint_results')
    .values({
      organisation_id: orgId,
      year,
      factor_set: factorSet,
      settings_key: key,
      is_current: 1,
      inventory_revision: input.revision,
      lines: result.lines,
      units: result.units,
      terminal_units: extra.terminalUnits,
      gwp_value: result.total.gwp?.value ?? null,
      gwp_low: result.total.gwp?.low ?? null,
      gwp_high: result.total.gwp?.high ?? null,
      adpe_value: result.total.adpe?.value ?? null,
      wu_value: result.total.wu?.value ?? null,
      pe_value: result.total.pe?.value ?? null,
      default_share: result.dataQuality.defaultShare,
      result_json: JSON.stringify(result),
      extra_json: JSON.stringify(extra),
      computed_at: nowIso(),
    })
    .execute();
}

/**
 * Recomputes a year from its stored lines with the given factor set (the year's own by default) and settings, and
 * stores the result as current. Runs inside the caller's transaction, so a line change and its result land together.
 */
export async function recomputeYear(
  tx: Tx,
  orgId: number,
  year: number,
  settings: TFootprintSettings,
  factorSetId?: string,
): Promise<TFootprintResult | null> {
  const inv = await findInventory(tx, orgId, year);
  if (!inv) return null;
  const fsId = factorSetId ?? inv.factor_set;
  if (fsId !== inv.factor_set)
    await tx.updateTable('footprint_inventories').set({ factor_set: fsId }).where('id', '=', inv.id).execute();
  const comp = new FootprintComputation(getFactorSet(fsId), engineOptions(year, settings, getFactorSet(fsId)));
  // Stored lines passed validation when they were saved; a newer factor set may still reject one (e.g. a removed
  // archetype), in which case the line is left out and its error becomes a warning rather than losing the year.
  const rejected: { line: number; message: string }[] = [];
  await forEachLine(tx, inv.id, (line, lineNo) => {
    for (const e of comp.add(line, lineNo)) rejected.push({ line: e.line, message: `${e.column}: ${e.message}` });
  });
  const { result, extra } = comp.finish();
  if (rejected.length) result.warnings.unshift(...rejected.slice(0, 50));
  await storeResult(tx, { orgId, year, revision: Number(inv.revision), settings, result, extra });
  return result;
}

/** The year's current stored result row. */
export async function currentResultRow(db: DB | Tx, orgId: number, year: number) {
  return db
    .selectFrom('footprint_results')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .where('year', '=', year)
    .where('is_current', '=', 1)
    .executeTakeFirst();
}
