import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso, type DB } from '../../db/client.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { buildNetworkReview } from './build-network-review.js';
import {
  actionRows,
  assessmentRows,
  declarationRows,
  fixtureReferential,
  footprintResultRows,
  insertBatched,
  registrationRows,
  workshopRows,
} from './network-fixtures.js';
import { peerBenchmark } from './peer-benchmark.js';
import { percentilesOf } from './percentiles.js';
import { publicFactsOf } from './public-facts.js';
import { reviewCsv, reviewJson } from './export-review.js';
import { roundBenchmark } from './suppression.js';
import { PublicFactsView } from './public-facts-view.js';
import { formatters, translator } from '../../i18n/index.js';

/** A signatory whose signature was validated at a given date. */
async function signatory(
  db: DB,
  opts: {
    kind?: 'company' | 'school' | 'partner';
    signedAt: string;
    sector?: string;
    sizeBand?: string;
    region?: string;
    demo?: boolean;
    ownerId?: number;
    name?: string;
  },
) {
  const org = await makeOrganisation(db, {
    kind: opts.kind ?? 'company',
    signed: true,
    sector: opts.sector,
    sizeBand: opts.sizeBand,
    region: opts.region,
    ownerId: opts.ownerId,
    name: opts.name,
  });
  await db
    .updateTable('signatures')
    .set({ decided_at: opts.signedAt, signed_at: opts.signedAt })
    .where('organisation_id', '=', org.id)
    .execute();
  if (opts.demo) await db.updateTable('organisations').set({ is_demo: 1 }).where('id', '=', org.id).execute();
  return org.id;
}

describe('roundBenchmark', () => {
  it('keeps two significant digits', () => {
    expect(roundBenchmark(12345)).toBe(12000);
    expect(roundBenchmark(0.04567)).toBeCloseTo(0.046, 10);
    expect(roundBenchmark(3)).toBe(3);
  });
});

describeEachDb('review: network aggregates on a hand-built network', (kind) => {
  let t: TTestDb;
  let S: number[];
  let partner: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const db = t.db;
    // Six companies signed in 2024, two schools in 2025, one partner in 2023; one company signs only in 2026, one
    // demo company and one organisation that never signed must not count.
    S = [];
    for (let i = 0; i < 6; i++)
      S.push(
        await signatory(db, {
          signedAt: '2024-06-01T00:00:00.000Z',
          sector: i < 4 ? 'software' : 'finance',
          region: i < 3 ? 'IDF' : 'BRE',
        }),
      );
    await signatory(db, { kind: 'school', signedAt: '2025-03-01T00:00:00.000Z', sector: 'education' });
    await signatory(db, { kind: 'school', signedAt: '2025-03-02T00:00:00.000Z', sector: 'education' });
    partner = await signatory(db, { kind: 'partner', signedAt: '2023-01-10T00:00:00.000Z', sector: 'it_services' });
    const late = await signatory(db, { signedAt: '2026-02-01T00:00:00.000Z' });
    const demo = await signatory(db, { signedAt: '2024-01-01T00:00:00.000Z', demo: true });
    const unsigned = await makeOrganisation(db, {});
    await insertBatched(
      db,
      'footprint_results',
      footprintResultRows([
        ...S.map((id, i) => ({ orgId: id, year: 2025, gwp: 1000 * (i + 1), devices: 10 })),
        ...S.slice(0, 5).map((id, i) => ({ orgId: id, year: 2024, gwp: 1000 * (i + 1) + 100, devices: 10 })),
        { orgId: late, year: 2025, gwp: 99_999, devices: 1 },
        { orgId: demo, year: 2025, gwp: 77_777, devices: 1 },
        { orgId: unsigned.id, year: 2025, gwp: 55_555, devices: 1 },
      ]),
    );
    await insertBatched(
      db,
      'maturity_assessments',
      assessmentRows([
        { orgId: S[0]!, level: 1, completedAt: '2024-05-01T00:00:00.000Z' },
        { orgId: S[0]!, level: 2, completedAt: '2025-09-01T00:00:00.000Z' },
        { orgId: S[1]!, level: 2, completedAt: '2025-05-01T00:00:00.000Z' },
        { orgId: S[2]!, level: 2, completedAt: '2025-05-01T00:00:00.000Z' },
        { orgId: S[3]!, level: 3, completedAt: '2025-05-01T00:00:00.000Z' },
        { orgId: S[4]!, level: 4, completedAt: '2025-05-01T00:00:00.000Z' },
        { orgId: S[5]!, level: 5, completedAt: '2026-01-15T00:00:00.000Z' },
      ]),
    );
    const ref = await fixtureReferential(db);
    await insertBatched(
      db,
      'rgesn_assessments',
      declarationRows(ref, [
        { orgId: S[0]!, publishedAt: '2025-04-01T00:00:00.000Z' },
        { orgId: S[1]!, publishedAt: '2025-04-02T00:00:00.000Z' },
        { orgId: S[2]!, publishedAt: '2026-01-05T00:00:00.000Z' },
      ]),
    );
    await insertBatched(
      db,
      'plan_actions',
      actionRows([
        { orgId: S[0]!, createdAt: '2025-02-01T00:00:00.000Z', doneAt: '2025-10-01T00:00:00.000Z' },
        { orgId: S[0]!, createdAt: '2025-02-01T00:00:00.000Z' },
        { orgId: S[1]!, createdAt: '2025-03-01T00:00:00.000Z' },
        { orgId: S[2]!, createdAt: '2025-12-31T00:00:00.000Z' },
      ]),
    );
    const organiser = await makeUser(db);
    await insertBatched(
      db,
      'workshops',
      workshopRows([
        { organiserId: partner, createdBy: organiser.id, startsAt: '2025-03-10T09:00:00.000Z' },
        { organiserId: partner, createdBy: organiser.id, startsAt: '2025-03-20T09:00:00.000Z' },
        { organiserId: partner, createdBy: organiser.id, startsAt: '2025-11-05T09:00:00.000Z' },
        { organiserId: partner, createdBy: organiser.id, startsAt: '2024-11-05T09:00:00.000Z' },
      ]),
    );
    const ws = await db.selectFrom('workshops').select('id').orderBy('starts_at').execute();
    const [w2024, w1, w2, w3] = ws.map((w) => w.id);
    const users = await Promise.all([0, 1, 2, 3, 4, 5, 6].map(() => makeUser(db)));
    const at = '2025-01-01T00:00:00.000Z';
    await insertBatched(
      db,
      'workshop_registrations',
      registrationRows([
        { workshopId: w1!, userId: users[0]!.id, orgId: S[0]!, at, attended: 1 },
        { workshopId: w1!, userId: users[1]!.id, orgId: S[1]!, at, attended: 1 },
        { workshopId: w1!, userId: users[2]!.id, orgId: S[2]!, at, attended: 0 },
        { workshopId: w2!, userId: users[3]!.id, orgId: S[0]!, at, attended: null },
        { workshopId: w2!, userId: users[4]!.id, orgId: S[3]!, at, attended: null },
        { workshopId: w3!, userId: users[5]!.id, orgId: S[0]!, at, attended: 1 },
        { workshopId: w2024!, userId: users[6]!.id, orgId: S[0]!, at: '2024-10-01T00:00:00.000Z', attended: 1 },
      ]),
    );
    await db
      .insertInto('workshop_feedback')
      .values(
        [5, 4, 4].map((rating, i) => ({
          workshop_id: w1!,
          user_id: users[i]!.id,
          rating,
          comment: '',
          created_at: nowIso(),
        })),
      )
      .execute();
    await db
      .insertInto('workshop_feedback')
      .values({ workshop_id: w3!, user_id: users[5]!.id, rating: 5, comment: '', created_at: nowIso() })
      .execute();
  });
  afterAll(() => t.destroy());

  it('counts signatories by kind, size, sector and region with their growth', async () => {
    const r = await buildNetworkReview(t.db, 2025, { includeDemo: false });
    expect(r.signatories).toMatchObject({ total: 9, previous: 7, newInYear: 2 });
    const kinds = Object.fromEntries(r.signatories.byKind.map((k) => [k.code, [k.count, k.previous]]));
    expect(kinds).toEqual({ company: [6, 6], school: [2, 0], partner: [1, 1] });
    const sectors = Object.fromEntries(r.signatories.bySector.map((k) => [k.code, k.count]));
    expect(sectors).toEqual({ software: 4, finance: 2, education: 2, it_services: 1 });
    expect(r.signatories.byRegion.find((x) => x.code === 'BRE')?.count).toBe(3);
  });

  it('adds the demo organisation only when asked', async () => {
    const r = await buildNetworkReview(t.db, 2025, { includeDemo: true });
    expect(r.signatories.total).toBe(10);
    expect(r.footprint.measured).toBe(7);
  });

  it('computes workshops per month, registrations, attendance, and withholds satisfaction under 5 answers', async () => {
    const w = (await buildNetworkReview(t.db, 2025, { includeDemo: false })).workshops;
    expect(w.total).toMatchObject({ workshops: 3, registrations: 6, feedbackCount: 4, satisfaction: null });
    // Attendance was recorded for 4 seats only: under the minimum group, so withheld like the ratings
    // (test/security/review-differencing.test.ts covers the rule with enough seats).
    expect(w.total.attended).toBeNull();
    expect(w.total.attendanceRate).toBeNull();
    expect(w.months[2]).toMatchObject({ month: 3, workshops: 2, registrations: 5 });
    expect(w.months[10]).toMatchObject({ month: 11, workshops: 1 });
    expect(w.months.reduce((s, m) => s + m.workshops, 0)).toBe(3);
    expect(w.organisers).toHaveLength(1);
    expect(w.organisers[0]).toMatchObject({ organisationId: partner, workshops: 3 });
  });

  it('computes the shares of members who measured, published a declaration, have a plan', async () => {
    const r = await buildNetworkReview(t.db, 2025, { includeDemo: false });
    expect(r.practices).toEqual({ members: 9, measured: 6, declared: 2, withPlan: 3 });
    expect(r.actions.actionsDone).toBe(1);
  });

  it('sums the footprint of members and withholds the same-sample comparison when its complement is one member', async () => {
    const r = await buildNetworkReview(t.db, 2025, { includeDemo: false });
    expect(r.footprint.measured).toBe(6);
    expect(r.footprint.total?.gwp).toBeCloseTo(21_000, 6);
    expect(r.footprint.total?.devices).toBe(60);
    // S6 measured only in 2025: total 2025 − same-sample 2025 would be its footprint, so nothing is published.
    expect(r.footprint.sameSample).toBeNull();
  });

  it('distributes members by maturity level at the end of the year', async () => {
    const r = await buildNetworkReview(t.db, 2025, { includeDemo: false });
    expect(r.maturity).toMatchObject({
      assessed: 5,
      levels: [0, 3, 1, 1, 0],
      previousAssessed: 1,
      previousLevels: null,
    });
    const csv = reviewCsv(r);
    expect(csv).toContain('maturity,level,2,organisations,3\r\n');
    expect(csv).toContain('footprint,same_sample,2025,change,\r\n');
    expect(reviewJson(r).licence).toMatchObject({ name: 'Licence Ouverte / Open Licence 2.0' });
  });

  it('publishes the same-sample change once both years hold the same members', async () => {
    await insertBatched(
      t.db,
      'footprint_results',
      footprintResultRows([{ orgId: S[5]!, year: 2024, gwp: 6100, devices: 10 }]),
    );
    const r = await buildNetworkReview(t.db, 2025, { includeDemo: false });
    expect(r.footprint.sameSample?.organisations).toBe(6);
    expect(r.footprint.sameSample?.gwpBefore).toBeCloseTo(21_600, 6);
    expect(r.footprint.sameSample?.change).toBeCloseTo(-600 / 21_600, 10);
    await t.db.deleteFrom('footprint_results').where('organisation_id', '=', S[5]!).where('year', '=', 2024).execute();
  });

  it('serves the page, the exports, the API and the sitemap', async () => {
    const app = testApp(t.db);
    const page = await app.request('/review/2025?lang=en');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<svg');
    expect(html).toContain('id="table-sector"');
    const csv = await app.request('/review/2025.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('signatories,kind,company,count,6');
    const json = await (await app.request('/review/2025.json')).json();
    expect(json.practices.members).toBe(9);
    // The download keeps its own names; the API answers the same figures in snake_case.
    expect(json.practices.withPlan).toBe(3);
    const apiRes = await app.request('/api/v1/reviews/2025');
    const apiJson = await apiRes.json();
    expect(apiJson.signatories.total).toBe(9);
    expect(apiJson.signatories.new_in_year).toBe(json.signatories.newInYear);
    expect(apiJson.practices.with_plan).toBe(3);
    expect(apiJson.disclosure).toEqual({ minimum_group: 5, withheld_value: null });
    expect((await app.request('/api/v1/reviews/2019')).status).toBe(404);
    expect((await app.request('/review/2019')).status).toBe(404);
    expect((await app.request('/review')).status).toBe(200);
    const sitemap = await (await app.request('/sitemap.xml')).text();
    expect(sitemap).toContain('/review/2025');
    const openapi = await (await app.request('/api/v1/openapi.json')).json();
    expect(openapi.paths['/reviews/{year}']).toBeDefined();
  });
});

describeEachDb('review: percentiles and the peer benchmark', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('interpolates percentiles in the database like percentile_cont', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push(await signatory(t.db, { signedAt: '2024-01-01T00:00:00.000Z' }));
    await insertBatched(
      t.db,
      'footprint_results',
      footprintResultRows(ids.map((id, i) => ({ orgId: id, year: 2020, gwp: [10, 40, 20, 30][i]!, devices: 1 }))),
    );
    const q = t.db.selectFrom('footprint_results').where('year', '=', 2020).select('gwp_value as v');
    const p = await percentilesOf(t.db, q, [25, 50, 75]);
    // Sorted 10, 20, 30, 40: p25 at rank 0.75 → 17.5, median 25, p75 at 2.25 → 32.5.
    expect(p).toEqual({ n: 4, values: { 25: 17.5, 50: 25, 75: 32.5 } });
  });

  it('uses the narrowest group of at least 5 and falls back to the sector, then says which', async () => {
    const db = t.db;
    const same: number[] = [];
    for (let i = 0; i < 6; i++)
      same.push(await signatory(db, { signedAt: '2024-01-01T00:00:00.000Z', sector: 'telecom', sizeBand: '10-49' }));
    // The member (per device 5 kgCO2e) and five peers at 10, 20, 30, 40, 50 kgCO2e per device.
    await insertBatched(
      db,
      'footprint_results',
      footprintResultRows(same.map((id, i) => ({ orgId: id, year: 2025, gwp: i === 0 ? 50 : 100 * i, devices: 10 }))),
    );
    const me = { id: same[0]!, sector: 'telecom', size_band: '10-49' };
    let b = await peerBenchmark(db, me, 2025, { includeDemo: false });
    let perDevice = b.figures.find((f) => f.metric === 'gwpPerDevice')!;
    expect(perDevice).toMatchObject({ group: 'sectorSize', n: 5, p25: 20, p50: 30, p75: 40, own: 5, quarter: 1 });
    // Per employee with the band midpoint (30 people): peers 100/30 … 500/30.
    const perEmployee = b.figures.find((f) => f.metric === 'gwpPerEmployee')!;
    expect(perEmployee.p50).toBeCloseTo(roundBenchmark(300 / 30), 10);
    expect(b.employeesSource).toBe('band');
    // Too few for maturity anywhere: withheld.
    expect(b.figures.find((f) => f.metric === 'maturityLevel')).toMatchObject({ group: null, p50: null });

    // One peer leaves the size band: 4 peers left in sector+size, 5 in the sector.
    await db.updateTable('organisations').set({ size_band: '50-249' }).where('id', '=', same[5]!).execute();
    b = await peerBenchmark(db, me, 2025, { includeDemo: false });
    perDevice = b.figures.find((f) => f.metric === 'gwpPerDevice')!;
    expect(perDevice).toMatchObject({ group: 'sector', n: 5 });
    // And one more leaves the sector: the whole network (5 with per-device values) is next.
    await db.updateTable('organisations').set({ sector: 'finance' }).where('id', '=', same[4]!).execute();
    b = await peerBenchmark(db, me, 2025, { includeDemo: false });
    expect(b.figures.find((f) => f.metric === 'gwpPerDevice')).toMatchObject({ group: 'network', n: 5 });
    // With four other measured members in the network, nothing is shown.
    await db.deleteFrom('footprint_results').where('organisation_id', '=', same[5]!).execute();
    b = await peerBenchmark(db, me, 2025, { includeDemo: false });
    expect(b.figures.find((f) => f.metric === 'gwpPerDevice')).toMatchObject({
      group: null,
      n: 0,
      p25: null,
      p50: null,
      p75: null,
      quarter: null,
    });
  });
});

describeEachDb('review: member report, settings and privacy', (kind) => {
  let t: TTestDb;
  let owner: { id: number };
  let secret: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const db = t.db;
    owner = await makeUser(db);
    secret = await signatory(db, {
      signedAt: '2024-02-01T00:00:00.000Z',
      ownerId: owner.id,
      name: 'Secret Bits',
      sector: 'hosting',
      sizeBand: '250-4999',
    });
    const others: number[] = [];
    for (let i = 0; i < 5; i++)
      others.push(
        await signatory(db, { signedAt: '2024-02-01T00:00:00.000Z', sector: 'hosting', sizeBand: '250-4999' }),
      );
    // Distinctive private numbers: 987654.3 kgCO2e and 4321 devices in 2025, 876543.2 in 2024.
    await insertBatched(
      db,
      'footprint_results',
      footprintResultRows([
        { orgId: secret, year: 2025, gwp: 987_654.3, devices: 4321 },
        { orgId: secret, year: 2024, gwp: 876_543.2, devices: 4000 },
        ...others.map((id) => ({ orgId: id, year: 2025, gwp: 1000.5, devices: 10 })),
      ]),
    );
    await insertBatched(
      db,
      'maturity_assessments',
      assessmentRows([{ orgId: secret, level: 4, completedAt: '2025-06-01T00:00:00.000Z' }]),
    );
    await insertBatched(
      db,
      'plan_actions',
      actionRows([
        {
          orgId: secret,
          createdAt: '2025-01-01T00:00:00.000Z',
          doneAt: '2025-06-01T00:00:00.000Z',
          title: 'Allonger la durée de vie',
        },
      ]),
    );
  });
  afterAll(() => t.destroy());

  it('shows the report to members only, with commitments, footprint change and actions', async () => {
    const app = testApp(t.db);
    const visitor = new TestClient(app);
    expect((await visitor.get(`/organisations/${secret}/report/2025`)).status).not.toBe(200);
    const stranger = new TestClient(app);
    await loginAs(t.db, stranger, (await makeUser(t.db)).id);
    expect((await stranger.get(`/organisations/${secret}/report/2025`)).status).toBe(403);
    const member = new TestClient(app);
    await loginAs(t.db, member, owner.id);
    const res = await member.get(`/organisations/${secret}/report/2025?lang=en`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Allonger la durée de vie');
    expect(html).toContain('+12.7%');
    expect(html).toContain('id="table-benchmark"');
    expect(html).toContain('middle of your size band');
  });

  it('saves the head-count (with a field error when invalid) and the public choices', async () => {
    const app = testApp(t.db);
    const member = new TestClient(app);
    await loginAs(t.db, member, owner.id);
    const bad = await member.post(`/organisations/${secret}/report/2025/employees?lang=en`, { employees: 'lots' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter a whole number of people');
    expect((await member.post(`/organisations/${secret}/report/2025/employees`, { employees: '7777' })).status).toBe(
      303,
    );
    const b = await peerBenchmark(t.db, { id: secret, sector: 'hosting', size_band: '250-4999' }, 2025, {
      includeDemo: false,
    });
    expect(b.employeesSource).toBe('declared');
    expect(b.figures.find((f) => f.metric === 'gwpPerEmployee')!.own).toBeCloseTo(987_654.3 / 7777, 6);

    expect(await publicFactsOf(t.db, secret)).toEqual({});
    const plain = new TestClient(app);
    const user = await makeUser(t.db);
    await addMember(t.db, secret, user.id, 'member');
    await loginAs(t.db, plain, user.id);
    expect((await plain.post(`/organisations/${secret}/report/2025/public`, { maturity_level: '1' })).status).toBe(403);
    expect((await member.post(`/organisations/${secret}/report/2025/public`, { maturity_level: '1' })).status).toBe(
      303,
    );
    const facts = await publicFactsOf(t.db, secret);
    expect(facts.maturityLevel?.level).toBe(4);
    expect(facts.footprintTrend).toBeUndefined();
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', String(secret))
      .where('action', 'like', 'review.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['review.employees.save', 'review.public_choices.save']);
    const v = {
      locale: 'en' as const,
      t: translator('en'),
      fmt: formatters('en'),
      user: null,
      path: '/',
      url: new URL('http://localhost/'),
    };
    const html = String(await (<PublicFactsView v={v} facts={facts} />));
    expect(html).toContain('Advanced');
    expect(html).not.toContain('tCO2e');
    expect(String(await (<PublicFactsView v={v} facts={{}} />))).toBe('');
  });

  it('redirects the benchmark URL to the report and says when PDF printing is unavailable', async () => {
    const app = testApp(t.db, { CHROMIUM_PATH: '/nonexistent/chromium' });
    const member = new TestClient(app);
    await loginAs(t.db, member, owner.id);
    const bench = await member.get(`/organisations/${secret}/benchmark/2025`);
    expect(bench.headers.get('location')).toBe(`/organisations/${secret}/report/2025#benchmark`);
    const pdf = await member.get(`/organisations/${secret}/report/2025/pdf?lang=en`);
    expect(pdf.status).toBe(503);
    expect(await pdf.text()).toContain('Chromium');
    expect((await app.request('/review/2025/pdf')).status).toBe(503);
  });

  it("never shows a member's private figures in public pages, exports or the API", async () => {
    const app = testApp(t.db);
    const bodies = await Promise.all(
      [
        '/review/2025',
        '/review/2025?lang=en',
        '/review/2025.json',
        '/review/2025.csv',
        '/api/v1/reviews/2025',
        '/review',
      ].map(async (p) => (await app.request(p)).text()),
    );
    const all = bodies.join('\n').replace(/[\s\u202f\u00a0.,]/g, '');
    // The public totals include the member (sum of six), so they are there, but not its own value in any format.
    for (const needle of ['9876543', '987654', '987,654', '8765432', '876543', '4321', '7777'])
      expect(all).not.toContain(needle.replace(/,/g, ''));
    const r = JSON.parse(bodies[2]!);
    expect(r.footprint.measured).toBe(6);
    expect(r.footprint.sameSample).toBeNull();
  });
});
