import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { feature as accounts } from '../accounts/index.js';
import { feature as manifesto } from '../manifesto/index.js';
import { demoOrganisations, feature as organisations, isSignatory, listFoundingPartners } from './index.js';

describeEachDb('founding partners and demo network seed', (kind) => {
  let t: TTestDb;
  const seed = async (demo: boolean) => {
    for (const f of [accounts, organisations, manifesto])
      await f.seed!({ db: t.db, config: testConfig(), demo, log: () => undefined });
  };
  const counts = async () => ({
    organisations: Number(
      (
        await t.db
          .selectFrom('organisations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    users: Number(
      (
        await t.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    signatures: Number(
      (
        await t.db
          .selectFrom('signatures')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('seeds the ten founding partners as validated signatories without demo data', async () => {
    await seed(false);
    const partners = await listFoundingPartners(t.db);
    expect(partners.map((p) => p.name).sort()).toEqual(
      [
        'AGIT',
        'Cigref',
        'Cinov Numérique',
        'Fing',
        'GreenIT.fr',
        'INR',
        'SIF',
        'Systematic',
        'Talents du Numérique',
        'The Shift Project',
      ].sort(),
    );
    for (const p of partners) {
      expect([p.kind, p.is_demo, p.is_founding_partner]).toEqual(['partner', 0, 1]);
      expect(await isSignatory(t.db, p.id)).toBe(true);
    }
    expect(await demoOrganisations(t.db)).toHaveLength(0);
    const home = await (await testApp(t.db).request('/')).text();
    expect(home).toContain('The Shift Project');
    expect(home).not.toContain('demo=only');
  });

  it('adds a demo network of every kind, marked demo, with unusable demo accounts, idempotently', async () => {
    await seed(true);
    const first = await counts();
    await seed(true);
    expect(await counts()).toEqual(first);
    const demo = await demoOrganisations(t.db);
    expect(demo.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demo.map((o) => o.kind))).toEqual(new Set(['company', 'school', 'partner', 'expert']));
    expect(new Set(demo.map((o) => o.size_band)).size).toBe(5);
    for (const o of demo) {
      expect(o.name.endsWith(' (démo)')).toBe(true);
      expect(await isSignatory(t.db, o.id)).toBe(true);
    }
    const owners = await t.db
      .selectFrom('users')
      .select('email')
      .where('email', 'like', '%@demo.techcare.localhost')
      .execute();
    expect(owners.length).toBe(demo.length);
    // Nobody can log in as a demo owner with a guessable password.
    const res = await testApp(t.db).request('/login', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: owners[0]!.email, password: 'demo-password-123' }),
    });
    expect(res.status).toBe(401);
    const app = testApp(t.db);
    expect(await (await app.request('/')).text()).toContain('/directory?demo=only');
    const list = await (await app.request('/directory?demo=only')).text();
    expect(list).toContain('class="badge demo"');
    expect(list).not.toContain('The Shift Project');
  });
});
