import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/client.js';
import { hashSecret, newSecret } from '../../src/http/tokens.js';
import { axeViolations, hasChromium, launchBrowser, measurePage } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

/** Presses Tab until the element matching `selector` has the focus (keyboard only, like a user would). */
async function tabTo(page: Page, selector: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${selector} with the Tab key`);
}

describe.skipIf(!hasChromium)('RGESN assessment in Chromium, keyboard only', () => {
  let t: TTestDb;
  let server: TRunningServer;
  let browser: Browser;
  let orgId: number;
  let token: string;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    server = await startServer(t.db, {}, { seed: true, demo: false });
    const user = await makeUser(t.db, { name: 'Claire' });
    orgId = (await makeOrganisation(t.db, { ownerId: user.id, name: 'Clavier SA' })).id;
    token = newSecret();
    await t.db
      .insertInto('sessions')
      .values({
        token_hash: hashSecret(token),
        user_id: user.id,
        created_at: nowIso(),
        expires_at: nowIso(new Date(Date.now() + 86_400_000)),
      })
      .execute();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.destroy();
  });

  it('creates an assessment, answers criteria, sees the score change and publishes the declaration', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addCookies([{ name: 'techcare_session', value: token, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/organisations/${orgId}/rgesn`);

    // 1. Create the assessment.
    await tabTo(page, '#f-service_name');
    await page.keyboard.type('Portail clavier');
    await tabTo(page, '#f-service_url');
    await page.keyboard.type('https://clavier.example.org');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rgesn\/\d+/);
    expect(await page.textContent('#rgesn-score')).toBe('0 / 100');

    // 2. Open the first family from the summary table.
    await tabTo(page, 'a[href$="/family/1"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/family\/1/);
    expect(await axeViolations(page)).toEqual([]);

    // 3. Criterion 1.1 (Prioritaire, 1.5) → Validé; 1.3 (Recommandé, 1.25) → Validé; 1.4 → En cours with an action.
    await tabTo(page, '#f-status-1-1');
    await page.keyboard.press('ArrowDown'); // À évaluer → Validé
    await tabTo(page, '#f-justification-1-1');
    await page.keyboard.type('Étude d’utilité faite en 2025');
    await tabTo(page, '#f-status-1-3');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '#f-status-1-4');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // → En cours
    await tabTo(page, '#f-owner-1-4');
    await page.keyboard.type('Équipe produit');
    await page.keyboard.press('Enter'); // submits the form
    await page.waitForURL(/flash=/);

    const total = 30 * 1.5 + 29 * 1.25 + 19;
    const expected = `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format((100 * (1.5 + 1.25)) / total)} / 100`;
    expect(await page.textContent('#rgesn-score')).toBe(expected);
    expect(await page.inputValue('#f-status-1-4')).toBe('in_progress');

    // 4. Back to the assessment and publish the declaration.
    await tabTo(page, 'a[href$="/rgesn/' + page.url().split('/rgesn/')[1]!.split('/')[0] + '"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rgesn\/\d+(\?.*)?$/);
    await tabTo(page, 'a[href$="/publish"]');
    await page.keyboard.press('Enter');
    // Publishing asks first, on a page of its own.
    await page.waitForURL(/\/rgesn\/\d+\/publish$/);
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, 'form[action$="/publish"] button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/declarations\/\d+/);
    expect(await page.textContent('#declaration-score')).toBe(expected);
    const declarationUrl = page.url().split('?')[0]!;
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    // 5. The published declaration is public, in both languages, and light.
    for (const lang of ['fr', 'en']) {
      const res = await fetch(`${declarationUrl}?lang=${lang}`);
      expect(res.status).toBe(200);
      const m = await measurePage(browser, `${declarationUrl}?lang=${lang}`);
      console.log(
        `declaration [${lang}] dom=${m.dom} req=${m.requests} kb=${m.kb.toFixed(1)} ecoindex=${m.score.toFixed(1)} ${m.grade}`,
      );
      expect(m.grade).toBe('A');
    }
  });
});
