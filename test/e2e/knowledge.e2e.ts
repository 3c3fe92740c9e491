import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/client.js';
import { markAnswer, postComment } from '../../src/features/knowledge/comments.js';
import { publishExperienceReport } from '../../src/features/knowledge/publish-experience-report.js';
import { loadCurrentUser } from '../../src/http/middleware/session.js';
import { hashSecret, newSecret } from '../../src/http/tokens.js';
import { axeViolations, hasChromium, launchBrowser, measurePage } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

/** A browser context logged in as the user (a session row, as the login form would create). */
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
  const context = await browser.newContext();
  await context.addCookies([{ name: 'techcare_session', value: token, url }]);
  return context;
}

describe.skipIf(!hasChromium)(
  'knowledge in Chromium: a partner publishes a guide tagged with a lever, a member finds it',
  () => {
    let t: TTestDb;
    let server: TRunningServer;
    let browser: Browser;
    let partnerId: number;
    let memberId: number;

    beforeAll(async () => {
      t = await createTestDb('sqlite');
      partnerId = (await makeUser(t.db, { name: 'Paula Partner' })).id;
      await makeOrganisation(t.db, { kind: 'partner', name: 'Collectif Sobre', ownerId: partnerId });
      memberId = (await makeUser(t.db, { name: 'Marc Member' })).id;
      await makeOrganisation(t.db, { kind: 'company', name: 'Atelier Léger', ownerId: memberId, signed: true });
      server = await startServer(t.db);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await t?.destroy();
    });

    it('publishes through the form and finds the guide filtered by its lever, accessibly and lightly', async () => {
      const partner = await contextAs(browser, t, server.url, partnerId);
      const page = await partner.newPage();
      await page.goto(`${server.url}/resources/new?lang=fr`);
      await page.locator('#f-title').fill('Allonger la durée de vie des ordinateurs portables');
      await page
        .locator('#f-summary')
        .fill('Un guide pas à pas : batteries, réparations et réemploi interne des portables.');
      await page.locator('#f-kind').selectOption('guide');
      await page.locator('#f-licence').selectOption('cc-by-sa-4.0');
      await page.locator('#f-url').fill('https://example.org/guide-portables');
      // Levers come from the actions catalogue when it is published (checkboxes), otherwise as free slugs.
      const box = page.locator('input[name="levers"][value="extend-lifespan"]');
      if (await box.count()) await box.check();
      else await page.locator('input[name="levers"]').fill('extend-lifespan');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Publier' }).click();
      await page.waitForURL(/\/resources\/\d+/);
      await expect(page.locator('h1').textContent()).resolves.toContain('Allonger la durée de vie');
      // The author edits it through an accessible form, then reaches the delete confirmation step and cancels.
      await page.getByRole('link', { name: 'Modifier', exact: true }).click();
      await page.waitForURL(/\/resources\/\d+\/edit$/);
      expect(await axeViolations(page)).toEqual([]);
      await page
        .locator('#f-summary')
        .fill('Un guide pas à pas : batteries, réparations, réemploi interne et reconditionnement des portables.');
      await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await page.waitForURL(/\/resources\/\d+\?flash=/);
      await expect(page.locator('body').textContent()).resolves.toContain('reconditionnement des portables');
      await page.getByRole('link', { name: 'Supprimer', exact: true }).click();
      await page.waitForURL(/\/delete$/);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Annuler', exact: true }).click();
      await page.waitForURL(/\/resources\/\d+$/);
      await partner.close();

      const member = await contextAs(browser, t, server.url, memberId);
      const mp = await member.newPage();
      await mp.goto(`${server.url}/resources?lang=fr`);
      const leverFilter = mp.locator('#f-lever');
      if ((await leverFilter.evaluate((el) => el.tagName)) === 'SELECT')
        await leverFilter.selectOption('extend-lifespan');
      else await leverFilter.fill('extend-lifespan');
      await mp.getByRole('button', { name: 'Rechercher' }).click();
      await mp.waitForURL(/lever=extend-lifespan/);
      expect(await axeViolations(mp)).toEqual([]);
      await mp.getByRole('link', { name: 'Allonger la durée de vie des ordinateurs portables' }).click();
      await mp.waitForURL(/\/resources\/\d+$/);
      expect(await mp.locator('a[href="/levers/extend-lifespan"]').count()).toBe(1);
      expect(await axeViolations(mp)).toEqual([]);
      const resourceUrl = mp.url();
      await member.close();

      // A visitor's view of a published experience report with a comment marked as the answer.
      const partnerUser = (await loadCurrentUser(t.db, partnerId))!;
      const report = await publishExperienceReport(t.db, partnerUser, {
        organisationId: partnerUser.memberships[0]!.organisationId,
        title: 'Nos ateliers de réparation',
        language: 'fr',
        whatWeDid: 'Un atelier mensuel de réparation des portables des adhérents.',
        costEur: 1200,
        costNotes: '',
        measureSource: 'declared',
        measureLabel: 'Portables remplacés par an',
        beforeValue: 40,
        afterValue: 25,
        measureUnit: 'portables',
        themes: ['devices'],
        levels: [1],
        levers: ['extend-lifespan'],
        rgesn: [],
      });
      const commentId = await postComment(
        t.db,
        (await loadCurrentUser(t.db, memberId))!,
        'report',
        report.id,
        'Combien de bénévoles ?',
      );
      await markAnswer(t.db, partnerUser, commentId, true);
      const visitor = await browser.newPage();
      await visitor.goto(`${server.url}/experience/${report.id}?lang=fr`);
      expect(await visitor.locator('h1').textContent()).toContain('Nos ateliers de réparation');
      expect(await axeViolations(visitor)).toEqual([]);
      await visitor.goto(`${resourceUrl}?lang=en`);
      expect(await axeViolations(visitor)).toEqual([]);
      await visitor.close();

      for (const url of [
        `${server.url}/resources`,
        resourceUrl,
        `${server.url}/experience`,
        `${server.url}/experience/${report.id}`,
      ]) {
        const m = await measurePage(browser, url);
        console.log(
          `${url.replace(server.url, '')} dom=${m.dom} req=${m.requests} kb=${m.kb.toFixed(1)} ecoindex=${m.score.toFixed(1)} ${m.grade}`,
        );
        expect(m.grade, url).toBe('A');
      }
    });
  },
);
