import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, signedInContext } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { addMember, makeOrganisation, makeUser } from '../helpers/factories.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

/** A partner publishes, members register, the workshop fills, a cancellation promotes, attendance and replay. */
describe.skipIf(!hasChromium)('workshops in Chromium', () => {
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

  const as = (userId: number): Promise<BrowserContext> => signedInContext(browser, t.db, server.url, userId);

  it('runs a workshop from publication to replay', async () => {
    const partnerUser = await makeUser(t.db, { name: 'Paula Partner' });
    await makeOrganisation(t.db, { kind: 'partner', ownerId: partnerUser.id, name: 'Green Partner' });
    const alice = await makeUser(t.db, { name: 'Alice Member' });
    const bob = await makeUser(t.db, { name: 'Bob Member' });
    const org = await makeOrganisation(t.db, { signed: true, ownerId: alice.id, name: 'Signatory Co' });
    await addMember(t.db, org.id, bob.id);

    // 1. The partner publishes a one-seat workshop.
    const partner = await (await as(partnerUser.id)).newPage();
    await partner.goto(`${server.url}/workshops/new?lang=en`);
    await partner.fill('#f-title', 'Measuring our devices');
    await partner.fill('#f-description', 'First steps in measurement');
    await partner.selectOption('#f-theme', 'measurement');
    await partner.check('#f-level-1');
    await partner.selectOption('#f-format', 'online');
    await partner.fill('#f-online_url', 'https://visio.example.org/w');
    await partner.fill('#f-start_date', '2099-03-29');
    await partner.fill('#f-start_time', '10:00');
    await partner.fill('#f-capacity', '1');
    expect(await axeViolations(partner)).toEqual([]);
    await partner.click('button[value="publish"]');
    await partner.waitForURL(/\/workshops\/\d+/);
    const url = partner.url().split('?')[0]!;
    expect(await partner.textContent('h1')).toBe('Measuring our devices');

    // 2. Alice registers and gets the seat; 3. Bob lands on the waiting list.
    const alicePage = await (await as(alice.id)).newPage();
    await alicePage.goto(`${url}?lang=en`);
    await alicePage.click('form[action$="/register"] button');
    expect(await alicePage.textContent('#registration-status')).toContain('You are registered');
    const bobPage = await (await as(bob.id)).newPage();
    await bobPage.goto(`${url}?lang=en`);
    expect(await bobPage.textContent('form[action$="/register"] button')).toContain('waiting list');
    await bobPage.click('form[action$="/register"] button');
    expect(await bobPage.textContent('#registration-status')).toContain('waiting list (position 1)');
    expect(await axeViolations(bobPage)).toEqual([]);

    // 4. Alice cancels: Bob is promoted at once.
    await alicePage.click('form[action$="/unregister"] button');
    await bobPage.reload();
    expect(await bobPage.textContent('#registration-status')).toContain('You are registered');

    // 5. Time passes (the workshop took place); the partner records attendance and posts the replay.
    const id = Number(/\/workshops\/(\d+)/.exec(url)![1]);
    await t.db
      .updateTable('workshops')
      .set({ starts_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where('id', '=', id)
      .execute();
    await partner.goto(`${url}/registrants?lang=en`);
    await partner.check('input[name="present"]');
    await partner.click('form[action$="/attendance"] button');
    expect(await partner.isChecked('input[name="present"]')).toBe(true);
    await partner.goto(`${url}?lang=en`);
    await partner.fill('#f-replay_url', 'https://video.example.org/replay');
    await partner.click('form[action$="/replay"] button');

    // Bob sees the replay, the feedback form and his certificate link.
    await bobPage.reload();
    expect(await bobPage.getAttribute('#replay-link', 'href')).toBe('https://video.example.org/replay');
    expect(await bobPage.locator('a[href$="/certificate"]').count()).toBe(1);
    const pdf = await bobPage.context().request.get(`${url}/certificate`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await bobPage.selectOption('#f-rating', '5');
    await bobPage.click('form[action$="/feedback"] button');
    expect(await bobPage.textContent('main')).toContain('5 out of 5');
    expect(await axeViolations(bobPage)).toEqual([]);
  });
});
