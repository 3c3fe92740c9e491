import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { experienceReportsForLever, listExperienceReports } from './list-experience-reports.js';
import { moderatePublication } from './moderate-publication.js';
import { PublicationInputError } from './publish-resource.js';
import { publishExperienceReport } from './publish-experience-report.js';
import type { TReportInput } from './schemas.js';
import { seedKnowledge } from './seed.js';

describeEachDb('knowledge: experience reports and demo seed', (kind) => {
  let t: TTestDb;
  let memberUser: number;
  let memberOrg: number;
  let adminUser: number;
  const base = (orgId: number): TReportInput => ({
    organisationId: orgId,
    title: 'Six ans pour nos portables',
    language: 'fr',
    whatWeDid: 'Nous avons remplacé les batteries et réparé plutôt que racheté.',
    costEur: 8000,
    costNotes: '',
    measureSource: 'declared',
    measureLabel: 'Empreinte du parc',
    beforeValue: 1000,
    afterValue: 750,
    measureUnit: 'kgCO2e',
    themes: ['devices'],
    levels: [2],
    levers: ['extend-lifespan'],
    rgesn: [],
  });

  beforeAll(async () => {
    t = await createTestDb(kind);
    memberUser = (await makeUser(t.db)).id;
    memberOrg = (await makeOrganisation(t.db, { kind: 'company', ownerId: memberUser, signed: true })).id;
    adminUser = (await makeUser(t.db, { admin: true })).id;
  });
  afterAll(() => t.destroy());

  it('cites the change measured between two yearly footprint results instead of a typed claim', async () => {
    const actor = (await loadCurrentUser(t.db, memberUser))!;
    const measured = new Map([
      [2024, 20_000],
      [2025, 15_000],
    ]);
    const footprintGwp = async (_db: unknown, orgId: number, year: number) =>
      orgId === memberOrg && measured.has(year) ? { value: measured.get(year)!, unit: 'kgCO2e' } : null;
    const input: TReportInput = {
      ...base(memberOrg),
      measureSource: 'platform',
      beforeValue: 1,
      afterValue: 0.5,
      baselineYear: 2024,
      resultYear: 2025,
    };
    const { id, status } = await publishExperienceReport(t.db, actor, input, { footprintGwp });
    expect(status).toBe('pending');
    // Pending: invisible to the lever's evidence until reviewed.
    expect(await experienceReportsForLever(t.db, 'extend-lifespan')).toEqual([]);
    await moderatePublication(t.db, testConfig(), (await loadCurrentUser(t.db, adminUser))!, 'report', id, {
      approve: true,
    });
    const [r] = await experienceReportsForLever(t.db, 'extend-lifespan');
    expect(r).toMatchObject({
      id,
      measureSource: 'platform',
      before: 20_000,
      after: 15_000,
      baselineYear: 2024,
      resultYear: 2025,
    });
    expect(r!.change).toBeCloseTo(-0.25, 10);

    const missing = publishExperienceReport(t.db, actor, { ...input, baselineYear: 2023 }, { footprintGwp });
    await expect(missing).rejects.toBeInstanceOf(PublicationInputError);
    await expect(missing).rejects.toMatchObject({ fieldErrors: { baselineYear: 'knowledge.report.noFootprint' } });
    await expect(
      publishExperienceReport(t.db, actor, { ...input, baselineYear: 2025, resultYear: 2024 }, { footprintGwp }),
    ).rejects.toMatchObject({ fieldErrors: { resultYear: 'knowledge.report.yearsOrder' } });
  });

  it('publishes a declared report through the form, with errors naming the fields', async () => {
    const client = new TestClient(testApp(t.db));
    await loginAs(t.db, client, memberUser);
    const bad = await client.post('/experience', {
      organisationId: memberOrg,
      title: 'Déclaré',
      language: 'fr',
      whatWeDid: 'Un texte assez long pour passer la règle.',
      measureSource: 'declared',
      beforeValue: '12,5',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('href="#f-afterValue"');
    expect(html).toContain('href="#f-measureLabel"');
    const ok = await client.post('/experience', {
      organisationId: memberOrg,
      title: 'Déclaré',
      language: 'fr',
      whatWeDid: 'Un texte assez long pour passer la règle.',
      measureSource: 'declared',
      beforeValue: '12,5',
      afterValue: '10',
      measureLabel: 'kWh par poste',
      measureUnit: 'kWh',
      levers: 'switch-off-idle',
    });
    expect(ok.status).toBe(303);
    const page = await client.get(ok.headers.get('location')!);
    // French number formatting uses (narrow) no-break spaces: normalise them.
    expect((await page.text()).replace(/\s/g, ' ')).toContain('12,5 → 10 kWh (-20 %)');
    const other = new TestClient(testApp(t.db));
    expect((await other.get(ok.headers.get('location')!.split('?')[0]!)).status).toBe(404);
    expect((await listExperienceReports(t.db, null, { q: 'declare' }, { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('seeds demo publications only in demo mode, once', async () => {
    const config = testConfig();
    const owner = await makeUser(t.db);
    const partner = await makeOrganisation(t.db, { kind: 'partner', ownerId: owner.id });
    await t.db.updateTable('organisations').set({ is_demo: 1 }).where('id', 'in', [partner.id, memberOrg]).execute();
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('knowledge_resources')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('is_demo', '=', 1)
            .executeTakeFirstOrThrow()
        ).n,
      );
    await seedKnowledge({ db: t.db, config, demo: false, log: () => undefined });
    expect(await count()).toBe(0);
    await seedKnowledge({ db: t.db, config, demo: true, log: () => undefined });
    const seeded = await count();
    expect(seeded).toBeGreaterThan(0);
    await seedKnowledge({ db: t.db, config, demo: true, log: () => undefined });
    expect(await count()).toBe(seeded);
    const res = await new TestClient(testApp(t.db)).get('/resources?q=eco-conception');
    expect(await res.text()).toContain('Guide de l’éco-conception des services numériques (démo)');
  });
});
