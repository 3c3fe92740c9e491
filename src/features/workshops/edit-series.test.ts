import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../../db/client.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { addMember, apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { formatWhen, utcToZonedInput, zonedToUtc } from './time-zones.js';

describeEachDb('workshop series: edit, cancel, extend', (kind) => {
  let t: TTestDb;
  let db: DB;
  let app: ReturnType<typeof testApp>;
  let partnerUser: { id: number };
  let otherPartnerUser: { id: number };
  let members: { id: number; email: string }[];

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    app = testApp(db);
    partnerUser = await makeUser(db);
    await makeOrganisation(db, { kind: 'partner', ownerId: partnerUser.id });
    otherPartnerUser = await makeUser(db);
    await makeOrganisation(db, { kind: 'partner', ownerId: otherPartnerUser.id });
    const owner = await makeUser(db);
    const signatory = await makeOrganisation(db, { signed: true, ownerId: owner.id });
    members = [owner, await makeUser(db), await makeUser(db)];
    for (const m of members.slice(1)) await addMember(db, signatory.id, m.id);
  });
  afterAll(async () => t?.destroy());

  async function client(userId: number) {
    const c = new TestClient(app);
    await loginAs(db, c, userId);
    return c;
  }

  const form = {
    title: 'Série mesure',
    description: 'Chaque semaine',
    theme: 'measurement',
    levels: ['1', '2'],
    format: 'online',
    online_url: 'https://visio.example.org/s',
    start_time: '10:00',
    time_zone: 'Europe/Paris',
    duration_minutes: '60',
    capacity: '2',
    language: 'fr',
  };

  /** Creates a published series through the form and returns its occurrences, soonest first. */
  async function makeSeries(startDate: string, repeat: 'weekly' | 'monthly', occurrences: number, capacity = '2') {
    const res = await (await client(partnerUser.id)).post('/workshops', {
      ...form,
      capacity,
      start_date: startDate,
      repeat,
      occurrences: String(occurrences),
      publish: 'publish',
    });
    expect(res.status).toBe(303);
    const id = Number(/\/workshops\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const first = await db.selectFrom('workshops').select('series_id').where('id', '=', id).executeTakeFirstOrThrow();
    return db
      .selectFrom('workshops')
      .selectAll()
      .where('series_id', '=', first.series_id!)
      .orderBy('starts_at')
      .execute();
  }

  async function register(workshopId: number, userId: number) {
    const tok = await apiTokenFor(db, userId);
    const r = await app.request(`/api/v1/workshops/${workshopId}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}` },
    });
    expect(r.status).toBe(201);
  }

  const mailsTo = (email: string, afterId: number) =>
    db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', email)
      .where('id', '>', afterId)
      .orderBy('id')
      .execute();
  const lastOutboxId = async () =>
    Number(
      (
        await db
          .selectFrom('outbox')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    );

  it('moves a weekly 10:00 Paris series to 14:00 Paris on every date across the DST change, one updated invitation per occurrence', async () => {
    // 29 March 2099 is the last Sunday of March: the first two sessions are in winter time, the last two in summer time.
    const rows = await makeSeries('2099-03-16', 'weekly', 4);
    expect(rows.map((w) => utcToZonedInput(w.starts_at, w.time_zone).time)).toEqual([
      '10:00',
      '10:00',
      '10:00',
      '10:00',
    ]);
    await register(rows[0]!.id, members[0]!.id);
    await register(rows[3]!.id, members[0]!.id);
    const before = await lastOutboxId();
    const res = await (await client(partnerUser.id)).post(`/workshops/${rows[0]!.id}`, {
      ...form,
      title: 'Série déplacée',
      start_date: '2099-03-16',
      start_time: '14:00',
      scope: 'all',
    });
    expect(res.status).toBe(303);
    const after = await db
      .selectFrom('workshops')
      .selectAll()
      .where(
        'id',
        'in',
        rows.map((w) => w.id),
      )
      .orderBy('starts_at')
      .execute();
    expect(after.map((w) => utcToZonedInput(w.starts_at, 'Europe/Paris'))).toEqual(
      ['2099-03-16', '2099-03-23', '2099-03-30', '2099-04-06'].map((date) => ({ date, time: '14:00' })),
    );
    // The UTC hour moves with the offset: 13:00Z in winter, 12:00Z in summer.
    expect(after[0]!.starts_at).toBe(zonedToUtc('2099-03-16', '14:00', 'Europe/Paris')!.toISOString());
    expect(after[0]!.starts_at.slice(11, 16)).toBe('13:00');
    expect(after[3]!.starts_at.slice(11, 16)).toBe('12:00');
    expect(after.every((w) => w.title === 'Série déplacée' && w.sequence === 1)).toBe(true);
    const mails = await mailsTo(members[0]!.email, before);
    expect(mails.length).toBe(2);
    const starts = mails.map((m) => {
      const cal = new ICAL.Component(ICAL.parse(JSON.parse(m.attachments_json!)[0].content));
      expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
      return new ICAL.Event(cal.getFirstSubcomponent('vevent')!).startDate.toJSDate().toISOString();
    });
    expect(starts.sort()).toEqual([after[0]!.starts_at, after[3]!.starts_at]);
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'workshop.series.update')
      .where('subject_id', '=', String(rows[0]!.id))
      .execute();
    expect(audit.length).toBe(1);
  });

  it('changes this and the following occurrences only, and refuses a date change for several', async () => {
    const rows = await makeSeries('2099-05-04', 'weekly', 3);
    const c = await client(partnerUser.id);
    const refused = await c.post(`/workshops/${rows[1]!.id}`, {
      ...form,
      title: 'Nouveau titre',
      start_date: '2099-05-12',
      scope: 'following',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Cette séance seulement');
    const ok = await c.post(`/workshops/${rows[1]!.id}`, {
      ...form,
      title: 'Nouveau titre',
      start_date: '2099-05-11',
      capacity: '5',
      scope: 'following',
    });
    expect(ok.status).toBe(303);
    const after = await db
      .selectFrom('workshops')
      .select(['id', 'title', 'capacity', 'starts_at'])
      .where(
        'id',
        'in',
        rows.map((w) => w.id),
      )
      .orderBy('starts_at')
      .execute();
    expect(after.map((w) => [w.title, w.capacity])).toEqual([
      [form.title, 2],
      ['Nouveau titre', 5],
      ['Nouveau titre', 5],
    ]);
    expect(after.map((w) => w.starts_at)).toEqual(rows.map((w) => w.starts_at));
  });

  it('refuses a capacity below an occurrence’s confirmed registrations, naming its date, and changes nothing', async () => {
    const rows = await makeSeries('2099-06-01', 'weekly', 3, '3');
    await register(rows[1]!.id, members[0]!.id);
    await register(rows[1]!.id, members[1]!.id);
    const before = await lastOutboxId();
    const c = await client(partnerUser.id);
    const res = await c.post(`/workshops/${rows[0]!.id}`, {
      ...form,
      title: 'Plus petit',
      start_date: '2099-06-01',
      capacity: '1',
      scope: 'all',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(formatWhen('fr', rows[1]!.starts_at, 'Europe/Paris'));
    expect(html).not.toContain(formatWhen('fr', rows[2]!.starts_at, 'Europe/Paris'));
    const after = await db
      .selectFrom('workshops')
      .select(['title', 'capacity'])
      .where(
        'id',
        'in',
        rows.map((w) => w.id),
      )
      .execute();
    expect(after.every((w) => w.capacity === 3 && w.title === form.title)).toBe(true);
    expect(
      (
        await db.selectFrom('workshop_registrations').select('status').where('workshop_id', '=', rows[1]!.id).execute()
      ).map((r) => r.status),
    ).toEqual(['confirmed', 'confirmed']);
    expect(await mailsTo(members[0]!.email, before)).toEqual([]);
    // The same reduction on one occurrence without registrants is accepted.
    expect(
      (await c.post(`/workshops/${rows[2]!.id}`, { ...form, start_date: '2099-06-15', capacity: '1', scope: 'one' }))
        .status,
    ).toBe(303);
    // And a single occurrence below its own confirmed count is refused as well.
    expect(
      (await c.post(`/workshops/${rows[1]!.id}`, { ...form, start_date: '2099-06-08', capacity: '1', scope: 'one' }))
        .status,
    ).toBe(422);
  });

  it('cancels this and the following occurrences with an iCalendar CANCEL for each registrant', async () => {
    const rows = await makeSeries('2099-07-06', 'weekly', 3);
    await register(rows[1]!.id, members[2]!.id);
    await register(rows[2]!.id, members[2]!.id);
    const before = await lastOutboxId();
    const res = await (await client(partnerUser.id)).post(`/workshops/${rows[1]!.id}/cancel`, {
      scope: 'following',
      note: 'Intervenant indisponible',
      confirm: 'yes',
    });
    expect(res.status).toBe(303);
    const after = await db
      .selectFrom('workshops')
      .select(['status', 'sequence'])
      .where(
        'id',
        'in',
        rows.map((w) => w.id),
      )
      .orderBy('starts_at')
      .execute();
    expect(after.map((w) => w.status)).toEqual(['published', 'cancelled', 'cancelled']);
    const mails = await mailsTo(members[2]!.email, before);
    expect(mails.length).toBe(2);
    expect(mails.every((m) => m.attachments_json!.includes('METHOD:CANCEL'))).toBe(true);
    expect(
      (
        await db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'workshop.series.cancel')
          .where('subject_id', '=', String(rows[1]!.id))
          .execute()
      ).length,
    ).toBe(1);
    // The whole series from the first one: only the one left is cancelled now.
    expect(
      (
        await (
          await client(partnerUser.id)
        ).post(`/workshops/${rows[0]!.id}/cancel`, { scope: 'all', note: 'Série arrêtée', confirm: 'yes' })
      ).status,
    ).toBe(303);
    expect(
      (await db.selectFrom('workshops').select('status').where('id', '=', rows[0]!.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('cancelled');
  });

  it('extends a monthly series with the same rule (31st, or the month’s last day) and the same local time', async () => {
    const rows = await makeSeries('2099-01-31', 'monthly', 2);
    const res = await (await client(partnerUser.id)).post(`/workshops/${rows[1]!.id}/extend`, { count: '3' });
    expect(res.status).toBe(303);
    const all = await db
      .selectFrom('workshops')
      .selectAll()
      .where('series_id', '=', rows[0]!.series_id!)
      .orderBy('starts_at')
      .execute();
    expect(all.map((w) => utcToZonedInput(w.starts_at, w.time_zone))).toEqual(
      ['2099-01-31', '2099-02-28', '2099-03-31', '2099-04-30', '2099-05-31'].map((date) => ({ date, time: '10:00' })),
    );
    expect(
      all.slice(2).every((w) => w.status === 'published' && w.title === form.title && w.series_repeat === 'monthly'),
    ).toBe(true);
    expect(
      (await db.selectFrom('audit_log').select('id').where('action', '=', 'workshop.series.extend').execute()).length,
    ).toBeGreaterThanOrEqual(1);
    const weekly = await makeSeries('2099-09-07', 'weekly', 2);
    expect(
      (await (await client(partnerUser.id)).post(`/workshops/${weekly[0]!.id}/extend`, { count: '1' })).status,
    ).toBe(303);
    const w3 = await db
      .selectFrom('workshops')
      .select('starts_at')
      .where('series_id', '=', weekly[0]!.series_id!)
      .orderBy('starts_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(utcToZonedInput(w3.starts_at, 'Europe/Paris')).toEqual({ date: '2099-09-21', time: '10:00' });
    const bad = await (await client(partnerUser.id)).post(`/workshops/${weekly[0]!.id}/extend`, { count: '13' });
    expect(bad.headers.get('location')).toContain('workshops.error.extend_count');
  });

  it('lets only the organising partner’s members change, cancel or extend a series', async () => {
    const rows = await makeSeries('2099-11-02', 'weekly', 2);
    const id = rows[0]!.id;
    // The organiser sees the choice on the edit form and on the workshop page (radio buttons, no script).
    const organiser = await client(partnerUser.id);
    expect((await (await organiser.get(`/workshops/${id}/edit`)).text()).match(/name="scope"/g)?.length).toBe(3);
    const page = await (await organiser.get(`/workshops/${id}`)).text();
    expect(page).toContain(`action="/workshops/${id}/extend"`);
    expect(page.match(/name="scope"/g)?.length).toBe(3);
    const visitor = new TestClient(app);
    for (const c of [await client(otherPartnerUser.id), await client(members[0]!.id), visitor]) {
      const edit = await c.post(`/workshops/${id}`, {
        ...form,
        title: 'Pirate',
        start_date: '2099-11-02',
        scope: 'all',
      });
      const cancel = await c.post(`/workshops/${id}/cancel`, { scope: 'all', note: 'Série arrêtée', confirm: 'yes' });
      const extend = await c.post(`/workshops/${id}/extend`, { count: '2' });
      for (const r of [edit, cancel, extend]) {
        // A visitor is sent to the login page; signed-in outsiders are refused.
        if (c === visitor) expect([r.status, r.headers.get('location')?.split('?')[0]]).toEqual([303, '/login']);
        else expect(r.status).toBe(403);
      }
    }
    const after = await db
      .selectFrom('workshops')
      .select(['title', 'status'])
      .where('series_id', '=', rows[0]!.series_id!)
      .execute();
    expect(after.length).toBe(2);
    expect(after.every((w) => w.title === form.title && w.status === 'published')).toBe(true);
  });
});
