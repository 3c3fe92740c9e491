import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client.js';
import { getFactorSet } from '../../data/index.js';
import { en } from '../../i18n/en.js';
import { fr } from '../../i18n/fr.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { testApp, TestClient } from '../../../test/helpers/app.js';
import { addMember, apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { actionStats, getLever, listLevers, organisationsWithPlanBy, pendingActionsForUser } from './index.js';
import { filterLevers } from './levers-pages.js';
import { seedDemoPlans } from './seed-demo-plans.js';

/**
 * Whether the page shows `x` rounded to 3 significant digits (English format). A value computed here and the
 * engine's can differ in the last bit, which flips a rounding at exactly .5 (772.5 against 772.4999…): both
 * roundings are accepted.
 */
function containsRounded(html: string, x: number, suffix: string): boolean {
  const f = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });
  const eps = Math.abs(x) * 1e-9;
  return [f.format(x - eps), f.format(x + eps)].some((s) => html.includes(`${s}${suffix}`));
}

/** The laptop's whole-life GWP in the latest factor set: manufacture, distribution and end of life (ADEME/Arcep split). */
function laptopWholeLifeGwp(): number {
  const d = getFactorSet().devices.laptop!;
  return d.embodied.gwp!.value + (d.distribution?.gwp?.value ?? 0) + (d.endOfLife?.gwp?.value ?? 0);
}

describe('levers catalogue', () => {
  it('has about fourteen levers, each fully written in French and English', () => {
    expect(listLevers().length).toBeGreaterThanOrEqual(14);
    for (const l of listLevers()) {
      for (const part of ['title', 'summary', 'how', 'gain', 'prerequisites']) {
        const key = `actions.lever.${l.slug}.${part}`;
        expect(fr[key as keyof typeof fr], key).toBeTruthy();
        expect(en[key as keyof typeof en], key).toBeTruthy();
      }
      expect(l.sources.length, l.slug).toBeGreaterThan(0);
      expect(l.dimensions.length, l.slug).toBeGreaterThan(0);
    }
    expect(getLever('extend-lifespan')?.quantified).toBe('extend-lifespan');
    expect(getLever('nope')).toBeUndefined();
  });

  it('cites only RGESN 2024 criteria that exist (families 1–9)', () => {
    for (const l of listLevers()) for (const n of l.rgesn) expect(n, l.slug).toMatch(/^[1-9]\.(1[0-5]|[1-9])$/);
  });

  it('filters by tier, effort and dimension', () => {
    expect(filterLevers({ tier: 'cloud' }).every((l) => l.tiers.includes('cloud'))).toBe(true);
    expect(filterLevers({ effort: 'low' }).map((l) => l.slug)).toContain('extend-lifespan');
    expect(filterLevers({ dimension: 'ecodesign' }).map((l) => l.slug)).toContain('eco-design-services');
    expect(filterLevers({ tier: 'transfer', effort: 'low' }).length).toBe(0);
  });
});

const laptopLines = [
  { category: 'laptop', quantity: 50, lifespan_years: 4 },
  { category: 'smartphone', quantity: 20 },
  { category: 'data_transfer', gigabytes: 2000 },
];

describeEachDb('actions pages and plans', (kind) => {
  let t: TTestDb;
  let db: DB;
  let app: ReturnType<typeof testApp>;
  let owner: { id: number };
  let member: { id: number };
  let outsider: { id: number };
  let admin: { id: number };
  let org: { id: number };
  let other: { id: number };

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    app = testApp(db);
    owner = await makeUser(db, { name: 'Olga Owner' });
    member = await makeUser(db, { name: 'Max Member' });
    outsider = await makeUser(db);
    admin = await makeUser(db, { admin: true });
    org = await makeOrganisation(db, { ownerId: owner.id, signed: true });
    other = await makeOrganisation(db, { ownerId: outsider.id });
    await addMember(db, org.id, member.id);
    // The inventory arrives through the footprint feature's public API, as a member's asset tool would send it.
    const token = await apiTokenFor(db, owner.id);
    const res = await app.request(`http://localhost/api/v1/organisations/${org.id}/inventories/2025`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lines: laptopLines }),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  });
  afterAll(async () => t.destroy());

  async function client(userId?: number): Promise<TestClient> {
    const c = new TestClient(app);
    if (userId) await loginAs(db, c, userId);
    return c;
  }

  it('shows the public catalogue and a lever page with its links', async () => {
    const c = await client();
    const list = await c.get('/levers?tier=cloud');
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('/levers/cleaner-cloud-region');
    expect(html).not.toContain('/levers/buy-refurbished');
    const page = await c.get('/levers/extend-lifespan');
    const body = await page.text();
    expect(page.status).toBe(200);
    expect(body).toContain('/workshops?theme=purchasing');
    expect(body).toContain('/trainings?audience=buyers');
    expect((await c.get('/levers/unknown')).status).toBe(404);
    const api = await c.get('/api/v1/levers?effort=low&lang=en');
    const json = (await api.json()) as { slug: string; title: string }[];
    expect(json.find((l) => l.slug === 'extend-lifespan')?.title).toBe(en['actions.lever.extend-lifespan.title']);
  });

  it('simulates a longer laptop lifespan on the member inventory, matching the hand computation', async () => {
    const c = await client(member.id);
    const res = await c.get(
      `/organisations/${org.id}/simulate?year=2025&extend-lifespan=on&extend-lifespan.categories=laptop&extend-lifespan.years=6&lang=en`,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const gwp = laptopWholeLifeGwp();
    const expected = (50 * gwp) / 6 - (50 * gwp) / 4;
    expect(containsRounded(html, expected, ' kgCO2e')).toBe(true);
    expect(html).toContain('action="/organisations/' + org.id + '/plan/from-lever"');
  });

  it('names the lever and the fix when a parameter is wrong', async () => {
    const c = await client(member.id);
    const res = await c.get(
      `/organisations/${org.id}/simulate?year=2025&extend-lifespan=on&extend-lifespan.years=6&lang=en`,
    );
    const html = await res.text();
    expect(html).toContain('error-summary');
    expect(html).toContain(
      '<a href="#f-extend-lifespan">Keep equipment longer: Tick at least one category of equipment to apply this lever to.</a>',
    );
    const bad = await (
      await c.get(
        `/organisations/${org.id}/simulate?year=2025&cloud-region=on&cloud-region.provider=aws&cloud-region.region=mars&lang=en`,
      )
    ).text();
    expect(bad).toContain('error-summary');
  });

  it('turns a simulated lever into an action with its expected reduction, and shows it in the plan', async () => {
    const c = await client(member.id);
    const res = await c.post(`/organisations/${org.id}/plan/from-lever`, {
      lever: 'extend-lifespan',
      params: JSON.stringify({ categories: ['laptop'], years: 6 }),
      year: 2025,
    });
    expect(res.status).toBe(303);
    const row = await db
      .selectFrom('plan_actions')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const gwp = laptopWholeLifeGwp();
    expect(row.expected_gwp_kg).toBeCloseTo((50 * gwp) / 4 - (50 * gwp) / 6, 6);
    expect(row.lever_slug).toBe('extend-lifespan');
    const plan = await (await c.get(`/organisations/${org.id}/plan?lang=en`)).text();
    expect(plan).toContain('id="plan-expected"');
    expect(containsRounded(plan, (50 * gwp) / 4 - (50 * gwp) / 6, ' kgCO2e')).toBe(true);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'plan_action.create')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('combines the plan’s lever actions without double counting', async () => {
    const c = await client(owner.id);
    await c.post(`/organisations/${org.id}/plan/from-lever`, {
      lever: 'refurbished',
      params: JSON.stringify({ categories: ['laptop'], share: 0.5, reduction: 0.5 }),
      year: 2025,
    });
    const rows = await db
      .selectFrom('plan_actions')
      .select(['expected_gwp_kg'])
      .where('organisation_id', '=', org.id)
      .execute();
    const sumAlone = rows.reduce((n, r) => n + (r.expected_gwp_kg ?? 0), 0);
    const gwp = laptopWholeLifeGwp();
    const combined = (50 * gwp) / 4 - ((50 * gwp) / 6) * 0.75;
    expect(sumAlone).toBeGreaterThan(combined + 1);
    const plan = await (await c.get(`/organisations/${org.id}/plan?lang=en`)).text();
    expect(containsRounded(plan, combined, ' kgCO2e')).toBe(true);
  });

  it('creates, edits and validates free and RGESN actions with owner, due date, status, KPI and evidence', async () => {
    const c = await client(owner.id);
    const bad = await c.post(`/organisations/${org.id}/plan?lang=en`, {
      title: '',
      origin: 'rgesn',
      rgesn_criterion: 'x',
      status: 'todo',
      kpi_baseline: '3',
      owner_user_id: String(outsider.id),
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('#f-rgesn_criterion');
    expect(badHtml).toContain('#f-kpi_target');
    const notMember = await c.post(`/organisations/${org.id}/plan`, {
      title: 'A',
      origin: 'free',
      status: 'todo',
      owner_user_id: String(outsider.id),
    });
    expect(notMember.status).toBe(422);
    const ok = await c.post(`/organisations/${org.id}/plan`, {
      title: 'Compress images of the website',
      origin: 'rgesn',
      rgesn_criterion: '5.2',
      status: 'in_progress',
      owner_user_id: String(member.id),
      due_date: '2026-06-30',
      kpi_baseline: '2.5',
      kpi_target: '1',
      kpi_current: '1,8',
      kpi_unit: 'MB',
      evidence: 'https://example.org/report',
    });
    expect(ok.status).toBe(303);
    const row = await db
      .selectFrom('plan_actions')
      .selectAll()
      .where('title', '=', 'Compress images of the website')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      origin: 'rgesn',
      rgesn_criterion: '5.2',
      owner_user_id: member.id,
      due_date: '2026-06-30',
      kpi_current: 1.8,
      kpi_unit: 'MB',
    });
    const edit = await c.get(`/organisations/${org.id}/plan/${row.id}/edit`);
    expect(edit.status).toBe(200);
    const done = await c.post(`/organisations/${org.id}/plan/${row.id}`, {
      title: row.title,
      origin: 'rgesn',
      rgesn_criterion: '5.2',
      status: 'done',
      owner_user_id: String(member.id),
    });
    expect(done.status).toBe(303);
    const after = await db
      .selectFrom('plan_actions')
      .select(['status', 'done_at'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('done');
    expect(after.done_at).not.toBeNull();
    const stats = await actionStats(db, Number(after.done_at!.slice(0, 4)));
    expect(stats.actionsDone).toBeGreaterThanOrEqual(1);
    expect(stats.organisationsWithPlan).toBeGreaterThanOrEqual(1);
    const ids = (await organisationsWithPlanBy(db, '2999-01-01').execute()).map((r) => r.organisation_id);
    expect(ids).toContain(org.id);
    expect(ids).not.toContain(other.id);
    expect(await organisationsWithPlanBy(db, '2000-01-01').execute()).toEqual([]);
  });

  it('lists a user’s pending actions for the digest, only in organisations they belong to', async () => {
    const c = await client(owner.id);
    await c.post(`/organisations/${org.id}/plan`, {
      title: 'Switch off test servers at night',
      origin: 'free',
      status: 'todo',
      owner_user_id: String(member.id),
      due_date: '2026-03-01',
    });
    const pending = await pendingActionsForUser(db, member.id);
    expect(pending.map((p) => p.title)).toContain('Switch off test servers at night');
    expect(pending.every((p) => p.organisationId === org.id)).toBe(true);
    expect(await pendingActionsForUser(db, outsider.id)).toEqual([]);
  });

  it('keeps plans and simulations private to the organisation’s members and administrators', async () => {
    const action = await db
      .selectFrom('plan_actions')
      .select('id')
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const paths = [
      `/organisations/${org.id}/plan`,
      `/organisations/${org.id}/simulate?year=2025`,
      `/organisations/${org.id}/plan/new`,
      `/organisations/${org.id}/plan/${action.id}/edit`,
    ];
    const visitor = await client();
    for (const p of paths) expect((await visitor.get(p)).status, p).not.toBe(200);
    const stranger = await client(outsider.id);
    for (const p of paths) expect((await stranger.get(p)).status, p).toBe(403);
    expect(
      (await stranger.post(`/organisations/${org.id}/plan`, { title: 'x', origin: 'free', status: 'todo' })).status,
    ).toBe(403);
    expect((await stranger.post(`/organisations/${org.id}/plan/${action.id}/delete`)).status).toBe(403);
    expect(
      (
        await stranger.post(`/organisations/${org.id}/plan/from-lever`, {
          lever: 'extend-lifespan',
          params: '{"categories":["laptop"],"years":6}',
          year: 2025,
        })
      ).status,
    ).toBe(403);
    // An action id of another organisation is not reachable through one's own organisation either.
    const own = await client(outsider.id);
    expect((await own.get(`/organisations/${other.id}/plan/${action.id}/edit`)).status).toBe(404);
    const adm = await client(admin.id);
    for (const p of paths) expect((await adm.get(p)).status, p).toBe(200);
    const still = await db.selectFrom('plan_actions').select('id').where('id', '=', action.id).executeTakeFirst();
    expect(still).toBeTruthy();
  });

  it('suggests levers from the biggest footprint tiers', async () => {
    const c = await client(owner.id);
    const html = await (await c.get(`/organisations/${org.id}/plan?lang=en`)).text();
    expect(html).toContain('id="suggestions-title"');
    expect(html).toMatch(/End-user devices: \d+/);
  });

  it('seeds demo plans for demo organisations only, once', async () => {
    const demoOrg = await makeOrganisation(db, { ownerId: member.id });
    await db.updateTable('organisations').set({ is_demo: 1 }).where('id', '=', demoOrg.id).execute();
    await seedDemoPlans(db);
    await seedDemoPlans(db);
    const n = await db
      .selectFrom('plan_actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', demoOrg.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(4);
    const stats = await actionStats(db, new Date().getUTCFullYear());
    const withDemo = await actionStats(db, new Date().getUTCFullYear(), { includeDemo: true });
    expect(withDemo.organisationsWithPlan).toBe(stats.organisationsWithPlan + 1);
  });

  it('deletes an action', async () => {
    const c = await client(owner.id);
    const a = await db
      .selectFrom('plan_actions')
      .select('id')
      .where('organisation_id', '=', org.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect((await c.post(`/organisations/${org.id}/plan/${a.id}/delete`)).status).toBe(303);
    expect(await db.selectFrom('plan_actions').select('id').where('id', '=', a.id).executeTakeFirst()).toBeUndefined();
  });
});
