import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/app.js';
import { checkFileName, contentDisposition, contentMatches, uploadsDir } from './uploads.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** The first bytes of a ZIP local header followed by an uncompressed first entry, as OpenDocument files start. */
export function fakeOpenDocument(mime: string): Uint8Array {
  const header = Buffer.alloc(30);
  header.write('PK\u0003\u0004', 0, 'latin1');
  header.writeUInt16LE(8, 26);
  return new Uint8Array(Buffer.concat([header, Buffer.from(`mimetype${mime}`, 'latin1'), Buffer.alloc(64)]));
}

describe('upload checks', () => {
  it('accepts ordinary names and gives a safe display name', () => {
    expect(checkFileName('Rapport été 2025.pdf')).toEqual({
      ok: true,
      ext: 'pdf',
      displayName: 'Rapport été 2025.pdf',
    });
    expect(checkFileName('budget.v2.XLSX')).toMatchObject({ ok: true, ext: 'xlsx', displayName: 'budget.v2.xlsx' });
    expect(checkFileName('a<b>"c".csv')).toMatchObject({ ok: true, displayName: 'a_b_c_.csv' });
  });

  it('rejects traversal, control characters, wrong and double extensions', () => {
    for (const name of [
      '../../etc/passwd.pdf',
      '..\\boot.pdf',
      'a/b.pdf',
      'x\u0000.pdf',
      'x\n.pdf',
      'x.pdf.exe',
      'x.exe.pdf',
      'slides.odp.js',
      'noext',
      'image.svg',
      '',
    ]) {
      expect(checkFileName(name).ok, name).toBe(false);
    }
  });

  it('checks magic bytes against the extension', () => {
    expect(contentMatches('pdf', bytes('%PDF-1.7\n…'))).toBe(true);
    expect(contentMatches('pdf', bytes('MZ\u0090\u0000 executable'))).toBe(false);
    expect(contentMatches('ods', fakeOpenDocument('application/vnd.oasis.opendocument.spreadsheet'))).toBe(true);
    expect(contentMatches('odp', fakeOpenDocument('application/vnd.oasis.opendocument.spreadsheet'))).toBe(false);
    expect(contentMatches('xlsx', bytes('PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml'))).toBe(true);
    expect(contentMatches('pptx', bytes('PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml'))).toBe(false);
    expect(contentMatches('csv', bytes('year;kWh\n2025;12,5\n'))).toBe(true);
    expect(contentMatches('csv', bytes('PK\u0003\u0004\u0000\u0000binary'))).toBe(false);
  });

  it('builds a Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    const h = contentDisposition('Rapport été "final".pdf');
    expect(h).toContain('filename="Rapport ete _final_.pdf"');
    expect(h).toContain("filename*=UTF-8''Rapport%20%C3%A9t%C3%A9%20%22final%22.pdf");
  });
});

describe('uploads folder', () => {
  it('comes from TECHCARE_UPLOADS_DIR, else sits beside the SQLite file, else ./data/uploads with PostgreSQL', () => {
    expect(uploadsDir(testConfig({ TECHCARE_UPLOADS_DIR: '/srv/techcare/files' }))).toBe('/srv/techcare/files');
    expect(uploadsDir(testConfig({ DATABASE_URL: 'sqlite:/var/lib/techcare/techcare.db' }))).toBe(
      '/var/lib/techcare/uploads',
    );
    expect(uploadsDir(testConfig({ DATABASE_URL: 'postgres://u@db/techcare' }))).toBe(resolve('data/uploads'));
    // The process environment is not read behind the configuration's back.
    process.env.TECHCARE_UPLOADS_DIR = '/somewhere/else';
    try {
      expect(uploadsDir(testConfig({ DATABASE_URL: 'postgres://u@db/techcare' }))).toBe(resolve('data/uploads'));
    } finally {
      delete process.env.TECHCARE_UPLOADS_DIR;
    }
  });
});
