/**
 * Inventory reader: a CSV or XLSX file → canonical inventory lines (`TInventoryLine`), streaming, with every
 * error collected (line, column as written in the file, message with a fix hint).
 */
import type { TColumn, TInventoryLine, TLineError } from '../lca/index.js';
import { HEADER_INDEX, NUMERIC, NUMERIC_RULES, TEXT } from './inventory-columns.js';
import { ZInventoryMapping, type TInventoryMapping, type TInventoryMappingInput } from './presets.js';
import { normaliseHeader, readTableRows, type TReadTableOptions, type TTableInfo, type TTableRow } from './read-table.js';

export interface TReadInventoryOptions extends TReadTableOptions {
  /** Mapping file content or a preset's mapping; its columns win over the built-in aliases. */
  mapping?: TInventoryMappingInput;
  /** Stop collecting after this many errors (the count goes on). Default 1000. */
  maxErrors?: number;
}
export interface TReadInventorySummary { lines: number; errors: TLineError[]; errorCount: number; headers: string[]; info: TTableInfo }

/**
 * Parses a number written either way: `1234.5`, `1 234,5`, `1,5` (decimal comma), `1.234,5`, `50%`.
 * A lone comma is a decimal comma (inventories here are French more often than not). NaN when not a number.
 */
export function parseLocaleNumber(raw: string): number {
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
  if (Number.isFinite(n) && n > 18000 && n < 120000) return new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86400000).getUTCFullYear();
  return NaN;
}

interface TCompiledHeader { index: number; column: TColumn; header: string }

/** Maps file headers to canonical columns; reports duplicates and a missing category column. */
export function mapHeaders(headers: string[], mapping?: TInventoryMapping): { columns: TCompiledHeader[]; errors: TLineError[] } {
  const errors: TLineError[] = [];
  const explicit = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping?.columns ?? {})) explicit.set(normaliseHeader(from), to);
  const columns: TCompiledHeader[] = [];
  const seen = new Map<TColumn, string>();
  headers.forEach((h, index) => {
    const key = normaliseHeader(h);
    if (key === '') return;
    const target = explicit.get(key) ?? HEADER_INDEX.get(key);
    if (!target) return; // Unknown columns are kept out on purpose: exports carry many columns we do not need.
    const column = (HEADER_INDEX.get(normaliseHeader(target)) ?? target) as TColumn;
    if (!NUMERIC.has(column) && !TEXT.has(column)) {
      errors.push({ line: 1, column: h, message: `the mapping sends this column to "${target}", which is not an inventory column` });
      return;
    }
    const prev = seen.get(column);
    if (prev !== undefined) {
      // Two source columns for one canonical column: the first wins when a preset lists alternatives.
      if (explicit.has(key) && explicit.has(normaliseHeader(prev))) return;
      errors.push({ line: 1, column: h, message: `duplicate column: "${prev}" already gives ${column}; remove or rename one of them` });
      return;
    }
    seen.set(column, h);
    columns.push({ index, column, header: h });
  });
  if (!seen.has('category') && mapping?.defaults?.category === undefined) {
    errors.push({ line: 1, column: 'category', message: 'missing column "category" (or "catégorie"): every line needs a category such as laptop, monitor or server' });
  }
  return { columns, errors };
}

/** Turns one table row into an inventory line, or errors. */
export function rowToLine(row: TTableRow, columns: TCompiledHeader[], mapping: TInventoryMapping | undefined, valueMaps: Map<string, Map<string, string>>): { line?: TInventoryLine; errors: TLineError[] } {
  const errors: TLineError[] = [];
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(mapping?.defaults ?? {})) out[k] = v;
  for (const { index, column, header } of columns) {
    const raw = (row.cells[index] ?? '').trim();
    if (raw === '') continue;
    if (NUMERIC.has(column)) {
      const n = column === 'purchase_year' ? parseYear(raw) : parseLocaleNumber(raw);
      const rule = NUMERIC_RULES[column];
      if (!Number.isFinite(n)) { errors.push({ line: row.line, column: header, message: `"${raw}" is not a number; expected ${rule?.hint ?? 'a number'} (decimal point or comma)` }); continue; }
      if (rule && ((rule.min !== undefined && (rule.minExclusive ? n <= rule.min : n < rule.min)) || (rule.max !== undefined && n > rule.max))) {
        errors.push({ line: row.line, column: header, message: `${raw} is out of range; expected ${rule.hint}` }); continue;
      }
      if (rule === undefined && n < 0) { errors.push({ line: row.line, column: header, message: `${raw} is negative; expected a positive number` }); continue; }
      out[column] = n;
    } else {
      const vm = valueMaps.get(column);
      out[column] = vm?.get(normaliseHeader(raw)) ?? raw;
    }
  }
  if (out.category === undefined || out.category === '') {
    const cat = columns.find((c) => c.column === 'category');
    errors.push({ line: row.line, column: cat?.header ?? 'category', message: 'empty category; give one such as laptop, desktop, monitor, smartphone, server, cloud_instance or data_transfer' });
  }
  if (out.form_factor !== undefined) {
    const f = String(out.form_factor).toLowerCase();
    if (f !== 'rack' && f !== 'blade' && f !== 'tower') errors.push({ line: row.line, column: columns.find((c) => c.column === 'form_factor')?.header ?? 'form_factor', message: `"${out.form_factor}" is not a form factor; use rack, blade or tower` });
    else out.form_factor = f;
  }
  if (out.transfer_model !== undefined) {
    const m = String(out.transfer_model).toLowerCase().replace(/[^a-z0-9]/g, '');
    if (m === 'swd' || m === 'sustainablewebdesign') out.transfer_model = 'swd';
    else if (m === '1byte' || m === 'onebyte') out.transfer_model = '1byte';
    else errors.push({ line: row.line, column: columns.find((c) => c.column === 'transfer_model')?.header ?? 'transfer_model', message: `"${out.transfer_model}" is not a transfer model; use swd or 1byte` });
  }
  return errors.length ? { errors } : { line: out as unknown as TInventoryLine, errors };
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
export async function readInventory(path: string, onLine: (line: TInventoryLine, lineNo: number) => TLineError[] | void, options: TReadInventoryOptions = {}): Promise<TReadInventorySummary> {
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
  let columns: TCompiledHeader[] = [];
  let lines = 0;
  let headerBroken = false;
  for await (const row of readTableRows(path, options, info)) {
    if (row.cells.length === 1 ? row.cells[0].trim() === '' : row.cells.every((c) => c.trim() === '')) continue;
    if (!headers) {
      headers = row.cells.map((c) => c.trim());
      const mapped = mapHeaders(headers, mapping);
      columns = mapped.columns;
      if (mapped.errors.length) { addErrors(mapped.errors.map((e) => ({ ...e, line: row.line }))); headerBroken = true; }
      continue;
    }
    if (headerBroken) break; // Without usable headers every line would repeat the same error.
    lines++;
    const { line, errors: es } = rowToLine(row, columns, mapping, valueMaps);
    if (es.length) { addErrors(es); continue; }
    if (line) { const more = onLine(line, row.line); if (more && more.length) addErrors(more); }
  }
  if (!headers) addErrors([{ line: 1, column: 'category', message: 'the file is empty: it needs a header line and at least one line' }]);
  if (errorCount > errors.length) errors.push({ line: 0, column: '-', message: `${errorCount - errors.length} more errors not shown` });
  return { lines, errors, errorCount, headers: headers ?? [], info };
}

/** Reads a whole inventory into memory (small files, tests, uploads saved to disk). */
export async function readInventoryFile(path: string, options: TReadInventoryOptions = {}): Promise<TReadInventorySummary & { items: { line: number; data: TInventoryLine }[] }> {
  const items: { line: number; data: TInventoryLine }[] = [];
  const summary = await readInventory(path, (data, line) => { items.push({ line, data }); }, options);
  return { ...summary, items };
}
