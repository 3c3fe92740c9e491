import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, signedInContext } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

/** An owner applies for the partner status; the administrator grants it, then withdraws it with a reason. */
describe.skipIf(!hasChromium)('partner status moderation in Chromium', () => {
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

  it('applies, grants and withdraws through the pages, each decision mailed', async () => {
    const owner = await makeUser(t.db, { name: 'Olivia Owner' });
    const admin = await makeUser(t.db, { admin: true, name: 'Ada Admin' });
    const org = await makeOrganisation(t.db, { ownerId: owner.id, name: 'Mesure Ouverte' });

    const ownerPage = await (await as(owner.id)).newPage();
    await ownerPage.goto(`${server.url}/organisations/${org.id}?lang=en`);
    await ownerPage.selectOption('#f-kind', 'partner');
    await ownerPage.fill('#f-motivation', 'We run a monthly measurement workshop for small companies.');
    await ownerPage.click('text=Apply for the status');
    await ownerPage.waitForURL(/flash=/);
    expect(await ownerPage.textContent('main')).toContain('waiting for review');
    expect(await axeViolations(ownerPage)).toEqual([]);

    const adminPage = await (await as(admin.id)).newPage();
    await adminPage.goto(`${server.url}/admin?lang=en`);
    await adminPage.click('a[href="/admin/statuses"] >> nth=-1');
    expect(await adminPage.textContent('main')).toContain('Mesure Ouverte');
    expect(await axeViolations(adminPage)).toEqual([]);
    await adminPage.fill('input[id^="note-"]', 'Welcome aboard.');
    await adminPage.click('text=Grant the status');
    await adminPage.waitForURL(/flash=/);
    expect(
      (await t.db.selectFrom('organisations').select('kind').where('id', '=', org.id).executeTakeFirstOrThrow()).kind,
    ).toBe('partner');

    await ownerPage.goto(`${server.url}/organisations/${org.id}?lang=en`);
    expect(await ownerPage.textContent('main')).toContain('Status granted: Partner organisation.');

    await adminPage.goto(`${server.url}/admin/statuses?lang=en`);
    const card = adminPage.locator('li', { hasText: 'Mesure Ouverte' });
    await card.locator('input[name="reason"]').fill('No workshop in twelve months.');
    await card.locator('button', { hasText: 'Withdraw the status' }).click();
    await adminPage.waitForURL(/flash=/);
    expect(
      (await t.db.selectFrom('organisations').select('kind').where('id', '=', org.id).executeTakeFirstOrThrow()).kind,
    ).toBe('company');
    const mails = await t.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', owner.email)
      .orderBy('id')
      .execute();
    expect(mails.map((m) => m.body_text).join('\n')).toContain('Welcome aboard.');
    expect(mails.at(-1)!.body_text).toContain('No workshop in twelve months.');
  });
});
