import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { addMember, apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { occurrenceStarts } from './save-workshop.js';
import { sendDueReminders, upcomingWorkshops, workshopStats, workshopsAttendedBy } from './index.js';
import { quickWorkshop } from './test-kit.js';
import { zonedToUtc } from './time-zones.js';

/** Parses an iCalendar text with an independent parser and returns its VEVENTs. */
function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return { comp, events: comp.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) };
}

describe('time zones and daylight saving', () => {
  it('converts Paris wall-clock times around the last Sundays of March and October 2026', () => {
    // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST.
    expect(zonedToUtc('2026-03-29', '01:30', 'Europe/Paris')!.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Paris')).toBeNull();
    expect(zonedToUtc('2026-03-29', '10:00', 'Europe/Paris')!.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    // 25 October 2026: 02:00–03:00 happens twice; the first (CEST) is chosen.
    expect(zonedToUtc('2026-10-25', '02:30', 'Europe/Paris')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToUtc('2026-10-25', '10:00', 'Europe/Paris')!.toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(zonedToUtc('2026-10-25', '10:00', 'America/Montreal')!.toISOString()).toBe('2026-10-25T14:00:00.000Z');
  });

  it('keeps a monthly series at the same local time across the change (the UTC time moves)', () => {
    const starts = occurrenceStarts({
      start_date: '2026-02-28',
      start_time: '10:00',
      time_zone: 'Europe/Paris',
      repeat: 'monthly',
      occurrences: 3,
    });
    expect(starts).toEqual(['2026-02-28T09:00:00.000Z', '2026-03-28T09:00:00.000Z', '2026-04-28T08:00:00.000Z']);
    const weekly = occurrenceStarts({
      start_date: '2026-10-18',
      start_time: '18:00',
      time_zone: 'Europe/Paris',
      repeat: 'weekly',
      occurrences: 2,
    });
    expect(weekly).toEqual(['2026-10-18T16:00:00.000Z', '2026-10-25T17:00:00.000Z']);
  });
});

describeEachDb('workshops', (kind) => {
  let t: TTestDb;
  let db: DB;
  let app: ReturnType<typeof testApp>;
  let partner: { id: number };
  let partnerUser: { id: number };
  let otherPartnerUser: { id: number };
  let signatory: { id: number };
  let members: { id: number; email: string }[];
  let outsider: { id: number };

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    app = testApp(db);
    partnerUser = await makeUser(db, { name: 'Paula Partner' });
    partner = await makeOrganisation(db, { kind: 'partner', ownerId: partnerUser.id, name: 'Green Partner' });
    otherPartnerUser = await makeUser(db);
    await makeOrganisation(db, { kind: 'partner', ownerId: otherPartnerUser.id });
    const owner = await makeUser(db);
    signatory = await makeOrganisation(db, { signed: true, ownerId: owner.id });
    members = [owner, await makeUser(db), await makeUser(db)];
    for (const m of members.slice(1)) await addMember(db, signatory.id, m.id);
    outsider = await makeUser(db);
    await makeOrganisation(db, { ownerId: outsider.id });
  });
  afterAll(async () => t?.destroy());

  async function client(userId: number) {
    const c = new TestClient(app);
    await loginAs(db, c, userId);
    return c;
  }

  const form = {
    title: 'Mesurer son parc',
    description: 'Premiers pas',
    theme: 'measurement',
    levels: ['1', '2'],
    format: 'hybrid',
    online_url: 'https://visio.example.org/a',
    address: '1 rue de Paris',
    start_date: '2099-03-29',
    start_time: '10:00',
    time_zone: 'Europe/Paris',
    duration_minutes: '90',
    capacity: '1',
    language: 'fr',
    repeat: 'none',
    occurrences: '1',
  };

  it('lets a partner publish through the form, with field errors in the user’s language', async () => {
    const c = await client(partnerUser.id);
    const bad = await c.post('/workshops', { ...form, online_url: '', start_time: '02:30', levels: [] });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('lien de connexion');
    expect(html).toContain('heure d’été');
    expect(html).toContain('au moins un niveau');
    const res = await c.post('/workshops', { ...form, publish: 'publish' });
    expect(res.status).toBe(303);
    const id = Number(/\/workshops\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const w = await db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(w.status).toBe('published');
    expect(w.starts_at).toBe('2099-03-29T08:00:00.000Z');
    expect(w.time_zone).toBe('Europe/Paris');
    // Shown in the viewer's zone.
    const page = await (await c.get(`/workshops/${id}?tz=America/Montreal&lang=en`)).text();
    expect(page).toMatch(/04:00/);
    expect(page).toContain('Europe/Paris');
  });

  it('refuses the form to non-partners and edits to another partner', async () => {
    expect((await (await client(members[0]!.id)).post('/workshops', { ...form, publish: 'publish' })).status).toBe(403);
    const id = await quickWorkshop(db, { organisationId: partner.id, createdBy: partnerUser.id, capacity: 5 });
    const other = await client(otherPartnerUser.id);
    expect((await other.get(`/workshops/${id}/edit`)).status).toBe(403);
    expect((await other.post(`/workshops/${id}`, form)).status).toBe(403);
    expect((await other.get(`/workshops/${id}/registrants`)).status).toBe(403);
    expect((await (await client(members[0]!.id)).get(`/workshops/${id}/registrants`)).status).toBe(403);
    expect((await (await client(partnerUser.id)).get(`/workshops/${id}/registrants`)).status).toBe(200);
  });

  it('registers, waitlists, promotes on cancellation and mails each step with an invitation', async () => {
    const id = await quickWorkshop(db, { organisationId: partner.id, createdBy: partnerUser.id, capacity: 1 });
    const [a, b] = members;
    const ta = await apiTokenFor(db, a!.id);
    const tb = await apiTokenFor(db, b!.id);
    const post = (token: string) =>
      app.request(`/api/v1/workshops/${id}/registrations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
    const ra = await post(ta);
    expect(ra.status).toBe(201);
    expect(await ra.json()).toMatchObject({ status: 'confirmed' });
    const rb = await post(tb);
    expect(await rb.json()).toMatchObject({ status: 'waitlisted', waitlist_position: 1 });
    expect((await post(ta)).status).toBe(409);
    const invite = await db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', a!.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const att = JSON.parse(invite.attachments_json!)[0];
    expect(att.contentType).toContain('method=REQUEST');
    const { comp, events } = parseIcs(att.content);
    expect(comp.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events[0]!.uid).toBe(`workshop-${id}@127.0.0.1`);
    const w = await db.selectFrom('workshops').select('starts_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe(w.starts_at);
    expect(events[0]!.attendees.length).toBe(1);

    const del = await app.request(`/api/v1/workshops/${id}/registrations/me`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ta}` },
    });
    expect(await del.json()).toEqual({ status: 'cancelled', promoted: 1 });
    const regB = await db
      .selectFrom('workshop_registrations')
      .selectAll()
      .where('workshop_id', '=', id)
      .where('user_id', '=', b!.id)
      .executeTakeFirstOrThrow();
    expect(regB.status).toBe('confirmed');
    const mailB = await db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', b!.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mailB.subject).toContain('Une place s’est libérée');
    expect(mailB.attachments_json).toContain('METHOD:REQUEST');
  });

  it('answers the API contract errors: 403 non-signatory, 404, 409 closed, 400 organisation choice', async () => {
    const id = await quickWorkshop(db, { organisationId: partner.id, createdBy: partnerUser.id, capacity: 5 });
    const out = await apiTokenFor(db, outsider.id);
    const r1 = await app.request(`/api/v1/workshops/${id}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${out}` },
    });
    expect(r1.status).toBe(403);
    expect((await r1.json()).error.code).toBe('not_signatory');
    const tok = await apiTokenFor(db, members[2]!.id);
    expect(
      (
        await app.request(`/api/v1/workshops/999999/registrations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tok}` },
        })
      ).status,
    ).toBe(404);
    const closed = await quickWorkshop(db, {
      organisationId: partner.id,
      createdBy: partnerUser.id,
      capacity: 5,
      closesAt: new Date(Date.now() - 1000).toISOString(),
    });
    const r3 = await app.request(`/api/v1/workshops/${closed}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}` },
    });
    expect(r3.status).toBe(409);
    expect((await r3.json()).error.code).toBe('registration_closed');
    // A member of two signatory organisations must say which.
    const second = await makeOrganisation(db, { signed: true });
    await addMember(db, second.id, members[2]!.id);
    const r4 = await app.request(`/api/v1/workshops/${id}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}` },
    });
    expect(r4.status).toBe(400);
    const r5 = await app.request(`/api/v1/workshops/${id}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
      body: JSON.stringify({ organisation_id: second.id }),
    });
    expect(await r5.json()).toMatchObject({ status: 'confirmed', organisation_id: second.id });
  });

  it('lists workshops in the API with filters and a Link header, and creates them with a partner token', async () => {
    const tok = await apiTokenFor(db, partnerUser.id);
    const created = await app.request('/api/v1/workshops', {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...form,
        theme: 'ecodesign',
        format: 'online',
        address: undefined,
        levels: [4, 5],
        start_date: '2098-01-31',
        repeat: 'monthly',
        occurrences: 3,
        publish: true,
      }),
    });
    expect(created.status).toBe(201);
    const { ids } = await created.json();
    expect(ids.length).toBe(3);
    const series = await db
      .selectFrom('workshops')
      .select(['series_id', 'starts_at'])
      .where('id', 'in', ids)
      .orderBy('starts_at')
      .execute();
    expect(new Set(series.map((s) => s.series_id)).size).toBe(1);
    expect(series[1]!.starts_at.slice(0, 10)).toBe('2098-02-28');
    const list = await app.request('/api/v1/workshops?theme=ecodesign&level=5&per_page=2');
    expect(list.status).toBe(200);
    expect(list.headers.get('link')).toContain('rel="next"');
    const body = await list.json();
    expect(body.total).toBe(3);
    expect(body.data.every((w: { theme: string }) => w.theme === 'ecodesign')).toBe(true);
    const memberTok = await apiTokenFor(db, members[1]!.id);
    expect(
      (
        await app.request('/api/v1/workshops', {
          method: 'POST',
          headers: { authorization: `Bearer ${memberTok}`, 'content-type': 'application/json' },
          body: JSON.stringify(form),
        })
      ).status,
    ).toBe(403);
    const up = await upcomingWorkshops(db, { from: '2098-01-01T00:00:00Z', to: '2098-12-31T00:00:00Z', levels: [4] });
    expect(up.map((u) => u.id)).toEqual(ids);
  });

  it('serves iCalendar feeds that an independent parser reads', async () => {
    const all = await app.request('/workshops.ics');
    expect(all.headers.get('content-type')).toContain('text/calendar');
    const { events } = parseIcs(await all.text());
    expect(events.length).toBeGreaterThan(2);
    for (const e of events) expect(e.startDate.isDate).toBe(false);
    const partnerFeed = parseIcs(await (await app.request(`/partners/${partner.id}/workshops.ics`)).text());
    expect(partnerFeed.events.length).toBeGreaterThan(0);
    const c = await client(members[1]!.id);
    const page = await (await c.post('/me/workshops/calendar-link')).text();
    const url = /<code id="calendar-link">([^<]+)<\/code>/.exec(page)![1]!;
    const mine = parseIcs(await (await app.request(new URL(url).pathname)).text());
    expect(mine.events.length).toBeGreaterThan(0);
    expect((await app.request('/me/workshops/not-a-token.ics')).status).toBe(404);
  });

  it('sends reminders once per registration, and records attendance, feedback and stats after the workshop', async () => {
    const soon = await quickWorkshop(db, {
      organisationId: partner.id,
      createdBy: partnerUser.id,
      capacity: 5,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const tok = await apiTokenFor(db, members[1]!.id);
    await app.request(`/api/v1/workshops/${soon}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}` },
    });
    const config = testConfig();
    expect(await sendDueReminders(db, config)).toBeGreaterThanOrEqual(1);
    expect(await sendDueReminders(db, config)).toBe(0);

    // A past workshop: the registration is inserted as it stood before the start.
    const past = await quickWorkshop(db, {
      organisationId: partner.id,
      createdBy: partnerUser.id,
      capacity: 5,
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const now = new Date().toISOString();
    const reg = await db
      .insertInto('workshop_registrations')
      .values({
        workshop_id: past,
        user_id: members[1]!.id,
        organisation_id: signatory.id,
        status: 'confirmed',
        queued_at: now,
        confirmed_at: now,
        cancelled_at: null,
        notified_status: 'confirmed',
        attended: null,
        reminder_sent_at: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const organiser = await client(partnerUser.id);
    expect((await organiser.post(`/workshops/${past}/attendance`, { present: [String(reg.id)] })).status).toBe(303);
    expect(
      (await organiser.post(`/workshops/${past}/replay`, { replay_url: 'https://video.example.org/r' })).status,
    ).toBe(303);
    const member = await client(members[1]!.id);
    expect((await member.post(`/workshops/${past}/feedback`, { rating: '4', comment: 'Bien' })).status).toBe(303);
    const again = await member.post(`/workshops/${past}/feedback`, { rating: '5' });
    expect(again.headers.get('location')).toContain('feedback_given');
    const page = await (await member.get(`/workshops/${past}`)).text();
    expect(page).toContain('https://video.example.org/r');
    expect((await (await client(outsider.id)).get(`/workshops/${past}`)).status).toBe(200);
    expect(await (await (await client(outsider.id)).get(`/workshops/${past}`)).text()).not.toContain(
      'https://video.example.org/r',
    );
    const year = new Date(Date.now() - 86_400_000).getUTCFullYear();
    const stats = await workshopStats(db, year);
    expect(stats.total.attended).toBeGreaterThanOrEqual(1);
    expect(stats.total.satisfaction).toBe(4);
    expect((await workshopsAttendedBy(db, signatory.id, year)).map((w) => w.workshopId)).toContain(past);
    const programme = await (await client(partnerUser.id)).get(`/workshops/programme?year=${year}`);
    expect(programme.status).toBe(200);
    expect((await (await client(members[1]!.id)).get('/workshops/programme')).status).toBe(403);
  });

  it('notifies registrants of a change and of a cancellation (iCalendar CANCEL)', async () => {
    const c = await client(partnerUser.id);
    const res = await c.post('/workshops', { ...form, start_date: '2097-10-25', capacity: '5', publish: 'publish' });
    const id = Number(/\/workshops\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const tok = await apiTokenFor(db, members[0]!.id);
    await app.request(`/api/v1/workshops/${id}/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}` },
    });
    expect(
      (await c.post(`/workshops/${id}`, { ...form, start_date: '2097-10-25', start_time: '11:00', capacity: '5' }))
        .status,
    ).toBe(303);
    const changed = await db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', members[0]!.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(changed.subject).toContain('Atelier modifié');
    const ev = parseIcs(JSON.parse(changed.attachments_json!)[0].content).events[0]!;
    expect(ev.startDate.toJSDate().toISOString()).toBe(
      zonedToUtc('2097-10-25', '11:00', 'Europe/Paris')!.toISOString(),
    );
    expect(ev.sequence).toBe(1);
    // Cancelling asks for a note and a confirmation: without them nothing happens.
    const unconfirmed = await c.post(`/workshops/${id}/cancel`, { note: 'Salle indisponible' });
    expect(unconfirmed.headers.get('location')).toContain('note_required');
    expect(
      (await db.selectFrom('workshops').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
    ).toBe('published');
    expect((await c.post(`/workshops/${id}/cancel`, { note: 'Salle indisponible', confirm: 'yes' })).status).toBe(303);
    const cancelled = await db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', members[0]!.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(cancelled.attachments_json).toContain('METHOD:CANCEL');
    expect(cancelled.body_text).toContain('Salle indisponible');
  });

  it('shows the calendar, filtered, with the for-my-level fallback', async () => {
    const res = await (await client(members[0]!.id)).get('/workshops?for=me&theme=measurement');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('pas encore connu');
  });
});
