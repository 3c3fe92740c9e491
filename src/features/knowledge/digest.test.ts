import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { openDb } from '../../db/client.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { publishResource } from './publish-resource.js';
import type { TResourceInput } from './schemas.js';
import { sendMonthlyDigest, type TDigestSources } from './send-monthly-digest.js';

describeEachDb('knowledge: monthly digest', (kind) => {
  let t: TTestDb;
  const config = testConfig();
  const levelOfOrg = new Map<number, number>();
  const workshopCalls: (number[] | undefined)[] = [];
  // Stand-ins for the maturity and workshops features: one workshop per level, filtered as the contract says.
  const sources: Partial<TDigestSources> = {
    maturityLevelOf: async (_db, orgId) => levelOfOrg.get(orgId) ?? null,
    workshopsBetween: async (_db, from, to, levels) => {
      workshopCalls.push(levels);
      return [1, 2, 3, 4, 5]
        .filter((l) => !levels || levels.includes(l))
        .map((l) => ({ id: 100 + l, title: `Atelier niveau ${l}`, startsAt: from }));
    },
    pendingActionsOf: async () => null,
  };
  const users: Record<string, { id: number; email: string }> = {};

  const mailsTo = (email: string) =>
    t.db.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', email).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const [name, level, optIn] of [
      ['beginner', 1, 1],
      ['advanced', 4, 1],
      ['quiet', 2, 0],
      ['unassessed', null, 1],
    ] as const) {
      const u = await makeUser(t.db, { name });
      users[name] = u;
      const org = await makeOrganisation(t.db, { kind: 'company', ownerId: u.id, signed: true });
      if (level) levelOfOrg.set(org.id, level);
      await t.db.updateTable('users').set({ digest_opt_in: optIn }).where('id', '=', u.id).execute();
    }
    // Opted in but in no organisation: not a member, no digest.
    const loner = await makeUser(t.db, { name: 'loner' });
    users.loner = loner;
    await t.db.updateTable('users').set({ digest_opt_in: 1 }).where('id', '=', loner.id).execute();

    const partner = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { kind: 'partner', ownerId: partner.id });
    const actor = (await loadCurrentUser(t.db, partner.id))!;
    const input: Omit<TResourceInput, 'title'> = {
      organisationId: org.id,
      summary: 'Un résumé suffisamment long.',
      kind: 'guide',
      language: 'fr',
      publishedOn: '2026-02-10',
      licence: 'cc-by-4.0',
      url: 'https://example.org',
      themes: [],
      levels: [],
      levers: [],
      rgesn: [],
    };
    const feb = await publishResource(t.db, config, actor, { ...input, title: 'Publiée en février' }, null);
    const jan = await publishResource(t.db, config, actor, { ...input, title: 'Publiée en janvier' }, null);
    await t.db
      .updateTable('knowledge_resources')
      .set({ created_at: '2026-02-14T10:00:00.000Z' })
      .where('id', '=', feb.id)
      .execute();
    await t.db
      .updateTable('knowledge_resources')
      .set({ created_at: '2026-01-20T10:00:00.000Z' })
      .where('id', '=', jan.id)
      .execute();
  });
  afterAll(() => t.destroy());

  it('sends each opted-in member the workshops of their level and last month’s publications', async () => {
    const r = await sendMonthlyDigest(t.db, config, '2026-03', { sources });
    expect(r).toEqual({ sent: 3, alreadySent: 0 });
    const beginner = await mailsTo(users.beginner!.email);
    expect(beginner).toHaveLength(1);
    expect(beginner[0]!.subject).toContain('mars 2026');
    expect(beginner[0]!.body_text).toContain('Atelier niveau 1');
    expect(beginner[0]!.body_text).not.toContain('Atelier niveau 4');
    expect(beginner[0]!.body_text).toContain('Publiée en février');
    expect(beginner[0]!.body_text).not.toContain('Publiée en janvier');
    // The actions feature exports no pending actions here: the section is left out rather than shown empty.
    expect(beginner[0]!.body_text).not.toContain('Vos actions en cours');
    const advanced = (await mailsTo(users.advanced!.email))[0]!.body_text;
    expect(advanced).toContain('Atelier niveau 4');
    expect(advanced).not.toContain('Atelier niveau 1');
    // No assessment: every level's workshops.
    const unassessed = (await mailsTo(users.unassessed!.email))[0]!.body_text;
    for (const l of [1, 2, 3, 4, 5]) expect(unassessed).toContain(`Atelier niveau ${l}`);
    expect(await mailsTo(users.quiet!.email)).toHaveLength(0);
    expect(await mailsTo(users.loner!.email)).toHaveLength(0);
    expect(workshopCalls).toContainEqual([1]);
    expect(workshopCalls).toContainEqual([4]);
  });

  it('never sends twice for a month, even with concurrent senders on one handle and on two handles', async () => {
    const again = await sendMonthlyDigest(t.db, config, '2026-03', { sources });
    expect(again).toEqual({ sent: 0, alreadySent: 3 });

    const same = await Promise.all([
      sendMonthlyDigest(t.db, config, '2026-04', { sources }),
      sendMonthlyDigest(t.db, config, '2026-04', { sources }),
    ]);
    expect(same[0].sent + same[1].sent).toBe(3);

    const second = openDb(t.url);
    try {
      const two = await Promise.all([
        sendMonthlyDigest(t.db, config, '2026-05', { sources }),
        sendMonthlyDigest(second, config, '2026-05', { sources }),
        sendMonthlyDigest(second, config, '2026-05', { sources }),
      ]);
      expect(two.reduce((n, x) => n + x.sent, 0)).toBe(3);
    } finally {
      await second.destroy();
    }
    for (const name of ['beginner', 'advanced', 'unassessed'])
      expect(await mailsTo(users[name]!.email), name).toHaveLength(3);
  });

  it('unsubscribes from the link in the mail without logging in; GET changes nothing', async () => {
    // The outbox shows the link masked; the deliverable text (sent by the delivery job) carries it whole.
    expect((await mailsTo(users.beginner!.email))[0]!.body_text).toMatch(/\/digest\/unsubscribe\/\S{4}…\[masked\]/);
    const mail = (
      await t.db
        .selectFrom('outbox')
        .select('secret_text')
        .where('to_address', '=', users.beginner!.email)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).secret_text!;
    const path = /\/digest\/unsubscribe\/[A-Za-z0-9_-]+/.exec(mail)![0];
    const client = new TestClient(testApp(t.db));
    const page = await client.get(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(users.beginner!.email);
    const optIn = () =>
      t.db.selectFrom('users').select('digest_opt_in').where('id', '=', users.beginner!.id).executeTakeFirstOrThrow();
    expect((await optIn()).digest_opt_in).toBe(1);
    expect((await client.post(path)).status).toBe(200);
    expect((await optIn()).digest_opt_in).toBe(0);
    expect((await client.get('/digest/unsubscribe/not-a-real-token-at-all-0000')).status).toBe(404);
    expect((await client.post('/digest/unsubscribe/not-a-real-token-at-all-0000')).status).toBe(404);
    const june = await sendMonthlyDigest(t.db, config, '2026-06', { sources });
    expect(june.sent).toBe(2);
    expect(await mailsTo(users.beginner!.email)).toHaveLength(3);
  });

  it('lets only administrators press the digest button', async () => {
    const app = testApp(t.db);
    const member = new TestClient(app);
    const { loginAs } = await import('../../../test/helpers/factories.js');
    await loginAs(t.db, member, users.advanced!.id);
    expect((await member.post('/admin/digest', { month: '2026-07' })).status).toBe(403);
    const admin = new TestClient(app);
    await loginAs(t.db, admin, (await makeUser(t.db, { admin: true })).id);
    expect((await admin.post('/admin/digest', { month: '2026-13' })).headers.get('location')).toContain(
      'flash=knowledge.digest.monthInvalid',
    );
    const res = await admin.post('/admin/digest', { month: '2026-07' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/digest?sent=2&already=0');
  });
  it('a failure between the claim and the mail leaves neither, and the next run sends it: at least and at most once', async () => {
    // The outbox cannot be written (a real failure of the insert): the claim rolls back with it.
    await sql`alter table outbox rename to outbox_away`.execute(t.db);
    await expect(sendMonthlyDigest(t.db, config, '2026-09', { sources })).rejects.toThrow();
    await sql`alter table outbox_away rename to outbox`.execute(t.db);
    const claims = await t.db
      .selectFrom('knowledge_digest_sends')
      .select('id')
      .where('month', '=', '2026-09')
      .execute();
    expect(claims).toHaveLength(0);
    const retry = await sendMonthlyDigest(t.db, config, '2026-09', { sources });
    expect(retry.sent).toBeGreaterThan(0);
    // Each claim has its outbox mail, and a third run queues nothing more.
    const sends = await t.db
      .selectFrom('knowledge_digest_sends')
      .select('outbox_id')
      .where('month', '=', '2026-09')
      .execute();
    expect(sends).toHaveLength(retry.sent);
    expect(sends.every((x) => x.outbox_id !== null)).toBe(true);
    expect((await sendMonthlyDigest(t.db, config, '2026-09', { sources })).sent).toBe(0);
  });
});
