/**
 * Importing a provider's billing export into a year's inventory. All-or-nothing, like the inventory import:
 * 1. stream the export, map each usage row and aggregate (outside any transaction);
 * 2. on any row error, nothing changes and the errors name the row and the column;
 * 3. otherwise compute the year with its other lines plus the new cloud lines, and in ONE transaction replace the
 *    lines the previous cloud billing import of the year wrote (the other lines stay), store the result and the
 *    import's summary, audit.
 */
import { rm } from 'node:fs/promises';
import { getCloudBillingMapping } from '../../data/cloud-billing.js';
import { getFactorSet, latestFactorSetId } from '../../data/index.js';
import { recordAudit } from '../../db/audit.js';
import { nowIso, type DB, type Tx } from '../../db/client.js';
import {
  gunzipIfNeeded,
  readCloudBilling,
  type TCloudBillingError,
  type TCloudProvider,
} from '../../imports/cloud/index.js';
import { CloudBillingMapper, type TCloudBillingSummary, type TCloudLine } from '../../lca/cloud-billing.js';
import {
  computeFootprint,
  type TFactorSet,
  type TFootprintOptions,
  type TFootprintResult,
  type TImpact,
  type TInventoryLine,
} from '../../lca/index.js';
import { FootprintComputation, engineOptions } from './compute.js';
import { ensureInventory, findInventory, lineToRow, storeResult } from './repository.js';
import { readSettings } from './settings.js';

/** Largest export accepted through the page and the API (the CLI reads any size from disk). */
export const MAX_CLOUD_UPLOAD_BYTES = 512 * 1024 * 1024;
const MAX_STORED_ERRORS = 1000;
const INSERT_BATCH = 1000;

export const BREAKDOWN_DIMENSIONS = ['provider', 'service', 'region', 'account'] as const;
export type TBreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export interface TBreakdownRow {
  key: string;
  lines: number;
  gwp: TImpact | null;
}

/** What an accepted import keeps: the mapping's summary plus the cloud part of the result. */
export interface TCloudImportSummary extends TCloudBillingSummary {
  format: string;
  provider: TCloudProvider;
  gwp: TImpact | null;
  breakdown: Record<TBreakdownDimension, TBreakdownRow[]>;
}

export type TCloudImportOutcome =
  | { ok: true; cloudImportId: number; summary: TCloudImportSummary; result: TFootprintResult }
  | { ok: false; errors: TCloudBillingError[]; errorCount: number };

export interface TCloudImportInput {
  orgId: number;
  year: number;
  userId: number | null;
  path: string;
  fileName: string;
  provider?: TCloudProvider;
  /** Remove the file when done (uploads written to a temporary file). */
  removeAfter?: boolean;
  onProgress?: (rows: number) => void;
}

export async function importCloudBilling(db: DB, input: TCloudImportInput): Promise<TCloudImportOutcome> {
  let path = input.path;
  const cleanup: string[] = input.removeAfter ? [input.path] : [];
  try {
    // AWS delivers its reports gzipped: unpack to a temporary file, streaming.
    const unpacked = await gunzipIfNeeded(path);
    if (unpacked !== path) {
      cleanup.push(unpacked);
      path = unpacked;
    }
    const existing = await findInventory(db, input.orgId, input.year);
    const factorSetId = existing?.factor_set ?? latestFactorSetId;
    const fs = getFactorSet(factorSetId);
    const mapping = getCloudBillingMapping();
    const mapper = new CloudBillingMapper(mapping, fs);
    const read = await readCloudBilling(path, (row) => mapper.add(row), {
      provider: input.provider,
      maxErrors: MAX_STORED_ERRORS,
      onProgress: input.onProgress,
    });
    if (read.errorCount > 0 || !read.format) return { ok: false, errors: read.errors, errorCount: read.errorCount };
    const { lines, summary } = mapper.finish();
    const provider = (
      read.format.startsWith('aws') ? 'aws' : read.format.startsWith('azure') ? 'azure' : 'gcp'
    ) as TCloudProvider;

    // The year's other lines, then the cloud lines, through the same computation as any import.
    const settings = await readSettings(db, input.orgId);
    const options = engineOptions(input.year, settings, fs);
    const comp = new FootprintComputation(fs, options);
    let lineNo = 0;
    if (existing)
      await forEachOtherLine(db, existing.id, (l, n) => {
        comp.add(l, n);
        lineNo = Math.max(lineNo, n);
      });
    const firstCloudLine = lineNo + 1;
    const errors: TCloudBillingError[] = [];
    lines.forEach((l, i) => {
      for (const e of comp.add(l, firstCloudLine + i))
        errors.push({
          line: 0,
          column: e.column,
          message: `${l.provider} ${l.service} ${l.instance_type ?? l.category}: ${e.message}`,
        });
    });
    if (errors.length) return { ok: false, errors: errors.slice(0, MAX_STORED_ERRORS), errorCount: errors.length };
    const { result, extra } = comp.finish();
    const full: TCloudImportSummary = {
      ...summary,
      format: read.format,
      provider,
      gwp: cloudGwp(fs, lines, options),
      breakdown: breakdown(fs, lines, options),
    };

    const cloudImportId = await db.transaction().execute(async (tx) => {
      const inv = await ensureInventory(tx, input.orgId, input.year, factorSetId, 'cloud-billing');
      await tx
        .deleteFrom('footprint_lines')
        .where('id', 'in', (eb) =>
          eb.selectFrom('footprint_cloud_lines').select('line_id').where('inventory_id', '=', inv.id),
        )
        .execute();
      const imp = await tx
        .insertInto('footprint_cloud_imports')
        .values({
          organisation_id: input.orgId,
          year: input.year,
          user_id: input.userId,
          file_name: input.fileName.slice(0, 200),
          provider,
          format: read.format as string,
          mapping: mapping.id,
          rows_read: read.rows,
          line_count: lines.length,
          usage_cost: summary.usage_cost,
          mapped_cost: summary.mapped_cost,
          currency: summary.currency,
          summary_json: JSON.stringify(full),
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const importId = Number(imp.id);
      await insertCloudLines(tx, inv.id, importId, lines, firstCloudLine);
      const count = await tx
        .selectFrom('footprint_lines')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('inventory_id', '=', inv.id)
        .executeTakeFirstOrThrow();
      const revision = Number(inv.revision) + 1;
      await tx
        .updateTable('footprint_inventories')
        .set({ revision, line_count: Number(count.n), updated_at: nowIso() })
        .where('id', '=', inv.id)
        .execute();
      await storeResult(tx, { orgId: input.orgId, year: input.year, revision, settings, result, extra });
      await recordAudit(tx, {
        actorUserId: input.userId,
        action: 'footprint.cloud-billing.import',
        subjectType: 'organisation',
        subjectId: input.orgId,
        details: { year: input.year, provider, rows: read.rows, lines: lines.length, cloudImportId: importId },
      });
      return importId;
    });
    return { ok: true, cloudImportId, summary: full, result };
  } finally {
    for (const p of cleanup) await rm(p, { force: true }).catch(() => undefined);
  }
}

/** The lines of an inventory that no cloud billing import wrote, in line order, by pages. */
async function forEachOtherLine(
  db: DB | Tx,
  inventoryId: number,
  fn: (line: TInventoryLine, lineNo: number) => void,
): Promise<void> {
  let after = -1;
  const page = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('footprint_lines as l')
      .select(['l.id', 'l.line_no', 'l.data_json'])
      .where('l.inventory_id', '=', inventoryId)
      .where('l.id', '>', after)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('footprint_cloud_lines as c').select('c.line_id').whereRef('c.line_id', '=', 'l.id'))),
      )
      .orderBy('l.id')
      .limit(page)
      .execute();
    for (const r of rows) fn(JSON.parse(r.data_json) as TInventoryLine, Number(r.line_no));
    if (rows.length < page) break;
    after = Number(rows[rows.length - 1]!.id);
  }
}

async function insertCloudLines(
  tx: Tx,
  inventoryId: number,
  importId: number,
  lines: TCloudLine[],
  firstLineNo: number,
): Promise<void> {
  for (let i = 0; i < lines.length; i += INSERT_BATCH) {
    const batch = lines.slice(i, i + INSERT_BATCH).map((l, k) => ({
      inventory_id: inventoryId,
      ...lineToRow({ ...l, label: l.label ?? l.service }, firstLineNo + i + k),
    }));
    const ids = await tx.insertInto('footprint_lines').values(batch).returning('id').execute();
    await tx
      .insertInto('footprint_cloud_lines')
      .values(ids.map((r) => ({ line_id: Number(r.id), cloud_import_id: importId, inventory_id: inventoryId })))
      .execute();
  }
}

function gwpOf(fs: TFactorSet, lines: TInventoryLine[], options: TFootprintOptions): TImpact | null {
  if (lines.length === 0) return null;
  return computeFootprint(fs, lines, { ...options, criteria: ['gwp'], maxWarnings: 1 }).total.gwp ?? null;
}

function cloudGwp(fs: TFactorSet, lines: TCloudLine[], options: TFootprintOptions): TImpact | null {
  return gwpOf(fs, lines, options);
}

/** GWP of the cloud lines by provider, service, region and account (largest first; lines are few after aggregation). */
function breakdown(
  fs: TFactorSet,
  lines: TCloudLine[],
  options: TFootprintOptions,
): Record<TBreakdownDimension, TBreakdownRow[]> {
  const out = {} as Record<TBreakdownDimension, TBreakdownRow[]>;
  for (const dim of BREAKDOWN_DIMENSIONS) {
    const groups = new Map<string, TCloudLine[]>();
    for (const l of lines) {
      const k = String(l[dim] ?? '');
      const g = groups.get(k);
      if (g) g.push(l);
      else groups.set(k, [l]);
    }
    out[dim] = [...groups]
      .map(([key, g]) => ({ key, lines: g.length, gwp: gwpOf(fs, g, options) }))
      .sort((a, b) => (b.gwp?.value ?? 0) - (a.gwp?.value ?? 0));
  }
  return out;
}
