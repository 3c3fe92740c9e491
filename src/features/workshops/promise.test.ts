import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import type { TCurrentUser } from '../../http/env.js';
import { updateWorkshops } from './edit-series.js';
import { workshopReviewStats } from './review-aggregates.js';
import { createWorkshops, publishWorkshop } from './save-workshop.js';
import { ZWorkshopInput } from './schemas.js';
import { quickWorkshop } from './test-kit.js';

const day = 86_400_000;
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describeEachDb('workshops keep the promise: never published in the past, held means ended', (kind) => {
  let t: TTestDb;
  let organiser: TCurrentUser;
  let orgId: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const u = await makeUser(t.db);
    orgId = (await makeOrganisation(t.db, { kind: 'partner', ownerId: u.id })).id;
    organiser = (await loadCurrentUser(t.db, u.id))!;
  });
  afterAll(() => t.destroy());

  const input = (startMs: number, publish: boolean) =>
    ZWorkshopInput.parse({
      title: 'Mesurer',
      description: 'd',
      theme: 'measurement',
      levels: ['1'],
      format: 'online',
      online_url: 'https://visio.example.org/a',
      start_date: ymd(startMs),
      start_time: '10:00',
      time_zone: 'UTC',
      duration_minutes: 60,
      capacity: 10,
      publish,
    });

  it('refuses to publish, or move, a workshop into the past; a past draft stays a draft', async () => {
    await expect(createWorkshops(t.db, organiser, input(Date.now() - 2 * day, true))).rejects.toMatchObject({
      code: 'start_in_past',
    });
    const [draft] = await createWorkshops(t.db, organiser, input(Date.now() - 2 * day, false));
    await expect(publishWorkshop(t.db, organiser, draft!)).rejects.toMatchObject({ code: 'start_in_past' });
    const [live] = await createWorkshops(t.db, organiser, input(Date.now() + 10 * day, true));
    await expect(
      updateWorkshops(t.db, testConfig(), organiser, live!, input(Date.now() - 3 * day, true)),
    ).rejects.toMatchObject({ code: 'start_in_past' });
    // The form says which field is wrong.
    const c = new TestClient(testApp(t.db));
    await loginAs(t.db, c, organiser.id);
    const res = await c.post('/workshops?lang=en', {
      title: 'Mesurer',
      description: 'd',
      theme: 'measurement',
      levels: '1',
      format: 'online',
      online_url: 'https://visio.example.org/a',
      start_date: ymd(Date.now() - day),
      start_time: '10:00',
      time_zone: 'UTC',
      duration_minutes: '60',
      capacity: '10',
      publish: 'publish',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('A published workshop starts in the future');
  });

  it('counts in the review only the workshops that ended, not future or running ones', async () => {
    // A fixed day in a year of its own, and "now" given explicitly: nothing depends on the clock.
    const at = (hhmm: string) => `2031-06-15T${hhmm}:00.000Z`;
    const ended = await quickWorkshop(t.db, {
      organisationId: orgId,
      createdBy: organiser.id,
      capacity: 5,
      startsAt: at('08:00'),
    });
    await t.db.updateTable('workshops').set({ duration_minutes: 120 }).where('id', '=', ended).execute();
    await quickWorkshop(t.db, { organisationId: orgId, createdBy: organiser.id, capacity: 5, startsAt: at('09:50') });
    await quickWorkshop(t.db, { organisationId: orgId, createdBy: organiser.id, capacity: 5, startsAt: at('11:00') });
    const held = async (now: string) =>
      (await workshopReviewStats(t.db, 2031, { includeDemo: true, at: now })).total.workshops;
    expect(await held(at('10:00'))).toBe(1);
    expect(await held(at('10:49'))).toBe(1);
    expect(await held(at('10:50'))).toBe(2);
    expect(await held(at('12:00'))).toBe(3);
  });
});
