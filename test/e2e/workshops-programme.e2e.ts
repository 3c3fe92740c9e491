import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, measurePage, signedInContext } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { startServer, type TRunningServer } from '../helpers/server.js';
import { quickWorkshop } from '../../src/features/workshops/test-kit.js';

/** The programme view stays light and readable: twelve months by level, gaps in words, at 390 px too. */
describe.skipIf(!hasChromium)('workshop programme in Chromium', () => {
  let t: TTestDb;
  let server: TRunningServer;
  let browser: Browser;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    server = await startServer(t.db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.destroy();
  });

  it('shows every month and level, flags the gaps in words, stays EcoIndex A, accessible and without overflow at 390 px', async () => {
    const admin = await makeUser(t.db, { admin: true });
    const owner = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { kind: 'partner', ownerId: owner.id, name: 'Partenaire actif' });
    await makeOrganisation(t.db, { kind: 'partner', name: 'Partenaire muet' });
    const soon = new Date(Date.now() + 35 * 86_400_000);
    soon.setUTCHours(9, 0, 0, 0);
    await quickWorkshop(t.db, {
      organisationId: org.id,
      createdBy: owner.id,
      capacity: 10,
      startsAt: soon.toISOString(),
      levels: [1, 2],
    });
    const context = await signedInContext(browser, t.db, server.url, admin.id);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/workshops/programme?lang=en`);
    expect(await page.locator('#coverage tbody tr').count()).toBe(12);
    expect(await page.locator('#coverage').textContent()).toContain('None');
    expect(await page.locator('#silent-partners').textContent()).toContain('Partenaire muet');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const violations = await axeViolations(page);
    if (violations.length) console.log(JSON.stringify(violations));
    expect(violations).toEqual([]);
    const cookies = (await context.cookies()).map((c) => ({ name: c.name, value: c.value, url: server.url }));
    const m = await measurePage(browser, `${server.url}/workshops/programme`, cookies);
    console.log(
      `/workshops/programme dom=${m.dom} req=${m.requests} kb=${m.kb.toFixed(1)} ecoindex=${m.score.toFixed(1)} ${m.grade}`,
    );
    expect(m.grade).toBe('A');
  });
});
