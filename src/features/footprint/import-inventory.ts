/**
 * Importing a year's inventory: a file (CSV/XLSX, streamed) or JSON lines. All-or-nothing:
 * 1. read and validate every line (reader + engine) and compute the result, outside any transaction, reporting
 *    progress on the import row;
 * 2. if any line has an error, mark the import failed with the line errors: nothing else changes;
 *    When the only errors are values of the category (or country) column that match nothing, the import stops at
 *    the mapping step instead (`unknown_values`, the distinct values with their counts) and keeps its file;
 * 3. otherwise, in ONE transaction: replace the year's lines, or only the lines of the named source (batched
 *    inserts), store the result (computed once, over the whole year), store the value choices made for this import,
 *    mark the import succeeded, audit. A crash before the commit leaves the previous inventory and result untouched.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { getFactorSet, latestFactorSetId } from '../../data/index.js';
import { recordAudit } from '../../db/audit.js';
import { nowIso, type DB, type Tx } from '../../db/client.js';
import { getPreset, readInventory } from '../../imports/index.js';
import { ZInventoryLine, type TFootprintResult, type TInventoryLine, type TLineError } from '../../lca/index.js';
import { FootprintComputation, engineOptions } from './compute.js';
import {
  ensureInventory,
  findInventory,
  insertLines,
  lineToRow,
  recomputeYear,
  storeResult,
  type TLineRow,
} from './repository.js';
import {
  ValueMapper,
  saveValueMappings,
  storedValueMappings,
  type TUnknownValue,
  type TValueMapping,
} from './value-mappings.js';
import { readSettings, type TFootprintSettings } from './settings.js';

/** This process: an import row marked running by another runner id belongs to another (maybe dead) process. */
export const runnerId = randomBytes(8).toString('hex');
/** Imports running in this process, with a promise that settles when each ends (tests and the API await it). */
const active = new Map<number, Promise<TImportOutcome>>();
/** A running import's process writes its heartbeat this often. */
export const HEARTBEAT_MS = 5000;
/** A running import whose heartbeat is older than this belongs to a dead process (six missed beats). */
export const HEARTBEAT_TIMEOUT_MS = 30_000;
/** Largest inventory accepted in one import. */
export const MAX_IMPORT_LINES = 1_000_000;
/** Largest uploaded file, checked before reading (the app's body limit is a little higher). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Line errors kept on the import row. */
const MAX_STORED_ERRORS = 1000;
const PROGRESS_EVERY = 5000;

export type TImportOutcome =
  | { ok: true; result: TFootprintResult; lines: number }
  | { ok: false; errors: TLineError[]; errorCount: number; failure: 'line_errors' | 'too_many_lines' | 'internal' }
  | { ok: false; errors: TLineError[]; errorCount: number; failure: 'unknown_values'; unknown: TUnknownValue[] };

export type TImportSource =
  | { kind: 'file'; path: string; preset?: string | null; removeAfter?: boolean }
  | { kind: 'lines'; lines: unknown[] };

/**
 * Where an import goes. `scope` `year` replaces every line of the year; `source` replaces only the lines of
 * `sourceName` (one GLPI list among several) and keeps the others. `mapping` holds the value choices made at the
 * mapping step, applied with the organisation's stored ones and stored when the import succeeds.
 */
export interface TImportTarget {
  orgId: number;
  year: number;
  userId: number | null;
  source: string;
  scope?: TImportScope;
  sourceName?: string | null;
  mapping?: TValueMapping;
}
export const IMPORT_SCOPES = ['year', 'source'] as const;
export type TImportScope = (typeof IMPORT_SCOPES)[number];

/** Test hooks: throw after this many inserted rows, or run `onRows` after each batch (e.g. kill the process). */
export const importFaults: { failAfterRows: number; onRows?: (done: number) => void } = { failAfterRows: 0 };

/** Creates the import row (status running) and returns its id. */
export async function createImportRow(
  db: DB,
  t: TImportTarget,
  fileName: string,
  preset: string | null,
): Promise<number> {
  const row = await db
    .insertInto('footprint_imports')
    .values({
      organisation_id: t.orgId,
      year: t.year,
      user_id: t.userId,
      file_name: fileName.slice(0, 200),
      preset,
      scope: t.scope ?? 'year',
      source_name: t.sourceName ?? null,
      status: 'running',
      runner_id: runnerId,
      started_at: nowIso(),
      heartbeat_at: nowIso(),
      finished_at: null,
      errors_json: null,
      failure: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Starts an import in the background of this process; the caller answers at once with the status page. */
export function startImport(db: DB, importId: number, t: TImportTarget, source: TImportSource): void {
  const p = runImport(db, importId, t, source).finally(() => active.delete(importId));
  active.set(importId, p);
  p.catch(() => undefined);
}

/** Waits for an import of this process (resolves at once when it is not running here). */
export async function waitForImport(importId: number): Promise<void> {
  await active.get(importId)?.catch(() => undefined);
}

/** Whether an import row marked running is really alive: run by this process, or by one whose heartbeat goes on. */
export function isImportAlive(
  row: { id: number; status: string; runner_id: string; started_at: string; heartbeat_at?: string | null },
  now = new Date(),
): boolean {
  if (row.status !== 'running') return false;
  if (row.runner_id === runnerId) return active.has(Number(row.id));
  return now.getTime() - Date.parse(row.heartbeat_at ?? row.started_at) < HEARTBEAT_TIMEOUT_MS;
}

/**
 * Marks failed the imports of other processes whose heartbeat stopped (their process died: killed, crashed, the
 * machine restarted). Runs at start and every half-minute, on both engines, with any number of instances: an
 * instance alive keeps its imports' heartbeat fresh, so only dead ones are touched.
 */
export async function failStaleImports(db: DB, now = new Date()): Promise<number> {
  const cutoff = nowIso(new Date(now.getTime() - HEARTBEAT_TIMEOUT_MS));
  const r = await db
    .updateTable('footprint_imports')
    .set({ status: 'failed', failure: 'interrupted', finished_at: nowIso(now) })
    .where('status', '=', 'running')
    .where('runner_id', '!=', runnerId)
    .where((eb) =>
      eb.or([eb('heartbeat_at', '<', cutoff), eb.and([eb('heartbeat_at', 'is', null), eb('started_at', '<', cutoff)])]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}

/** Runs an import to its end (see the file comment for the steps). Never throws: failures are recorded. */
export async function runImport(
  db: DB,
  importId: number,
  t: TImportTarget,
  source: TImportSource,
): Promise<TImportOutcome> {
  // The heartbeat says this process is alive; it stops with the process, and other instances then fail the row.
  const heartbeat = setInterval(() => {
    void db
      .updateTable('footprint_imports')
      .set({ heartbeat_at: nowIso() })
      .where('id', '=', importId)
      .where('status', '=', 'running')
      .execute()
      .catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // A file stopped at the mapping step is kept: the user's choices resume the import from it.
  let keepFile = false;
  try {
    const outcome = await importSteps(db, importId, t, source);
    if (!outcome.ok) {
      await db
        .updateTable('footprint_imports')
        .set({
          status: 'failed',
          failure: outcome.failure,
          error_count: outcome.errorCount,
          errors_json: JSON.stringify(outcome.errors),
          finished_at: nowIso(),
          unknown_json: outcome.failure === 'unknown_values' ? JSON.stringify(outcome.unknown) : null,
        })
        .where('id', '=', importId)
        .execute();
    }
    keepFile = !outcome.ok && outcome.failure === 'unknown_values';
    return outcome;
  } catch (err) {
    console.error(`[footprint] import ${importId} failed:`, err);
    await db
      .updateTable('footprint_imports')
      .set({ status: 'failed', failure: 'internal', finished_at: nowIso() })
      .where('id', '=', importId)
      .execute()
      .catch(() => undefined);
    return { ok: false, errors: [], errorCount: 0, failure: 'internal' };
  } finally {
    clearInterval(heartbeat);
    if (source.kind === 'file' && source.removeAfter && !keepFile)
      await rm(source.path, { force: true }).catch(() => undefined);
  }
}

async function importSteps(db: DB, importId: number, t: TImportTarget, source: TImportSource): Promise<TImportOutcome> {
  // 1. Read, validate and compute, outside any transaction.
  const settings = await readSettings(db, t.orgId);
  const existing = await findInventory(db, t.orgId, t.year);
  const factorSetId = existing?.factor_set ?? latestFactorSetId;
  const comp = new FootprintComputation(
    getFactorSet(factorSetId),
    engineOptions(t.year, settings, getFactorSet(factorSetId)),
  );
  const mapper = new ValueMapper(factorSetId, await storedValueMappings(db, t.orgId), t.mapping);
  const sourceName = t.scope === 'source' ? (t.sourceName ?? null) : t.sourceName?.trim() || null;
  const rows: TLineRow[] = [];
  const errors: TLineError[] = [];
  let errorCount = 0;
  let read = 0;
  let tooMany = false;
  const addErrors = (es: TLineError[]) => {
    errorCount += es.length;
    for (const e of es) if (errors.length < MAX_STORED_ERRORS) errors.push(e);
  };
  // Progress is written outside any transaction and without waiting: the reader yields between batches, so the
  // status page (and these updates) get their turn while a large file is read.
  const progress = () => {
    void db
      .updateTable('footprint_imports')
      .set({ lines_read: read })
      .where('id', '=', importId)
      .execute()
      .catch(() => undefined);
  };
  const onLine = (line: TInventoryLine, lineNo: number): TLineError[] => {
    read++;
    // Stored under its code whatever the file calls it (« Ordinateur portable », "Laptop", laptop, or a value the
    // organisation mapped at an earlier import); values that match nothing are counted for the mapping step.
    mapper.apply(line);
    if (read > MAX_IMPORT_LINES) {
      tooMany = true;
      return [];
    }
    const es = comp.add(line, lineNo);
    if (es.length === 0 && errorCount === 0) rows.push(lineToRow(line, lineNo, sourceName));
    if (read % PROGRESS_EVERY === 0) progress();
    return es;
  };
  if (source.kind === 'file') {
    // 2. The reader collects its own errors and those onLine returns (engine errors), with line and column.
    const summary = await readInventory(source.path, onLine, {
      mapping: source.preset ? getPreset(source.preset) : undefined,
      maxErrors: MAX_STORED_ERRORS,
    });
    read = summary.lines;
    errorCount = summary.errorCount;
    if (summary.skipped.count > 0)
      await db
        .updateTable('footprint_imports')
        .set({ skipped_json: JSON.stringify(summary.skipped) })
        .where('id', '=', importId)
        .execute();
    errors.push(...summary.errors);
  } else {
    for (let i = 0; i < source.lines.length; i++) {
      const parsed = ZInventoryLine.safeParse(source.lines[i]);
      if (!parsed.success) {
        read++;
        addErrors(
          parsed.error.issues.map((iss) => ({
            line: i + 1,
            column: String(iss.path[0] ?? 'line'),
            message: iss.message,
          })),
        );
        continue;
      }
      addErrors(onLine(parsed.data, i + 1));
    }
  }
  await db.updateTable('footprint_imports').set({ lines_read: read }).where('id', '=', importId).execute();
  if (tooMany)
    return {
      ok: false,
      errors: [
        {
          line: MAX_IMPORT_LINES + 1,
          column: '-',
          message: `more than ${MAX_IMPORT_LINES} lines; split the inventory or aggregate identical items with a quantity`,
        },
      ],
      errorCount: 1,
      failure: 'too_many_lines',
    };
  // Unknown values are the only problem: ask for them rather than list one error per line.
  if (errorCount > 0 && mapper.unknownLineCount === errorCount)
    return { ok: false, errors, errorCount, failure: 'unknown_values', unknown: mapper.unknownValues() };
  if (errorCount > 0) return { ok: false, errors, errorCount, failure: 'line_errors' };
  if (rows.length === 0)
    return {
      ok: false,
      errors: [{ line: 2, column: 'category', message: 'no line to import; add at least one line under the header' }],
      errorCount: 1,
      failure: 'line_errors',
    };

  // 3. One transaction: replace the lines, store the result, close the import row.
  const result = await db
    .transaction()
    .execute((tx) => storeImport(tx, importId, t, { factorSetId, sourceName, rows, read, settings, comp }));
  return { ok: true, result, lines: rows.length };
}

/**
 * Replaces the year's lines (or one source's), then stores the year's result once: computed from the file when the
 * file is the whole year, recomputed from every stored line when other sources stay.
 */
async function storeImport(
  tx: Tx,
  importId: number,
  t: TImportTarget,
  p: {
    factorSetId: string;
    sourceName: string | null;
    rows: TLineRow[];
    read: number;
    settings: TFootprintSettings;
    comp: FootprintComputation;
  },
): Promise<TFootprintResult> {
  const inv = await ensureInventory(tx, t.orgId, t.year, p.factorSetId, t.source);
  const bySource = t.scope === 'source' && p.sourceName !== null;
  let del = tx.deleteFrom('footprint_lines').where('inventory_id', '=', inv.id);
  if (bySource) del = del.where('source', '=', p.sourceName);
  await del.execute();
  await insertLines(tx, inv.id, p.rows, (done) => {
    if (importFaults.failAfterRows && done >= importFaults.failAfterRows) throw new Error('injected failure (test)');
    importFaults.onRows?.(done);
  });
  const lineCount = bySource
    ? Number(
        (
          await tx
            .selectFrom('footprint_lines')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('inventory_id', '=', inv.id)
            .executeTakeFirstOrThrow()
        ).n,
      )
    : p.rows.length;
  const revision = Number(inv.revision) + 1;
  await tx
    .updateTable('footprint_inventories')
    .set({ revision, line_count: lineCount, source: t.source, updated_at: nowIso() })
    .where('id', '=', inv.id)
    .execute();
  let result: TFootprintResult;
  if (bySource) {
    result = (await recomputeYear(tx, t.orgId, t.year, p.settings))!;
  } else {
    const done = p.comp.finish();
    result = done.result;
    await storeResult(tx, { orgId: t.orgId, year: t.year, revision, settings: p.settings, result, extra: done.extra });
  }
  if (t.mapping) await saveValueMappings(tx, t.orgId, t.mapping);
  await tx
    .updateTable('footprint_imports')
    .set({ status: 'succeeded', lines_read: p.read, finished_at: nowIso() })
    .where('id', '=', importId)
    .execute();
  await recordAudit(tx, {
    actorUserId: t.userId,
    action: 'footprint.inventory.import',
    subjectType: 'organisation',
    subjectId: t.orgId,
    details: {
      year: t.year,
      lines: p.rows.length,
      importId,
      scope: bySource ? 'source' : 'year',
      source: p.sourceName,
    },
  });
  return result;
}
