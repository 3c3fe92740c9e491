import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/client.js';
import { hashSecret, newSecret } from '../../src/http/tokens.js';
import { axeViolations, hasChromium, launchBrowser, measurePage } from '../helpers/browser.js';
import { createTestDb, type TTestDb } from '../helpers/db.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { startServer, type TRunningServer } from '../helpers/server.js';

/** A school publishes a course mapped to skills; a visitor finds it with the catalogue's filters. */
describe.skipIf(!hasChromium)('training catalogue in Chromium', () => {
  let t: TTestDb;
  let server: TRunningServer;
  let browser: Browser;
  let sessionToken: string;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    server = await startServer(t.db, {}, { seed: true, demo: false });
    browser = await launchBrowser();
    const teacher = await makeUser(t.db, { name: 'Prof' });
    await makeOrganisation(t.db, { kind: 'school', ownerId: teacher.id, name: 'École Numérique Sobre', signed: true });
    sessionToken = newSecret();
    await t.db
      .insertInto('sessions')
      .values({
        token_hash: hashSecret(sessionToken),
        user_id: teacher.id,
        created_at: nowIso(),
        expires_at: nowIso(new Date(Date.now() + 3_600_000)),
      })
      .execute();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.destroy();
  });

  it('publishes a course with the form, then a visitor finds it by filters', async () => {
    const school = await browser.newContext();
    await school.addCookies([{ name: 'techcare_session', value: sessionToken, url: server.url }]);
    const p = await school.newPage();
    await p.goto(`${server.url}/trainings/new?lang=fr`);
    await p.getByLabel('Titre').fill('Écoconception web pour développeurs');
    await p.getByLabel('Description').fill('Mesurer et alléger les pages, appliquer le RGESN.');
    await p.getByLabel('Type', { exact: true }).selectOption('module');
    await p.getByLabel('Développeurs').check();
    await p.getByLabel('Niveau d’études').selectOption('master');
    await p.getByLabel('Durée (heures)').fill('12');
    await p.getByLabel('Modalité').selectOption('online');
    await p.getByLabel('Licence des supports').selectOption('cc-by-sa');
    await p.getByLabel('3. Écoconception applicative').selectOption('3');
    await p.getByLabel('8. Mesure de l’empreinte environnementale du SI').selectOption('2');
    await Promise.all([p.waitForURL(/\/trainings\/\d+/), p.getByRole('button', { name: 'Enregistrer' }).click()]);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Écoconception web pour développeurs');
    expect(await p.content()).toContain('Niveau 3 : maîtriser et mettre en œuvre dans son métier');
    await school.close();

    const visitor = await browser.newContext();
    const v = await visitor.newPage();
    await v.goto(`${server.url}/trainings?lang=fr`);
    await v.getByText('Rechercher et filtrer').click();
    await v.getByLabel('Publics').selectOption('developers');
    await v.getByLabel('Bloc').selectOption('3');
    await v.getByLabel('Niveau', { exact: true }).selectOption('3');
    await v.getByLabel('Licence des supports').selectOption('open');
    await Promise.all([v.waitForURL(/block=3/), v.getByRole('button', { name: 'Filtrer' }).click()]);
    expect(await v.getByRole('status').textContent()).toContain('1');
    expect(await axeViolations(v)).toEqual([]);
    await Promise.all([
      v.waitForURL(/\/trainings\/\d+$/),
      v.getByRole('link', { name: 'Écoconception web pour développeurs' }).click(),
    ]);
    expect(await v.content()).toContain('CC BY-SA · Licence ouverte');
    expect(await axeViolations(v)).toEqual([]);
    // A filter that excludes it: level 5.
    await v.goto(`${server.url}/trainings?block=3&level=5`);
    expect(await v.content()).not.toContain('Écoconception web pour développeurs');
    await visitor.close();

    const m = await measurePage(browser, `${server.url}/trainings`);
    console.log(
      `/trainings dom=${m.dom} req=${m.requests} kb=${m.kb.toFixed(1)} ecoindex=${m.score.toFixed(1)} ${m.grade}`,
    );
    expect(m.grade).toBe('A');
  });
});
