/**
 * No upload crashes the process: workbooks are unpacked under caps (entry count, unpacked size), malformed files
 * get a 4xx with a message, and an unexpected error in a request is a logged 500 page.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkZipArchive, parseXlsxBuffer, ZipRefusedError, ZIP_LIMITS } from '../../src/imports/index.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { pino } from 'pino';
import { TestClient, testApp, testConfig } from '../helpers/app.js';
import { createApp } from '../../src/http/app.js';
import { apiTokenFor, loginAs, makeOrganisation, makeUser } from '../helpers/factories.js';

const validXlsx = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'inventories', 'formulas.xlsx'));

/** A workbook-looking archive whose one sheet unpacks to `mb` MB of spaces (a few dozen KB on the wire). */
function zipBomb(mb: number): Buffer {
  const files = unzipSmall(validXlsx);
  files['xl/worksheets/sheet1.xml'] = new Uint8Array(mb * 1024 * 1024).fill(0x20);
  return Buffer.from(zipSync(files, { level: 9 }));
}

/** The entries of a small, trusted archive (the fixture). */
const unzipSmall = (buf: Buffer): Record<string, Uint8Array> => unzipSync(new Uint8Array(buf));

function refusal(buf: Buffer, limits = ZIP_LIMITS): string {
  try {
    checkZipArchive(buf, limits);
    return 'accepted';
  } catch (err) {
    if (err instanceof ZipRefusedError) return err.problem;
    throw err;
  }
}

describe('workbook archive checks', () => {
  it('accepts a real workbook and reads it', async () => {
    expect(refusal(validXlsx)).toBe('accepted');
    const { rows } = await parseXlsxBuffer(validXlsx);
    expect(rows[0]!.cells[0]).toBe('Catégorie');
  });

  it('refuses an archive that unpacks past the cap, without unpacking it whole', () => {
    const bomb = zipBomb(60);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(bomb)).toBe('too-large');
  });

  it('refuses an archive that lies about its unpacked size', () => {
    const honest = zipBomb(2);
    const liar = Buffer.from(honest);
    // The sheet's central directory record now declares 100 bytes: the inflate cap still applies.
    for (let i = liar.length - 22; i >= 0; i--) {
      if (liar.readUInt32LE(i) === 0x02014b50 && liar.readUInt32LE(i + 24) === 2 * 1024 * 1024)
        liar.writeUInt32LE(100, i + 24);
    }
    expect(refusal(liar, { maxEntries: 1000, maxUncompressedBytes: 1024 * 1024 })).toBe('too-large');
    expect(refusal(liar)).toBe('corrupt');
  });

  it('refuses an archive of too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < ZIP_LIMITS.maxEntries + 1; i++) files[`x/${i}.xml`] = new Uint8Array([0x20]);
    expect(refusal(Buffer.from(zipSync(files)))).toBe('too-many-entries');
  });

  it('refuses random bytes and a truncated workbook', () => {
    expect(refusal(randomBytes(5000))).toBe('not-a-zip');
    expect(refusal(validXlsx.subarray(0, validXlsx.length - 40))).toMatch(/not-a-zip|corrupt/);
  });

  it('refuses bytes hidden between entries (what a streaming unzipper would read)', () => {
    const files = unzipSmall(validXlsx);
    const a = Buffer.from(zipSync({ 'a.xml': files['[Content_Types].xml']! }));
    // Insert junk after the first local entry and shift the central directory offset accordingly.
    const end = a.length - 22;
    const cdOffset = a.readUInt32LE(end + 16);
    const junk = Buffer.alloc(64, 0x41);
    const forged = Buffer.concat([a.subarray(0, cdOffset), junk, a.subarray(cdOffset)]);
    forged.writeUInt32LE(cdOffset + junk.length, forged.length - 22 + 16);
    expect(refusal(forged)).toBe('corrupt');
  });
});

describe('uploads over HTTP', () => {
  let t: TTestDb;
  let orgId: number;
  let userId: number;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    const user = await makeUser(t.db);
    userId = user.id;
    orgId = (await makeOrganisation(t.db, { ownerId: user.id })).id;
  });
  afterAll(() => t.destroy());

  it('a zip bomb and random bytes uploaded as .xlsx on the page get a 422 with a clear message', async () => {
    const app = testApp(t.db);
    const client = new TestClient(app);
    await loginAs(t.db, client, userId);
    for (const [bytes, expected] of [
      [zipBomb(60), /50\s?Mo/],
      [randomBytes(20_000), /classeur XLSX lisible/],
    ] as const) {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(bytes)], 'inventaire.xlsx'));
      const res = await client.postMultipart(`/organisations/${orgId}/footprint/2024/imports`, form);
      expect(res.status).toBe(422);
      expect(await res.text()).toMatch(expected);
    }
    const imports = await t.db
      .selectFrom('footprint_imports')
      .select('id')
      .where('organisation_id', '=', orgId)
      .execute();
    expect(imports).toHaveLength(0);
    // The server still answers.
    expect((await client.get('/')).status).toBe(200);
  });

  it('the API answers 422 with the reader error for a zip bomb and for random bytes', async () => {
    const app = testApp(t.db);
    const token = await apiTokenFor(t.db, userId);
    for (const [bytes, code] of [
      [zipBomb(60), 'archive-too-large'],
      [randomBytes(20_000), 'not-a-workbook'],
    ] as const) {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(bytes)], 'inventory.xlsx'));
      const res = await app.request(`http://localhost/api/v1/organisations/${orgId}/inventories/2024`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; details: { code: string; message: string }[] } };
      expect(body.error.details[0]!.code).toBe(code);
    }
  });

  it('an unexpected error in a request is a logged 500 page, and the next request is served', async () => {
    // A logger writing its JSON lines into an array: the error must be there with its message.
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'error' },
      {
        write: (s: string) => {
          lines.push(JSON.parse(s) as Record<string, unknown>);
        },
      },
    );
    const app = createApp({ db: t.db, config: testConfig(), logger });
    app.get('/test-only/boom', () => {
      throw new Error('unexpected failure');
    });
    const client = new TestClient(app);
    const res = await client.get('/test-only/boom');
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('Une erreur est survenue');
    expect(
      lines.some(
        (l) =>
          l.msg === 'unhandled error' && (l.err as { message?: string } | undefined)?.message === 'unexpected failure',
      ),
    ).toBe(true);
    expect((await client.get('/')).status).toBe(200);
  });
});
