import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DB } from '../../db/client.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { startServer, type TRunningServer } from '../../../test/helpers/server.js';
import { quickUsers, quickWorkshop } from './test-kit.js';

/**
 * No overbooking, for real: two server instances on one database (two separate handles), 200 registrations sent
 * at once over HTTP, alternating between the instances.
 */
describeEachDb('workshop registrations under concurrency', (kind) => {
  let t: TTestDb;
  let second: DB;
  let servers: TRunningServer[] = [];
  let users: { id: number; token: string }[] = [];
  let orgIds: number[] = [];
  let partnerId: number;
  let author: number;

  beforeAll(async () => {
    t = await createTestDb(kind);
    second = openDb(t.url);
    servers = [await startServer(t.db), await startServer(second)];
    author = (await makeUser(t.db)).id;
    partnerId = (await makeOrganisation(t.db, { kind: 'partner', ownerId: author })).id;
    // 200 members spread over 10 signatory organisations.
    for (let o = 0; o < 10; o++) {
      const org = await makeOrganisation(t.db, { signed: true });
      orgIds.push(org.id);
      users.push(...(await quickUsers(t.db, org.id, 20)));
    }
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) await s.close();
    await second?.destroy();
    await t?.destroy();
  });

  async function registerAll(workshopId: number): Promise<{ statuses: string[]; ms: number }> {
    const started = performance.now();
    const responses = await Promise.all(
      users.map(async (u, i) => {
        const res = await fetch(`${servers[i % 2]!.url}/api/v1/workshops/${workshopId}/registrations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${u.token}` },
        });
        const body = (await res.json()) as { status?: string; error?: unknown };
        return res.status === 201 ? body.status! : `${res.status}:${JSON.stringify(body.error)}`;
      }),
    );
    return { statuses: responses, ms: performance.now() - started };
  }

  async function dbCounts(workshopId: number) {
    const rows = await t.db
      .selectFrom('workshop_registrations')
      .select(['status', 'organisation_id'])
      .where('workshop_id', '=', workshopId)
      .execute();
    return {
      confirmed: rows.filter((r) => r.status === 'confirmed'),
      waitlisted: rows.filter((r) => r.status === 'waitlisted'),
    };
  }

  it('200 concurrent registrations for 20 seats: exactly 20 confirmed, 180 waitlisted', async () => {
    const id = await quickWorkshop(t.db, { organisationId: partnerId, createdBy: author, capacity: 20 });
    const { statuses, ms } = await registerAll(id);
    const confirmed = statuses.filter((s) => s === 'confirmed').length;
    const waitlisted = statuses.filter((s) => s === 'waitlisted').length;
    console.log(
      `[${kind}] 200 registrations over 2 instances in ${ms.toFixed(0)} ms: ${confirmed} confirmed, ${waitlisted} waitlisted`,
    );
    expect(statuses.filter((s) => s !== 'confirmed' && s !== 'waitlisted')).toEqual([]);
    expect(confirmed).toBe(20);
    expect(waitlisted).toBe(180);
    const db = await dbCounts(id);
    expect(db.confirmed.length).toBe(20);
    expect(db.waitlisted.length).toBe(180);
    // Each status change was mailed exactly once: 200 mails for 200 registrations.
    const mails = await t.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(mails.n)).toBe(200);
  }, 120_000);

  it('respects the per-organisation limit under concurrency (3 seats per organisation, 10 organisations)', async () => {
    const id = await quickWorkshop(t.db, {
      organisationId: partnerId,
      createdBy: author,
      capacity: 50,
      perOrgLimit: 3,
    });
    const { statuses, ms } = await registerAll(id);
    console.log(`[${kind}] per-organisation limit run in ${ms.toFixed(0)} ms`);
    expect(statuses.filter((s) => s !== 'confirmed' && s !== 'waitlisted')).toEqual([]);
    const db = await dbCounts(id);
    expect(db.confirmed.length).toBe(30);
    for (const org of orgIds) expect(db.confirmed.filter((r) => r.organisation_id === org).length).toBe(3);
    expect(statuses.filter((s) => s === 'confirmed').length).toBe(30);
  }, 120_000);
});
