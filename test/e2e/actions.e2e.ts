import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFactorSet } from '../../src/data/index.js';
import { nowIso } from '../../src/db/client.js';
import { hashSecret, newSecret } from '../../src/http/tokens.js';
import { axeViolations, hasChromium, launchBrowser, measurePage } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { apiTokenFor, makeOrganisation, makeUser } from '../helpers/factories.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

async function contextAs(browser: Browser, t: TTestDb, url: string, userId: number): Promise<BrowserContext> {
  const token = newSecret();
  await t.db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(token),
      user_id: userId,
      created_at: nowIso(),
      expires_at: nowIso(new Date(Date.now() + 3_600_000)),
    })
    .execute();
  const context = await browser.newContext({ locale: 'fr-FR' });
  await context.addCookies([{ name: 'techcare_session', value: token, url }]);
  return context;
}

const frNumber = (n: number) =>
  new Intl.NumberFormat('fr-FR', { maximumSignificantDigits: 3 }).format(n).replace(/\s/g, ' ');
const norm = (s: string) => s.replace(/\s/g, ' ');

describe.skipIf(!hasChromium)('actions in Chromium: a member simulates a longer laptop lifespan and plans it', () => {
  let t: TTestDb;
  let server: TRunningServer;
  let browser: Browser;
  let userId: number;
  let orgId: number;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    userId = (await makeUser(t.db, { name: 'Lina Lead' })).id;
    orgId = (await makeOrganisation(t.db, { name: 'Bureau Sobre', ownerId: userId, signed: true })).id;
    server = await startServer(t.db);
    // The inventory arrives through the footprint API, as the member's asset tool would send it.
    const token = await apiTokenFor(t.db, userId);
    const res = await fetch(`${server.url}/api/v1/organisations/${orgId}/inventories/2025`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        lines: [
          { category: 'laptop', quantity: 40, lifespan_years: 4 },
          { category: 'monitor', quantity: 40 },
          { category: 'smartphone', quantity: 15 },
        ],
      }),
    });
    expect(res.status).toBeLessThan(300);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.destroy();
  });

  it('simulates 4 → 6 years on laptops, adds it to the plan and sees the expected reduction', async () => {
    // The laptop's whole-life GWP in the latest factor set (ADEME/Arcep: manufacture + distribution + end of life).
    const laptop = getFactorSet().devices.laptop!;
    const gwp =
      laptop.embodied.gwp!.value + (laptop.distribution?.gwp?.value ?? 0) + (laptop.endOfLife?.gwp?.value ?? 0);
    const reduction = (40 * gwp) / 4 - (40 * gwp) / 6;
    const ctx = await contextAs(browser, t, server.url, userId);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/organisations/${orgId}/simulate`);
    const lever = page.locator('#f-extend-lifespan');
    await lever.getByLabel('Appliquer ce levier').check();
    await lever.getByLabel('Ordinateurs portables').check();
    await lever.getByLabel('Nouvelle durée de vie (années)').fill('6');
    await page.getByRole('button', { name: 'Simuler' }).click();
    await page.waitForURL(/extend-lifespan=on/);
    const results = norm(await page.locator('section[aria-labelledby="results-title"]').innerText());
    expect(results).toContain(`${frNumber(-reduction)} kgCO2e`);
    expect(await axeViolations(page)).toEqual([]);
    const simUrl = page.url();

    await page.getByRole('button', { name: /Ajouter au plan d’action — Allonger la durée de vie/ }).click();
    await page.waitForURL(/\/plan(\?|$)/);
    const expected = norm(await page.locator('#plan-expected').innerText());
    expect(expected).toContain(`${frNumber(reduction)} kgCO2e`);
    expect(norm(await page.locator('table').innerText())).toContain('Allonger la durée de vie des équipements');
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();

    const session = newSecret();
    await t.db
      .insertInto('sessions')
      .values({
        token_hash: hashSecret(session),
        user_id: userId,
        created_at: nowIso(),
        expires_at: nowIso(new Date(Date.now() + 3_600_000)),
      })
      .execute();
    const cookies = [{ name: 'techcare_session', value: session, url: server.url }];
    for (const url of [
      simUrl,
      `${server.url}/organisations/${orgId}/plan`,
      `${server.url}/levers`,
      `${server.url}/levers/extend-lifespan`,
    ]) {
      const m = await measurePage(browser, url, cookies);
      console.log(
        `${url.replace(server.url, '')} dom=${m.dom} req=${m.requests} kb=${m.kb.toFixed(1)} ecoindex=${m.score.toFixed(1)} ${m.grade}`,
      );
      expect(m.grade, url).toBe('A');
    }
  });
});
