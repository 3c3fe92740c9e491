import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CsvRowParser,
  detectDelimiter,
  detectEncoding,
  getPreset,
  mapHeaders,
  parseCsvBuffer,
  parseLocaleNumber,
  parseYear,
  readInventoryFile,
  readTable,
  rowToLine,
  ZInventoryMapping,
} from './index.js';

const fx = (f: string): string => join(process.cwd(), 'test/fixtures/inventories', f);

describe('numbers and years', () => {
  it('reads decimal points, decimal commas, thousands separators and percents', () => {
    expect(parseLocaleNumber('4,5')).toBe(4.5);
    expect(parseLocaleNumber('1 234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1\u202f234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1.234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1,234.5')).toBe(1234.5);
    expect(parseLocaleNumber('50%')).toBe(50);
    expect(parseLocaleNumber('1e3')).toBe(1000);
    expect(parseLocaleNumber('dix')).toBeNaN();
    expect(parseLocaleNumber('')).toBeNaN();
  });
  it('reads years from years, ISO and French dates, Excel serials', () => {
    expect(parseYear('2023')).toBe(2023);
    expect(parseYear('2023-03-15')).toBe(2023);
    expect(parseYear('12/01/2021')).toBe(2021);
    expect(parseYear('45000')).toBe(2023);
    expect(parseYear('soon')).toBeNaN();
  });
});

describe('table reader', () => {
  it('detects encodings and delimiters', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0x63, 0x61, 0x74, 0xe9]))).toBe('windows-1252');
    expect(detectEncoding(new TextEncoder().encode('catégorie'))).toBe('utf-8');
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,"b;c",d')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });
  it('parses quoted fields with delimiters, doubled quotes and line breaks, across chunks', () => {
    const p = new CsvRowParser(',');
    const rows = [...p.push('a,"b,\nc",d\ne,"f'), ...p.push('""g"""\nh,i', true)];
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b,\nc', 'd'] },
      { line: 3, cells: ['e', 'f"g"'] },
      { line: 4, cells: ['h', 'i'] },
    ]);
  });
  it('mixes quoted and unquoted CRLF lines in one chunk (the quote search is shared across lines)', () => {
    const rows = new CsvRowParser(',').push('a,b\r\n"c,d",e\r\nf,g\r\n\r\nh,"i"\r\n', true);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c,d', 'e'] },
      { line: 3, cells: ['f', 'g'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['h', 'i'] },
    ]);
  });
  it('reads a Windows-1252, semicolon file with CRLF and blank lines', async () => {
    const t = await readTable(fx('win1252-semicolon.csv'));
    expect(t.info).toEqual({ kind: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(t.headers[0]).toBe('Catégorie');
    expect(t.rows.map((r) => r.line)).toEqual([3, 4, 7]);
    expect(t.rows[1]?.cells[0]).toBe('écran');
  });
  it('parses uploads in memory with the same detection', () => {
    const { rows, info } = parseCsvBuffer(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('x;y\n1;2\n')]),
    );
    expect(info.delimiter).toBe(';');
    expect(rows[0]?.cells).toEqual(['x', 'y']);
  });
  it('reads XLSX with the cached values of formulas', async () => {
    const t = await readTable(fx('formulas.xlsx'));
    expect(t.headers).toEqual(['Catégorie', 'Quantité', 'Durée de vie', 'Pays', 'Libellé']);
    expect(t.rows[0]?.cells.slice(0, 3)).toEqual(['laptop', '20', '5']);
    expect(t.rows[1]?.cells[2]).toBe('6');
  });
});

describe('inventory reader', () => {
  it('reads a load as a percentage or a fraction (0.5 and 50 % are the same) and refuses a bare 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'techcare-load-'));
    const file = join(dir, 'loads.csv');
    writeFileSync(file, 'category;cpu_load_pct\nserver;0,5\nserver;50 %\nserver;50\nserver;1\nserver;1 %\nserver;0\n');
    const r = await readInventoryFile(file);
    expect(r.items.map((i) => i.data.cpu_load_pct)).toEqual([50, 50, 50, 1, 0]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 5, column: 'cpu_load_pct', code: 'ambiguous-load' });
    expect(r.errors[0]!.message).toMatch(/could mean 100 % \(a fraction\) or 1 %; write 100 % or 1 %/);
  });
  it('UTF-8 with BOM, comma-separated', async () => {
    const r = await readInventoryFile(fx('utf8-bom-comma.csv'));
    expect(r.errors).toEqual([]);
    expect(r.items).toEqual([
      { line: 2, data: { category: 'laptop', quantity: 10, lifespan_years: 4, country: 'FRA' } },
      { line: 3, data: { category: 'monitor', quantity: 5, country: 'FR', power_w: 30, hours_per_year: 2000 } },
    ]);
  });
  it('French headers, decimal commas, blank lines, Windows-1252', async () => {
    const r = await readInventoryFile(fx('win1252-semicolon.csv'));
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.line)).toEqual([3, 4, 7]);
    expect(r.items[0]?.data).toEqual({
      category: 'laptop',
      quantity: 10,
      lifespan_years: 4.5,
      purchase_year: 2023,
      country: 'FRA',
    });
    expect(r.items[1]?.data).toMatchObject({ category: 'écran', power_w: 30.5, hours_per_year: 2000, country: 'FR' });
  });
  it('quoted labels with line breaks keep the first line number of the record', async () => {
    const r = await readInventoryFile(fx('quoted.csv'));
    expect(r.items.map((i) => [i.line, i.data.label])).toEqual([
      [2, 'Portables, siège\nParis'],
      [4, 'écran "24"'],
    ]);
  });
  it('XLSX with formulas', async () => {
    const r = await readInventoryFile(fx('formulas.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => [i.line, i.data.category, i.data.quantity, i.data.lifespan_years])).toEqual([
      [2, 'laptop', 20, 5],
      [3, 'monitor', 12, 6],
      [5, 'smartphone', 7.5, 2.5],
    ]);
  });
  it('collects every error with line, column as written and a hint', async () => {
    const r = await readInventoryFile(fx('errors.csv'));
    const got = r.errors.map((e) => `${e.line}|${e.column}`);
    expect(got).toEqual(['2|quantity', '4|lifespan_years', '6|pue', '7|quantity']);
    expect(r.errors[0]?.message).toMatch(/"dix" is not a number; expected a number of units/);
    expect(r.errorCount).toBe(4);
  });
  it('a file without category column fails on line 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-'));
    writeFileSync(join(dir, 'x.csv'), 'quantité;pays\n1;FRA\n');
    const r = await readInventoryFile(join(dir, 'x.csv'));
    expect(r.errors[0]).toMatchObject({ line: 1, column: 'category' });
    writeFileSync(join(dir, 'd.csv'), 'category;catégorie\nlaptop;laptop\n');
    expect((await readInventoryFile(join(dir, 'd.csv'))).errors[0]).toMatchObject({ line: 1, column: 'catégorie' });
  });
  it('rowToLine: row after row with the same columns, values mapped, errors with codes', () => {
    const { columns } = mapHeaders(['Catégorie', 'Quantité', 'Format']);
    const mapping = ZInventoryMapping.parse({
      values: { category: { Portable: 'laptop' } },
      defaults: { country: 'FRA' },
    });
    const valueMaps = new Map([['category', new Map([['portable', 'laptop']])]]);
    expect(rowToLine({ line: 2, cells: ['Portable', '3', ''] }, columns, mapping, valueMaps)).toEqual({
      line: { country: 'FRA', category: 'laptop', quantity: 3 },
      errors: [],
    });
    expect(rowToLine({ line: 3, cells: ['server', '1,5', 'Rack'] }, columns, mapping, valueMaps).line).toEqual({
      country: 'FRA',
      category: 'server',
      quantity: 1.5,
      form_factor: 'rack',
    });
    const bad = rowToLine({ line: 4, cells: ['', 'x', 'cube'] }, columns, mapping, valueMaps);
    expect(bad.line).toBeUndefined();
    expect(bad.errors.map((e) => [e.column, e.code])).toEqual([
      ['Quantité', 'not-a-number'],
      ['Catégorie', 'empty-category'],
      ['Format', 'bad-form-factor'],
    ]);
    expect(rowToLine({ line: 5, cells: ['tablet', '2', ''] }, columns, undefined, new Map())).toEqual({
      line: { category: 'tablet', quantity: 2 },
      errors: [],
    });
  });
  it('mapping file: columns, value maps and defaults', async () => {
    const mapping = ZInventoryMapping.parse(
      JSON.parse(await import('node:fs').then((m) => m.readFileSync(fx('mapping.json'), 'utf8'))),
    );
    const r = await readInventoryFile(fx('mapped.csv'), { mapping });
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.data)).toEqual([
      { country: 'FRA', category: 'laptop', quantity: 4, site: 'Nantes' },
      { country: 'FRA', category: 'monitor', quantity: 4, site: 'Nantes' },
    ]);
  });
  it.each([
    [
      'glpi',
      'glpi.csv',
      [
        ['laptop', 2023, 'Paris'],
        ['desktop', 2021, 'Lyon'],
        ['server', 2022, 'Paris'],
      ],
    ],
    [
      'snipe-it',
      'snipe-it.csv',
      [
        ['laptop', 2024, 'Paris'],
        ['monitor', 2022, 'Paris'],
        ['smartphone', 2023, 'Lyon'],
      ],
    ],
    [
      'intune',
      'intune.csv',
      [
        ['laptop', undefined, undefined],
        ['smartphone', undefined, undefined],
        ['tablet', undefined, undefined],
      ],
    ],
  ])('preset %s', async (name, file, expected) => {
    const r = await readInventoryFile(fx(file), { mapping: getPreset(name) });
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => [i.data.category, i.data.purchase_year, i.data.site])).toEqual(expected);
  });
  it('skip rules leave rows out by status, counted per value; models are kept; rules on absent columns do nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'techcare-skip-'));
    const file = join(dir, 'snipe.csv');
    writeFileSync(
      file,
      'Asset Tag,Model,Category,Status\nA-1,MacBook Air,Laptops,Deployed\nA-2,MacBook Air,Laptops,Ready to Deploy\nA-3,P2422H,Monitors,archived\nA-4,P2422H,Monitors,Archived\nA-5,Pixel 7,Mobile Phones,Pending\n',
    );
    const r = await readInventoryFile(file, { mapping: getPreset('snipe-it') });
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => [i.line, i.data.category, (i.data as { model?: string }).model])).toEqual([
      [2, 'laptop', 'MacBook Air'],
      [6, 'smartphone', 'Pixel 7'],
    ]);
    expect(r.lines).toBe(2);
    expect(r.skipped).toEqual({
      count: 3,
      reasons: [
        { column: 'Status', value: 'Ready to Deploy', count: 1 },
        { column: 'Status', value: 'archived', count: 2 },
      ],
    });
    const glpi = await readInventoryFile(fx('glpi.csv'), { mapping: getPreset('glpi') });
    expect(glpi.skipped.count).toBe(0);
    expect(glpi.items.map((i) => (i.data as { model?: string }).model)).toEqual(['Latitude 5440', 'EliteDesk', 'R740']);
    const none = await readInventoryFile(fx('utf8-bom-comma.csv'), { mapping: getPreset('glpi') });
    expect(none.skipped).toEqual({ count: 0, reasons: [] });
  });
});
