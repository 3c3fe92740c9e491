import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/client.js';
import { getFootprintResult } from '../../src/features/footprint/index.js';
import { createImportRow, runImport } from '../../src/features/footprint/import-inventory.js';
import { hashSecret, newSecret } from '../../src/http/tokens.js';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { axeViolations, hasChromium, launchBrowser, measurePage } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { pdfText } from '../helpers/pdf.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

const fixtures = join(import.meta.dirname, '../fixtures/footprint');
const spaces = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

/** A member uploads the filled template, sees the charts, compares with last year and downloads the PDF. */
describe.skipIf(!hasChromium)('footprint in Chromium', () => {
  let t: TTestDb;
  let server: TRunningServer;
  let browser: Browser;
  let orgId: number;
  let session: string;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    server = await startServer(t.db);
    browser = await launchBrowser();
    const user = await makeUser(t.db);
    orgId = (await makeOrganisation(t.db, { ownerId: user.id, name: 'Atelier Numérique' })).id;
    // Last year's inventory is already there (imported through the same service).
    const target = { orgId, year: 2024, userId: user.id, source: 'upload' };
    const id = await createImportRow(t.db, target, 'inventaire-2024.csv', null);
    const out = await runImport(t.db, id, target, { kind: 'file', path: join(fixtures, 'inventory-fr-2024.csv') });
    expect(out.ok).toBe(true);
    session = newSecret();
    await t.db
      .insertInto('sessions')
      .values({
        token_hash: hashSecret(session),
        user_id: user.id,
        created_at: nowIso(),
        expires_at: nowIso(new Date(Date.now() + 86_400_000)),
      })
      .execute();
  });
  afterAll(async () => {
    await browser?.close();
    await closePdfBrowser();
    await server?.close();
    await t?.destroy();
  });

  it('uploads, shows charts, compares and exports a PDF with the totals', async () => {
    const cookies = [{ name: 'techcare_session', value: session, url: server.url }];
    const context = await browser.newContext({ acceptDownloads: true, locale: 'fr-FR' });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${server.url}/organisations/${orgId}/footprint/2025/inventory`);
    await page.setInputFiles('#f-file', join(fixtures, 'inventory-fr-2025.csv'));
    await page.getByRole('button', { name: 'Importer' }).click();
    // The status page refreshes itself (meta refresh) until the import ends, however long that takes here.
    await page.getByRole('link', { name: 'Voir le résultat' }).waitFor({ timeout: 0 });
    await page.getByRole('link', { name: 'Voir le résultat' }).click();
    await page.waitForURL(`**/footprint/2025`);
    for (const id of ['by-tier', 'by-phase', 'by-category', 'by-entity'])
      expect(await page.locator(`figure[aria-labelledby="${id}-title"] svg rect`).count(), id).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    const resultUrl = page.url();

    await page.getByRole('link', { name: 'Comparer avec 2024' }).click();
    await page.waitForURL('**/compare?from=2024&to=2025');
    const compare = spaces(await page.locator('main').innerText());
    expect(compare).toContain('Durée de vie plus longue');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(resultUrl);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF' }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = spaces(await pdfText(pdf));
    const result = (await getFootprintResult(t.db, orgId, 2025))!;
    const fmt = (n: number) => spaces(new Intl.NumberFormat('fr-FR', { maximumSignificantDigits: 3 }).format(n));
    expect(text).toContain(fmt(result.total.gwp!.value));
    expect(text).toContain(fmt(result.total.adpe!.value));

    // The other footprint pages: no accessibility violation either.
    const base = `${server.url}/organisations/${orgId}/footprint`;
    for (const path of [
      base,
      `${base}/2025/inventory`,
      `${base}/settings`,
      `${base}/2025/frameworks`,
      `${base}/2025/lines/new`,
      `${server.url}/methodology`,
    ]) {
      await page.goto(path);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await context.close();

    const m = await measurePage(browser, resultUrl, cookies);
    console.log(
      `result page: dom=${m.dom} req=${m.requests} kb=${m.kb.toFixed(1)} ecoindex=${m.score.toFixed(1)} ${m.grade}`,
    );
    expect(m.grade).toBe('A');
    // The inventory with its groups, filters and bulk form stays light and fits a phone.
    const inventory = await measurePage(browser, `${base}/2025/inventory`, cookies);
    console.log(
      `inventory page: dom=${inventory.dom} req=${inventory.requests} kb=${inventory.kb.toFixed(1)} ecoindex=${inventory.score.toFixed(1)} ${inventory.grade}`,
    );
    expect(inventory.grade).toBe('A');
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await phone.addCookies(cookies);
    const small = await phone.newPage();
    await small.goto(`${base}/2025/inventory`);
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
    const methodology = await measurePage(browser, `${server.url}/methodology`);
    console.log(`methodology: dom=${methodology.dom} ecoindex=${methodology.score.toFixed(1)} ${methodology.grade}`);
    expect(methodology.grade).toBe('A');
  });
});
