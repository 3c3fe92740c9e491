/**
 * Inventory reader: a CSV or XLSX file → canonical inventory lines (`TInventoryLine`), streaming, with every
 * error collected (line, column as written in the file, message with a fix hint).
 */
import type { TColumn, TInventoryLine, TLineError } from '../lca/index.js';
import { HEADER_INDEX, NUMERIC, NUMERIC_RULES, TEXT, type TReaderColumn } from './inventory-columns.js';
import { readerError } from './messages.js';
import { checkZipArchive, ZipRefusedError, ZIP_LIMITS } from './zip-guard.js';
import { ZInventoryMapping, type TInventoryMapping, type TInventoryMappingInput } from './presets.js';
import {
  normaliseHeader,
  readTableBatches,
  UnreadableTableError,
  type TReadTableOptions,
  type TTableInfo,
  type TTableRow,
} from './read-table.js';

export interface TReadInventoryOptions extends TReadTableOptions {
  /** Mapping file content or a preset's mapping; its columns win over the built-in aliases. */
  mapping?: TInventoryMappingInput;
  /** Stop collecting after this many errors (the count goes on). Default 1000. */
  maxErrors?: number;
}
/** Rows left out by a `skip` rule of the mapping, per column and value as written in the file. */
export interface TSkippedRows {
  count: number;
  reasons: { column: string; value: string; count: number }[];
}
export interface TReadInventorySummary {
  lines: number;
  errors: TLineError[];
  errorCount: number;
  headers: string[];
  info: TTableInfo;
  skipped: TSkippedRows;
}

/**
 * Parses a number written either way: `1234.5`, `1 234,5`, `1,5` (decimal comma), `1.234,5`, `50%`.
 * A lone comma is a decimal comma (inventories here are French more often than not). NaN when not a number.
 */
export function parseLocaleNumber(raw: string): number {
  if (isPlainNumber(raw)) return Number(raw);
  let s = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (s === '') return NaN;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma !== -1) s = s.indexOf(',') === comma ? s.replace(',', '.') : s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}

/** Digits with at most one `.`: the common case, read by Number() without the locale work. */
function isPlainNumber(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15) return false;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (++dots > 1 || i === 0 || i === n - 1) return false;
    } else if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A load as a percentage: "50 %" and "50" are 50 %; a fraction below 1 ("0.5", or a 50 % cell of a spreadsheet,
 * which reaches us as 0.5) is read as 50 %. A bare "1" could be either: undefined (the caller refuses it).
 */
export function loadPercent(raw: string, n: number): number | undefined {
  if (raw.trim().endsWith('%')) return n;
  if (n === 1) return undefined;
  return n > 0 && n < 1 ? n * 100 : n;
}

/** A year from `2023`, `2023-04-01`, `01/04/2023` or an Excel serial date. NaN when none. */
export function parseYear(raw: string): number {
  const s = raw.trim();
  const iso = /^(\d{4})-\d{1,2}-\d{1,2}/.exec(s);
  if (iso) return Number(iso[1]);
  const fr = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})/.exec(s);
  if (fr) return Number(fr[1]);
  const n = parseLocaleNumber(s);
  if (Number.isInteger(n) && n >= 1950 && n <= 2200) return n;
  // Excel serial dates (days since 1899-12-30) when a date cell reached us as a number.
  if (Number.isFinite(n) && n > 18000 && n < 120000)
    return new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86400000).getUTCFullYear();
  return NaN;
}

interface TCompiledHeader {
  index: number;
  column: TReaderColumn;
  header: string;
}
/** A header with what parsing its cells needs, resolved once per file rather than once per cell. */
interface TColumnReader extends TCompiledHeader {
  numeric: boolean;
  year: boolean;
  load: boolean;
  rule?: (typeof NUMERIC_RULES)[TColumn];
  values?: Map<string, string>;
}

/** Maps file headers to canonical columns; reports duplicates and a missing category column. */
export function mapHeaders(
  headers: string[],
  mapping?: TInventoryMapping,
): { columns: TCompiledHeader[]; errors: TLineError[] } {
  const errors: TLineError[] = [];
  const explicit = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping?.columns ?? {})) explicit.set(normaliseHeader(from), to);
  const columns: TCompiledHeader[] = [];
  const seen = new Map<TReaderColumn, { header: string; explicit: boolean; at: number }>();
  headers.forEach((h, index) => {
    const key = normaliseHeader(h);
    if (key === '') return;
    const target = explicit.get(key) ?? HEADER_INDEX.get(key);
    if (!target) return; // Unknown columns are kept out on purpose: exports carry many columns we do not need.
    const column = (HEADER_INDEX.get(normaliseHeader(target)) ?? target) as TReaderColumn;
    if (!NUMERIC.has(column) && !TEXT.has(column)) {
      errors.push(readerError(1, h, 'mapping-target-unknown', { target }));
      return;
    }
    const isExplicit = explicit.has(key);
    const prev = seen.get(column);
    if (prev !== undefined) {
      // A mapping beats a built-in alias; two mapped columns: the first wins (presets list alternatives).
      if (prev.explicit) return;
      if (isExplicit) {
        columns[prev.at] = { index, column, header: h };
        seen.set(column, { header: h, explicit: true, at: prev.at });
        return;
      }
      errors.push(readerError(1, h, 'duplicate-column', { previous: prev.header, target: column }));
      return;
    }
    seen.set(column, { header: h, explicit: isExplicit, at: columns.length });
    columns.push({ index, column, header: h });
  });
  if (!seen.has('category') && mapping?.defaults?.category === undefined) {
    errors.push(readerError(1, 'category', 'missing-category-column'));
  }
  return { columns, errors };
}

/** The per-file state of `readRow`: column readers and the headers errors name, resolved once per file. */
interface TRowReader {
  readers: TColumnReader[];
  defaults: Record<string, string | number> | undefined;
  categoryHeader: string;
  formFactorHeader: string;
  transferModelHeader: string;
}

const rowReaders = new WeakMap<
  TCompiledHeader[],
  { valueMaps: Map<string, Map<string, string>>; defaults: unknown; reader: TRowReader }
>();

/**
 * Turns one table row into an inventory line, or errors. The column readers are compiled once per `columns` array
 * (and value maps, defaults) and reused for the next rows, so calling this row after row stays cheap.
 */
export function rowToLine(
  row: TTableRow,
  columns: TCompiledHeader[],
  mapping: TInventoryMapping | undefined,
  valueMaps: Map<string, Map<string, string>>,
): { line?: TInventoryLine; errors: TLineError[] } {
  const defaults = mapping?.defaults && Object.keys(mapping.defaults).length ? mapping.defaults : undefined;
  let hit = rowReaders.get(columns);
  if (!hit || hit.valueMaps !== valueMaps || hit.defaults !== defaults) {
    hit = { valueMaps, defaults, reader: compileRowReader(columns, valueMaps, defaults) };
    rowReaders.set(columns, hit);
  }
  const errors: TLineError[] = [];
  const line = readRow(row, hit.reader, errors);
  return line ? { line, errors } : { errors };
}

function compileRowReader(
  columns: TCompiledHeader[],
  valueMaps: Map<string, Map<string, string>>,
  defaults: Record<string, string | number> | undefined,
): TRowReader {
  const readers: TColumnReader[] = columns.map((c) => ({
    ...c,
    numeric: NUMERIC.has(c.column),
    year: c.column === 'purchase_year',
    load: c.column === 'cpu_load_pct',
    rule: NUMERIC_RULES[c.column],
    values: valueMaps.get(c.column),
  }));
  const headerOf = (col: TReaderColumn): string => columns.find((c) => c.column === col)?.header ?? col;
  return {
    readers,
    defaults,
    categoryHeader: headerOf('category'),
    formFactorHeader: headerOf('form_factor'),
    transferModelHeader: headerOf('transfer_model'),
  };
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Reads one row into a new line object; errors are pushed onto `errors` (the caller's array: no allocation per
 * row when the row is valid). Returns undefined when the row has errors.
 */
function readRow(row: TTableRow, rr: TRowReader, errors: TLineError[]): TInventoryLine | undefined {
  const before = errors.length;
  const readers = rr.readers;
  const cells = row.cells;
  const out: Record<string, string | number> = rr.defaults ? { ...rr.defaults } : {};
  for (const r of readers) {
    const cell = cells[r.index];
    if (cell === undefined || cell === '') continue;
    const raw = cell.trim();
    if (raw === '') continue;
    if (r.numeric) {
      let n = r.year ? parseYear(raw) : parseLocaleNumber(raw);
      if (!Number.isFinite(n)) {
        errors.push(readerError(row.line, r.header, 'not-a-number', { value: raw, column: r.column }));
        continue;
      }
      if (r.load) {
        const pct = loadPercent(raw, n);
        if (pct === undefined) {
          errors.push(readerError(row.line, r.header, 'ambiguous-load', { value: raw }));
          continue;
        }
        n = pct;
      }
      const rule = r.rule;
      if (rule) {
        if (
          (rule.min !== undefined && (rule.minExclusive ? n <= rule.min : n < rule.min)) ||
          (rule.max !== undefined && n > rule.max)
        ) {
          errors.push(readerError(row.line, r.header, 'out-of-range', { value: raw, column: r.column }));
          continue;
        }
      } else if (n < 0) {
        errors.push(readerError(row.line, r.header, 'negative-number', { value: raw, column: r.column }));
        continue;
      }
      out[r.column] = n;
    } else {
      out[r.column] = r.values?.get(normaliseHeader(raw)) ?? raw;
    }
  }
  if (out.category === undefined || out.category === '')
    errors.push(readerError(row.line, rr.categoryHeader, 'empty-category'));
  if (out.form_factor !== undefined) {
    const f = String(out.form_factor).toLowerCase();
    if (f !== 'rack' && f !== 'blade' && f !== 'tower')
      errors.push(readerError(row.line, rr.formFactorHeader, 'bad-form-factor', { value: String(out.form_factor) }));
    else out.form_factor = f;
  }
  if (out.transfer_model !== undefined) {
    const m = String(out.transfer_model)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    if (m === 'swd' || m === 'sustainablewebdesign') out.transfer_model = 'swd';
    else if (m === '1byte' || m === 'onebyte') out.transfer_model = '1byte';
    else
      errors.push(
        readerError(row.line, rr.transferModelHeader, 'bad-transfer-model', { value: String(out.transfer_model) }),
      );
  }
  return errors.length === before ? (out as unknown as TInventoryLine) : undefined;
}

/** A skip rule bound to a column of this file. */
interface TSkipRule {
  index: number;
  header: string;
  values: Set<string>;
}

/** The mapping's skip rules whose column is in the file (a preset names columns a given export may lack). */
function compileSkipRules(headers: string[], mapping?: TInventoryMapping): TSkipRule[] {
  const rules: TSkipRule[] = [];
  for (const [column, values] of Object.entries(mapping?.skip ?? {})) {
    const index = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(column));
    if (index !== -1 && values.length)
      rules.push({ index, header: headers[index]!, values: new Set(values.map(normaliseHeader)) });
  }
  return rules;
}

/** The rule and value that leave this row out, if any. */
function skipReason(row: TTableRow, rules: TSkipRule[]): { column: string; value: string } | undefined {
  for (const r of rules) {
    const cell = row.cells[r.index]?.trim();
    if (cell && r.values.has(normaliseHeader(cell))) return { column: r.header, value: cell };
  }
  return undefined;
}

function compileValueMaps(mapping?: TInventoryMapping): Map<string, Map<string, string>> {
  const maps = new Map<string, Map<string, string>>();
  for (const [col, vm] of Object.entries(mapping?.values ?? {})) {
    const canonical = HEADER_INDEX.get(normaliseHeader(col)) ?? col;
    maps.set(canonical, new Map(Object.entries(vm).map(([k, v]) => [normaliseHeader(k), v])));
  }
  return maps;
}

/**
 * Streams an inventory file: calls `onLine` for each valid line (with its file line number) and collects every
 * error. Callers must discard whatever they computed when `errorCount > 0`: nothing is computed from a file with
 * errors.
 */
export async function readInventory(
  path: string,
  onLine: (line: TInventoryLine, lineNo: number) => TLineError[] | void,
  options: TReadInventoryOptions = {},
): Promise<TReadInventorySummary> {
  const mapping = options.mapping ? ZInventoryMapping.parse(options.mapping) : undefined;
  const valueMaps = compileValueMaps(mapping);
  const maxErrors = options.maxErrors ?? 1000;
  const errors: TLineError[] = [];
  let errorCount = 0;
  const addErrors = (es: TLineError[]): void => {
    errorCount += es.length;
    for (const e of es) if (errors.length < maxErrors) errors.push(e);
  };
  const info: TTableInfo = { kind: 'csv' };
  let headers: string[] | undefined;
  let reader: TRowReader | undefined;
  const defaults = mapping && Object.keys(mapping.defaults).length ? mapping.defaults : undefined;
  // Errors of one row land here; the array is reused, so valid rows allocate nothing for errors.
  const rowErrors: TLineError[] = [];
  let lines = 0;
  let headerBroken = false;
  let skipRules: TSkipRule[] = [];
  const skipped = new Map<string, { column: string; value: string; count: number }>();
  let skippedCount = 0;
  const skippedSummary = () => ({ count: skippedCount, reasons: [...skipped.values()] });
  try {
    await readRows();
  } catch (err) {
    // A workbook refused by the archive checks, or not a workbook: one error, nothing read.
    if (!(err instanceof UnreadableTableError)) throw err;
    addErrors([unreadableError(err)]);
    return { lines: 0, errors, errorCount, headers: [], info, skipped: skippedSummary() };
  }
  if (!headers) addErrors([readerError(1, 'category', 'empty-file')]);
  if (errorCount > errors.length)
    errors.push(readerError(0, '-', 'more-errors', { count: errorCount - errors.length }));
  return { lines, errors, errorCount, headers: headers ?? [], info, skipped: skippedSummary() };

  async function readRows(): Promise<void> {
    outer: for await (const batch of readTableBatches(path, options, info)) {
      for (const row of batch) {
        if (isBlank(row.cells)) continue;
        if (!headers) {
          headers = row.cells.map((c) => c.trim());
          const mapped = mapHeaders(headers, mapping);
          reader = compileRowReader(mapped.columns, valueMaps, defaults);
          skipRules = compileSkipRules(headers, mapping);
          if (mapped.errors.length) {
            addErrors(mapped.errors.map((e) => ({ ...e, line: row.line })));
            headerBroken = true;
          }
          continue;
        }
        if (headerBroken) break outer; // Without usable headers every line would repeat the same error.
        if (skipRules.length) {
          const why = skipReason(row, skipRules);
          if (why) {
            skippedCount++;
            const key = `${why.column}\u0000${normaliseHeader(why.value)}`;
            const hit = skipped.get(key);
            if (hit) hit.count++;
            else skipped.set(key, { ...why, count: 1 });
            continue;
          }
        }
        lines++;
        const line = readRow(row, reader as TRowReader, rowErrors);
        if (line === undefined) {
          addErrors(rowErrors);
          rowErrors.length = 0;
          continue;
        }
        const more = onLine(line, row.line);
        if (more && more.length) addErrors(more);
      }
    }
  }
}

/** The one error of a file no reader could read. */
export function unreadableError(err: UnreadableTableError): TLineError {
  if (err.problem === 'too-large')
    return readerError(1, '-', 'archive-too-large', { limitMb: ZIP_LIMITS.maxUncompressedBytes / (1024 * 1024) });
  if (err.problem === 'too-many-entries')
    return readerError(1, '-', 'archive-too-many-entries', { limit: ZIP_LIMITS.maxEntries });
  return readerError(1, '-', 'not-a-workbook');
}

/** Checks an uploaded workbook's archive at once (before an import starts): its error, or null when it may be read. */
export function workbookProblem(buffer: Buffer): TLineError | null {
  try {
    checkZipArchive(buffer);
    return null;
  } catch (err) {
    if (err instanceof ZipRefusedError) return unreadableError(new UnreadableTableError(err.problem, err.message));
    throw err;
  }
}

/** Reads a whole inventory into memory (small files, tests, uploads saved to disk). */
export async function readInventoryFile(
  path: string,
  options: TReadInventoryOptions = {},
): Promise<TReadInventorySummary & { items: { line: number; data: TInventoryLine }[] }> {
  const items: { line: number; data: TInventoryLine }[] = [];
  const summary = await readInventory(
    path,
    (data, line) => {
      items.push({ line, data });
    },
    options,
  );
  return { ...summary, items };
}
