import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network.js';
import { axeViolations, hasChromium, launchBrowser, measurePage } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { startServer, type TRunningServer } from '../helpers/server.js';
import { addMember, makeUser } from '../helpers/factories.js';
import { nowIso } from '../../src/db/client.js';
import { hashSecret, newSecret } from '../../src/http/tokens.js';

describe.skipIf(!hasChromium)('annual review in Chromium', () => {
  let t: TTestDb;
  let server: TRunningServer;
  let browser: Browser;
  const year = new Date().getUTCFullYear() - 1;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    server = await startServer(t.db, {}, { seed: true, demo: false });
    // A small generated network: enough members for every section to pass the 5-organisation threshold.
    await generateNetwork(t.db, { organisations: 120, all: true, years: 2, lastYear: year });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.destroy();
  });

  it('shows charts with their tables, passes axe, is light, downloads the CSV and prints the PDF', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/review/${year}`);
    expect(await page.textContent('h1')).toContain(String(year));
    // Every chart is an SVG followed by its data table.
    const charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => ({ svg: !!f.querySelector('svg'), rows: f.querySelectorAll('table tbody tr').length })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const c of charts) expect(c.svg && c.rows > 0).toBe(true);
    expect(await page.locator('#table-sector tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart-maturity-title').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="/review/${year}.csv"]`)]);
    expect(download.suggestedFilename()).toBe(`techcare-review-${year}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('section,dimension,key,metric,value');
    expect(csv).toMatch(/^signatories,total,\d{4},count,\d+$/m);

    // The PDF edition is printed by the same Chromium.
    const pdf = await fetch(`${server.url}/review/${year}/pdf?lang=fr`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const m = await measurePage(browser, `${server.url}/review/${year}`);
    expect(m.grade, JSON.stringify(m)).toBe('A');
    console.log(
      `review page: ${m.dom} DOM nodes, ${m.requests} requests, ${m.kb.toFixed(1)} KB, EcoIndex ${m.grade} (${m.score.toFixed(0)})`,
    );
    await context.close();
  });

  it('shows a member its report with the benchmark table, without accessibility violations', async () => {
    const org = await t.db
      .selectFrom('footprint_results')
      .select('organisation_id')
      .where('year', '=', year)
      .orderBy('organisation_id')
      .executeTakeFirstOrThrow();
    const user = await makeUser(t.db);
    await addMember(t.db, org.organisation_id, user.id, 'owner');
    const token = newSecret();
    await t.db
      .insertInto('sessions')
      .values({
        token_hash: hashSecret(token),
        user_id: user.id,
        created_at: nowIso(),
        expires_at: nowIso(new Date(Date.now() + 86_400_000)),
      })
      .execute();
    const context = await browser.newContext({ locale: 'en-GB' });
    await context.addCookies([{ name: 'techcare_session', value: token, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/organisations/${org.organisation_id}/report/${year}?lang=en`);
    expect(await page.locator('#table-benchmark tbody tr').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
