import type { Browser, Page } from 'playwright-core';
import { lastMailTo } from '../helpers/mail.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

/** The whole joining journey in Chromium, the language switch, and a sign-up done with the keyboard only. */
describe.skipIf(!hasChromium)('sign-up to directory in Chromium', () => {
  let t: TTestDb;
  let server: TRunningServer;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    server = await startServer(t.db, {}, { seed: true, demo: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.destroy();
  });

  /** The path of the platform link in the last mail sent to an address (as sent: the outbox masks link secrets). */
  async function linkFromOutbox(to: string): Promise<string> {
    return lastMailTo(to).link!;
  }

  async function expectAccessible(page: Page) {
    expect(await axeViolations(page), page.url()).toEqual([]);
  }

  it('signs up, confirms, creates an organisation, signs; an administrator validates; the directory lists it', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    // 1. Sign up (with one error first: the password is too short).
    await page.goto(`${server.url}/signup?lang=en`);
    await page.getByLabel('Full name').fill('Alice Durand');
    await page.getByLabel('Email address').fill('alice@example.org');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('at least 12 characters');
    await expectAccessible(page);
    await page.getByLabel('Password').fill('a long and memorable passphrase');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL('**/signup/sent');
    // 2. Confirm through the link that landed in the outbox.
    await page.goto(`${server.url}${await linkFromOutbox('alice@example.org')}`);
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.waitForURL('**/dashboard**');
    await expectAccessible(page);
    // 3. Create the organisation.
    await page.getByRole('link', { name: 'Create an organisation' }).click();
    await page.getByLabel('Organisation name').fill('Sobriété Logicielle');
    await page.getByLabel('Kind of organisation').selectOption('company');
    await page.getByLabel('SIREN number').fill('552 100 554');
    await page.getByLabel('Head count').selectOption('10-49');
    await page.getByLabel('Sector').selectOption('software');
    await page.getByLabel('Region').selectOption('BRE');
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    await page.waitForURL(/\/organisations\/\d+\?/);
    await expectAccessible(page);
    const orgPath = new URL(page.url()).pathname;
    // 4. Sign the manifesto.
    await page.getByRole('link', { name: 'Sign the manifesto' }).first().click();
    await page.getByLabel('Position of the person signing').fill('Chief executive');
    await page.getByLabel(/I am authorised to commit/).check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign the manifesto' }).click();
    await page.waitForURL(`**${orgPath}?flash=*`);
    expect(await page.textContent('main')).toContain('awaiting validation');
    await page.goto(`${server.url}/directory?q=sobriete`);
    expect(await page.textContent('main')).not.toContain('Sobriété Logicielle');
    await ctx.close();

    // 5. The administrator validates.
    const adminCtx = await browser.newContext();
    const admin = await adminCtx.newPage();
    await admin.goto(`${server.url}/login?lang=en`);
    await admin.getByLabel('Email address').fill('admin@example.org');
    await admin.getByLabel('Password').fill('admin-password-123');
    await admin.getByRole('button', { name: 'Log in' }).click();
    await admin.waitForURL('**/dashboard');
    // Logging in applies the account's language (French for this administrator): ask for English again.
    await admin.goto(`${server.url}/admin/signatures?lang=en`);
    await expectAccessible(admin);
    await admin.locator('li', { hasText: 'Sobriété Logicielle' }).getByRole('button', { name: 'Validate' }).click();
    await admin.waitForURL('**/admin/signatures?flash=*');
    expect(await admin.textContent('main')).toContain('No signature pending');
    await adminCtx.close();

    // 6. The public directory lists it; search ignores case and accents.
    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/directory?q=SOBRIETE&lang=en`);
    await visitor.getByRole('link', { name: 'Sobriété Logicielle' }).click();
    await visitor.waitForURL('**/directory/sobriete-logicielle');
    expect(await visitor.textContent('main')).toContain('version 2026-1');
    await expectAccessible(visitor);
    await visitor.close();
  });

  it('switches language with one click and remembers it', async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await page.waitForURL('**/?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${server.url}/partners`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('The founding partners');
    await page.close();
  });

  it('signs up with the keyboard only (Tab, typing, Enter)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/signup?lang=en`);
    // Tab from the top of the page until the first field has focus: the form must be reachable in order.
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'f-name'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('f-name');
    await page.keyboard.type('Keyboard User');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-email');
    await page.keyboard.type('keys@example.org');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-password');
    await page.keyboard.type('typed without any mouse at all');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/signup/sent');
    expect(
      await t.db.selectFrom('users').select('id').where('email', '=', 'keys@example.org').executeTakeFirst(),
    ).toBeDefined();
    await page.close();
  });
});
