import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, measurePage } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

/** Every public page: no axe violation, EcoIndex grade A, in both languages. */
describe.skipIf(!hasChromium)('public pages in Chromium', () => {
  let t: TTestDb;
  let server: TRunningServer;
  let browser: Browser;
  let paths: string[] = [];

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    server = await startServer(t.db, {}, { seed: true, demo: true });
    browser = await launchBrowser();
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text();
    // The sitemap lists absolute URLs on the configured host; keep the paths and visit them on the test server.
    paths = [...xml.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
    // Keep the run short: every top-level page and a sample of the deeper ones.
    const top = paths.filter((p) => p.split('/').length <= 2);
    const deep = paths.filter((p) => p.split('/').length > 2).slice(0, 6);
    paths = [...top, ...deep];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.destroy();
  });

  it('has no accessibility violation and grade A on every public page', async () => {
    expect(paths.length).toBeGreaterThan(0);
    const report: string[] = [];
    for (const path of paths) {
      for (const lang of ['fr', 'en']) {
        const url = `${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
        const page = await browser.newPage();
        const res = await page.goto(url);
        expect(res?.status(), url).toBeLessThan(400);
        const violations = await axeViolations(page);
        await page.close();
        expect(violations, `${url}: ${JSON.stringify(violations)}`).toEqual([]);
        const m = await measurePage(browser, url);
        report.push(
          `${path} [${lang}] dom=${m.dom} req=${m.requests} kb=${m.kb.toFixed(1)} ecoindex=${m.score.toFixed(1)} ${m.grade}`,
        );
        expect(m.grade, `${url} dom=${m.dom} req=${m.requests} kb=${m.kb}`).toBe('A');
      }
    }
    console.log(report.join('\n'));
  });
});
