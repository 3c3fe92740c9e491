/**
 * The one CSV writer of every export (footprint results, inventory templates, training catalogues, the annual
 * review). Cells are quoted when they hold the delimiter, a quote or a line break, and a text cell that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return: OWASP's "CSV
 * injection" list) is written with a leading `'`, which spreadsheets show as text. Numbers are written as numbers,
 * so a negative number stays a number.
 */
export type TCsvValue = string | number | boolean | null | undefined;

export interface TCsvOptions {
  delimiter?: ',' | ';' | '\t';
  /** Line end: CRLF (RFC 4180, the default) or LF. */
  eol?: '\r\n' | '\n';
  /** Start with a UTF-8 byte order mark (spreadsheet software then reads accents right). */
  bom?: boolean;
  /** Write numbers with a decimal comma (French spreadsheets); the delimiter should then be `;`. */
  decimalComma?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text would be run as a formula by a spreadsheet. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Undoes the writer's neutralisation when a file written by it is read back (`'=x` → `=x`). */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: TCsvValue, options: TCsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  const delimiter = options.delimiter ?? ',';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = options.decimalComma ? String(value).replace('.', ',') : String(value);
    return text.includes(delimiter) ? `"${text}"` : text;
  }
  text = typeof value === 'boolean' ? String(value) : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return text.includes(delimiter) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: rows of cells, each line ended by `eol` (the last one too). */
export function writeCsv(rows: readonly (readonly TCsvValue[])[], options: TCsvOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((v) => csvCell(v, options)).join(delimiter)).join(eol);
  return `${options.bom ? '\uFEFF' : ''}${body}${eol}`;
}
