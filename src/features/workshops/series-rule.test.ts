import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { extendSeries } from './edit-series.js';
import { occurrenceStarts } from './save-workshop.js';
import { ruleDates, seriesRule } from './series-rule.js';
import { ZWorkshopInput } from './schemas.js';
import { quickWorkshop } from './test-kit.js';

describe('monthly series on the nth or last weekday (RFC 5545 RRULE)', () => {
  it('writes and expands the third Thursday and the last Thursday', () => {
    // 16 January 2031 is the third Thursday of the month.
    expect(seriesRule('monthly_nth', '2031-01-16')).toBe('FREQ=MONTHLY;BYDAY=+3TH');
    expect(ruleDates('FREQ=MONTHLY;BYDAY=+3TH', '2031-01-16', 4)).toEqual([
      '2031-01-16',
      '2031-02-20',
      '2031-03-20',
      '2031-04-17',
    ]);
    // 30 January 2031 is the last Thursday; May 2031 has five Thursdays, the last on the 29th.
    expect(seriesRule('monthly_last', '2031-01-30')).toBe('FREQ=MONTHLY;BYDAY=-1TH');
    expect(ruleDates('FREQ=MONTHLY;BYDAY=-1TH', '2031-01-30', 5)).toEqual([
      '2031-01-30',
      '2031-02-27',
      '2031-03-27',
      '2031-04-24',
      '2031-05-29',
    ]);
    expect(ruleDates('FREQ=MONTHLY;BYDAY=+3TH', '2031-01-16', 2, '2031-03-01')).toEqual(['2031-03-20', '2031-04-17']);
  });

  it('keeps the local time across daylight-saving changes and never lands on a weekend', () => {
    const starts = occurrenceStarts({
      start_date: '2031-02-20',
      start_time: '10:00',
      time_zone: 'Europe/Paris',
      repeat: 'monthly_nth',
      occurrences: 3,
    });
    // 10:00 in Paris: 09:00 UTC in winter, 08:00 UTC after the change of 30 March 2031.
    expect(starts).toEqual(['2031-02-20T09:00:00.000Z', '2031-03-20T09:00:00.000Z', '2031-04-17T08:00:00.000Z']);
    expect(starts.every((s) => new Date(s).getUTCDay() === 4)).toBe(true);
  });

  it('refuses a fifth weekday, naming the field', () => {
    const r = ZWorkshopInput.safeParse({
      title: 'Atelier',
      description: 'd',
      theme: 'measurement',
      levels: ['1'],
      format: 'online',
      online_url: 'https://v.example.org/a',
      start_date: '2031-01-29',
      start_time: '10:00',
      time_zone: 'Europe/Paris',
      duration_minutes: 60,
      capacity: 5,
      repeat: 'monthly_nth',
      occurrences: 3,
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path[0] === 'repeat')?.message).toBe('workshops.error.fifthWeekday');
  });
});

describeEachDb('series on a rule: form, API, extension and overlap flags', (kind) => {
  let t: TTestDb;
  let organiserId: number;
  let orgId: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    organiserId = (await makeUser(t.db)).id;
    orgId = (await makeOrganisation(t.db, { kind: 'partner', ownerId: organiserId })).id;
  });
  afterAll(() => t.destroy());

  it('creates a third-Thursday series from the form, flags the occurrence that overlaps another workshop, and extends it by the rule', async () => {
    const otherOwner = (await makeUser(t.db)).id;
    const otherOrg = (await makeOrganisation(t.db, { kind: 'partner', ownerId: otherOwner, name: 'Autre partenaire' }))
      .id;
    // Another partner's workshop on the third Thursday of March 2098, 10:30–11:30 Paris time.
    await quickWorkshop(t.db, {
      organisationId: otherOrg,
      createdBy: otherOwner,
      capacity: 5,
      startsAt: '2098-03-20T09:30:00.000Z',
    });
    const c = new TestClient(testApp(t.db));
    await loginAs(t.db, c, organiserId);
    const res = await c.post('/workshops?lang=en', {
      title: 'Mesurer chaque mois',
      description: 'd',
      theme: 'measurement',
      levels: '1',
      format: 'online',
      online_url: 'https://visio.example.org/a',
      start_date: '2098-01-16',
      start_time: '10:00',
      time_zone: 'Europe/Paris',
      duration_minutes: '60',
      capacity: '10',
      repeat: 'monthly_nth',
      occurrences: '3',
      publish: 'publish',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('flash=workshops.flash.createdOverlap');
    const rows = await t.db
      .selectFrom('workshops')
      .select(['id', 'starts_at', 'series_rrule'])
      .where('organisation_id', '=', orgId)
      .orderBy('starts_at')
      .execute();
    expect(rows.map((r) => r.starts_at.slice(0, 10))).toEqual(['2098-01-16', '2098-02-20', '2098-03-20']);
    expect(rows.every((r) => r.series_rrule === 'FREQ=MONTHLY;BYDAY=+3TH')).toBe(true);
    const page = await (await c.get(`/workshops/${rows[0]!.id}?lang=en`)).text();
    expect(page).toContain('Sessions at the same time as another published workshop');
    const list = await (await c.get('/workshops?lang=en')).text();
    expect(list).toContain('at the same time as another workshop');
    const organiser = (await loadCurrentUser(t.db, organiserId))!;
    await extendSeries(t.db, organiser, rows[0]!.id, 2);
    const after = await t.db
      .selectFrom('workshops')
      .select('starts_at')
      .where('organisation_id', '=', orgId)
      .orderBy('starts_at')
      .execute();
    expect(after.map((r) => r.starts_at.slice(0, 10))).toEqual([
      '2098-01-16',
      '2098-02-20',
      '2098-03-20',
      '2098-04-17',
      '2098-05-15',
    ]);
  });
});
