import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { programmeCoverage } from './programme-coverage.js';
import { quickWorkshop } from './test-kit.js';

describeEachDb('programme: the next twelve months by month and maturity level', (kind) => {
  let t: TTestDb;
  let organiserId: number;
  let activeId: number;
  let silentName: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    organiserId = (await makeUser(t.db)).id;
    activeId = (await makeOrganisation(t.db, { kind: 'partner', ownerId: organiserId, name: 'Partenaire actif' })).id;
    silentName = 'Partenaire muet';
    await makeOrganisation(t.db, { kind: 'partner', name: silentName });
  });
  afterAll(() => t.destroy());

  it('counts published workshops per Paris month and level; drafts, cancelled and out-of-period ones do not cover', async () => {
    const add = (startsAt: string, levels: number[], status: 'draft' | 'published' = 'published') =>
      quickWorkshop(t.db, { organisationId: activeId, createdBy: organiserId, capacity: 5, startsAt, levels, status });
    // 31 January 23:30 UTC is already February in Paris.
    await add('2031-01-31T23:30:00.000Z', [1, 2]);
    await add('2031-03-10T09:00:00.000Z', [3], 'draft');
    const cancelled = await add('2031-04-10T09:00:00.000Z', [4]);
    await t.db.updateTable('workshops').set({ status: 'cancelled' }).where('id', '=', cancelled).execute();
    await add('2032-01-05T09:00:00.000Z', [5]);
    const cov = await programmeCoverage(t.db, new Date('2031-01-10T12:00:00Z'));
    expect(cov.months.map((m) => m.key)).toEqual([
      '2031-01',
      '2031-02',
      '2031-03',
      '2031-04',
      '2031-05',
      '2031-06',
      '2031-07',
      '2031-08',
      '2031-09',
      '2031-10',
      '2031-11',
      '2031-12',
    ]);
    expect(cov.months[0]!.published).toBe(0);
    expect(cov.months[1]!.levels.map((l) => l.published)).toEqual([1, 1, 0, 0, 0]);
    expect(cov.months[2]).toMatchObject({ published: 0, drafts: 1 });
    expect(cov.months[3]!.published).toBe(0);
    expect(cov.silentPartners.map((p) => p.name)).toEqual([silentName]);
    // A year later, the January 2032 workshop covers its month; February 2031 is out of the period.
    const later = await programmeCoverage(t.db, new Date('2031-12-20T12:00:00Z'));
    expect(later.months[1]).toMatchObject({ key: '2032-01', published: 1 });
    expect(later.months[1]!.levels[4]!.published).toBe(1);
    expect(later.silentPartners.map((p) => p.name)).toEqual([silentName]);
  });

  it('shows the gaps in words on the page and in snake_case on the API, for organisers and administrators only', async () => {
    const soon = new Date(Date.now() + 40 * 86_400_000);
    soon.setUTCHours(9, 0, 0, 0);
    await quickWorkshop(t.db, {
      organisationId: activeId,
      createdBy: organiserId,
      capacity: 5,
      startsAt: soon.toISOString(),
      levels: [2],
    });
    const c = new TestClient(testApp(t.db));
    await loginAs(t.db, c, organiserId);
    const res = await c.get('/workshops/programme?lang=en');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('The next twelve months, level by level');
    expect(html.match(/<tr data-month=/g)).toHaveLength(12);
    expect(html).toContain('>None<');
    expect(html).toContain(silentName);
    const token = await apiTokenFor(t.db, organiserId);
    const api = await c.get('/api/v1/workshops/programme', { Authorization: `Bearer ${token}` });
    expect(api.status).toBe(200);
    const body = (await api.json()) as {
      months: { month: string; levels_without_workshop: number[] }[];
      months_without_workshop: string[];
      silent_partners: { name: string }[];
    };
    expect(body.months).toHaveLength(12);
    const covered = body.months.find((m) => !body.months_without_workshop.includes(m.month))!;
    expect(covered.levels_without_workshop).toEqual([1, 3, 4, 5]);
    expect(body.silent_partners.map((p) => p.name)).toEqual([silentName]);
    const member = await makeUser(t.db);
    const other = await apiTokenFor(t.db, member.id);
    expect((await c.get('/api/v1/workshops/programme', { Authorization: `Bearer ${other}` })).status).toBe(403);
  });
});
