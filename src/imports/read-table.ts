/**
 * Generic table reader: CSV or XLSX → rows of plain strings, with encoding (UTF-8 with or without BOM,
 * Windows-1252) and delimiter (`,` `;` tab) detection. Reused by every import (inventories, training catalogue,
 * skills). CSV is streamed, so a file of a million lines never sits whole in memory.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';

/** The XLSX reader (and its ZIP library) loads only when an XLSX file is read: CSV imports and the CLI skip it. */
async function readXlsxFile(input: string | Buffer, options?: { sheet: number | string }) {
  return (await import('read-excel-file/node')).default(input, options);
}
import { checkZipArchive, ZipRefusedError, ZIP_LIMITS, type TZipProblem } from './zip-guard.js';

export type TEncoding = 'utf-8' | 'windows-1252';
export type TDelimiter = ',' | ';' | '\t';
/** One row: its 1-based line number in the file (first physical line for multi-line CSV records) and its cells. */
export interface TTableRow {
  line: number;
  cells: string[];
}
export interface TTableInfo {
  kind: 'csv' | 'xlsx';
  encoding?: TEncoding;
  delimiter?: TDelimiter;
}
export interface TReadTableOptions {
  encoding?: TEncoding;
  delimiter?: TDelimiter /** XLSX sheet name or 1-based number. */;
  sheet?: string | number;
}

/** Which reader a file name calls for. */
export function tableKind(path: string): 'csv' | 'xlsx' {
  return /\.xlsx$/i.test(path) ? 'xlsx' : 'csv';
}

/**
 * Detects the encoding from the first bytes: BOM or valid UTF-8 → utf-8, else Windows-1252. `truncated` says the
 * sample is the start of a longer file (it may then end inside a multi-byte character).
 */
export function detectEncoding(sample: Uint8Array, truncated = false): TEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  let end = sample.length;
  for (let k = 1; truncated && k <= 3 && end - k >= 0; k++) {
    const b = sample[end - k];
    if (b === undefined) break;
    if ((b & 0xc0) === 0xc0) {
      end -= k;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Detects the delimiter from the first non-blank line: the most frequent of `;` `,` tab outside quotes. */
export function detectDelimiter(text: string): TDelimiter {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts: Record<TDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/**
 * Parses CSV text incrementally. Fields may be quoted with `"` (doubled inside), and quoted fields may hold the
 * delimiter and line breaks. The fast path splits unquoted lines directly.
 */
export class CsvRowParser {
  private rest = '';
  private line = 0;
  constructor(private readonly delimiter: TDelimiter) {}

  /** Feeds a chunk; returns the complete rows it finished. Pass `final` with the last chunk. */
  push(chunk: string, final = false): TTableRow[] {
    const text = this.rest + chunk;
    const rows: TTableRow[] = [];
    const d = this.delimiter;
    let pos = 0;
    // Position of the next quote, searched once for many lines: most files have no quotes at all, so the fast
    // path below never looks inside a line twice.
    let quote = text.indexOf('"');
    if (quote === -1) quote = Infinity;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1 && !final) break;
      const end = nl === -1 ? text.length : nl;
      if (end === pos && nl === -1) {
        pos = text.length;
        break;
      }
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote === -1) quote = Infinity;
      }
      if (quote >= end) {
        const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end; // CRLF
        this.line++;
        rows.push({ line: this.line, cells: text.slice(pos, stop).split(d) });
        pos = nl === -1 ? text.length : nl + 1;
        if (nl === -1) break;
        continue;
      }
      const parsed = this.parseQuoted(text, pos, final);
      if (!parsed) break;
      rows.push({ line: this.line + 1, cells: parsed.cells });
      this.line += parsed.lines;
      pos = parsed.next;
      if (pos >= text.length) break;
    }
    this.rest = text.slice(pos);
    return rows;
  }

  /** Parses one record with quotes from `start`; null when the record is not complete yet. */
  private parseQuoted(
    text: string,
    start: number,
    final: boolean,
  ): { cells: string[]; next: number; lines: number } | null {
    const d = this.delimiter;
    const cells: string[] = [];
    let cell = '';
    let i = start;
    let lines = 1;
    let quoted = false;
    while (i < text.length) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          if (i + 1 >= text.length && !final) return null;
          quoted = false;
          i++;
          continue;
        }
        if (ch === '\n') lines++;
        cell += ch;
        i++;
        continue;
      }
      if (ch === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
        i++;
        continue;
      }
      if (ch === d) {
        cells.push(cell);
        cell = '';
        i++;
        continue;
      }
      if (ch === '\n') {
        cells.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell);
        return { cells, next: i + 1, lines };
      }
      cell += ch;
      i++;
    }
    if (!final) return null;
    cells.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell);
    return { cells, next: text.length, lines };
  }
}

async function readSample(path: string, size = 65536): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** A cell value of read-excel-file → string (cached values of formulas, dates as ISO dates, numbers with `.`). */
function cellToString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** A file no reader can read: a workbook refused by the archive checks, or not a workbook at all. */
export class UnreadableTableError extends Error {
  constructor(
    public readonly problem: TZipProblem | 'not-xlsx',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads an XLSX workbook held in memory into rows, after the archive checks of `zip-guard.ts` (entry count and
 * unpacked size capped): a zip bomb or random bytes raise `UnreadableTableError`, never exhaust the process.
 */
async function readXlsxRows(buffer: Buffer, options: TReadTableOptions, limits = ZIP_LIMITS): Promise<TTableRow[]> {
  try {
    checkZipArchive(buffer, limits);
  } catch (err) {
    if (err instanceof ZipRefusedError) throw new UnreadableTableError(err.problem, err.message);
    throw err;
  }
  let rows;
  try {
    rows = await readXlsxFile(buffer, options.sheet !== undefined ? { sheet: options.sheet } : undefined);
  } catch (err) {
    throw new UnreadableTableError('not-xlsx', `not a readable XLSX workbook: ${(err as Error).message}`);
  }
  return rows.map((row, i) => ({ line: i + 1, cells: row.map(cellToString) }));
}

/**
 * Streams the rows of a CSV or XLSX file (header row included, as the first row). Blank rows are kept (with
 * their line numbers) so callers can count lines; callers skip them.
 */
export async function* readTableRows(
  path: string,
  options: TReadTableOptions = {},
  info: TTableInfo = { kind: tableKind(path) },
): AsyncGenerator<TTableRow> {
  for await (const batch of readTableBatches(path, options, info)) yield* batch;
}

/**
 * Same as `readTableRows`, in batches (one per chunk of about 1 MB): cheaper per row than one async step per
 * row, which matters for files of a million lines. XLSX files are read whole (the format is a zip archive).
 */
export async function* readTableBatches(
  path: string,
  options: TReadTableOptions = {},
  info: TTableInfo = { kind: tableKind(path) },
): AsyncGenerator<TTableRow[]> {
  info.kind = tableKind(path);
  if (info.kind === 'xlsx') {
    yield await readXlsxRows(await readFile(path), options);
    return;
  }
  const sampleSize = 65536;
  const sample = await readSample(path, sampleSize);
  const encoding = options.encoding ?? detectEncoding(sample, sample.length === sampleSize);
  const sampleText =
    encoding === 'utf-8' ? new TextDecoder('utf-8').decode(sample) : iconv.decode(Buffer.from(sample), 'win1252');
  const delimiter = options.delimiter ?? detectDelimiter(sampleText.replace(/^\uFEFF/, ''));
  info.encoding = encoding;
  info.delimiter = delimiter;
  const parser = new CsvRowParser(delimiter);
  const decoder = encoding === 'utf-8' ? new TextDecoder('utf-8') : undefined;
  const w1252 = encoding === 'windows-1252' ? iconv.getDecoder('win1252') : undefined;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let text = decoder
      ? decoder.decode(chunk as Buffer, { stream: true })
      : (w1252 as { write(b: Buffer): string }).write(chunk as Buffer);
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    yield parser.push(text);
  }
  yield parser.push(decoder ? decoder.decode() : '', true);
}

/** Reads a whole table into memory: headers (first non-blank row) and the non-blank rows after it. */
export async function readTable(
  path: string,
  options: TReadTableOptions = {},
): Promise<{ headers: string[]; rows: TTableRow[]; info: TTableInfo }> {
  const info: TTableInfo = { kind: tableKind(path) };
  let headers: string[] | undefined;
  const rows: TTableRow[] = [];
  for await (const row of readTableRows(path, options, info)) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (!headers) headers = row.cells.map((c) => c.trim());
    else rows.push(row);
  }
  return { headers: headers ?? [], rows, info };
}

/** Decodes and parses an in-memory CSV (an upload), with the same detection as files. */
export function parseCsvBuffer(
  buffer: Uint8Array,
  options: TReadTableOptions = {},
): { rows: TTableRow[]; info: TTableInfo } {
  const encoding = options.encoding ?? detectEncoding(buffer.subarray(0, 65536), buffer.length > 65536);
  const text = (
    encoding === 'utf-8' ? new TextDecoder('utf-8').decode(buffer) : iconv.decode(Buffer.from(buffer), 'win1252')
  ).replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  return { rows: new CsvRowParser(delimiter).push(text, true), info: { kind: 'csv', encoding, delimiter } };
}

/** Parses an in-memory XLSX (an upload) into rows of strings. */
export async function parseXlsxBuffer(
  buffer: Buffer,
  options: TReadTableOptions = {},
): Promise<{ rows: TTableRow[]; info: TTableInfo }> {
  return { rows: await readXlsxRows(buffer, options), info: { kind: 'xlsx' } };
}

/** Normalises a header or a label for matching: lower case, no accents, no spaces, `-`, `_`, `'` or `.`. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_'’.()/]+/g, '');
}
