import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDb, describeEachDb, type TTestDb } from '../test/helpers/db.js';
import { makeUser } from '../test/helpers/factories.js';
import { nowIso } from './db/client.js';
import { hitRateLimit } from './http/middleware/rate-limit.js';
import { purgeExpiredSessions, purgeOldRateLimits, RATE_LIMIT_RETENTION_MS } from './housekeeping.js';
import { platformJobs } from './jobs.js';

describeEachDb('maintenance jobs', (kind) => {
  let t: TTestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
  });
  afterEach(() => t.destroy());

  it('deletes expired sessions and keeps live ones', async () => {
    const user = await makeUser(t.db);
    const now = new Date('2026-03-01T12:00:00Z');
    const session = (hash: string, expires: Date) => ({
      token_hash: hash,
      user_id: user.id,
      created_at: nowIso(new Date(expires.getTime() - 86_400_000)),
      expires_at: nowIso(expires),
    });
    await t.db
      .insertInto('sessions')
      .values([session('expired', new Date(now.getTime() - 1000)), session('live', new Date(now.getTime() + 1000))])
      .execute();
    expect(await purgeExpiredSessions(t.db, now)).toBe(1);
    expect((await t.db.selectFrom('sessions').select('token_hash').execute()).map((s) => s.token_hash)).toEqual([
      'live',
    ]);
  });

  it('deletes rate-limit attempts older than the retention, and limits still count within their window', async () => {
    const now = new Date();
    await t.db
      .insertInto('rate_limits')
      .values([
        { key: 'login:ip:203.0.113.9', at: nowIso(new Date(now.getTime() - RATE_LIMIT_RETENTION_MS - 60_000)) },
        { key: 'login:ip:203.0.113.9', at: nowIso(new Date(now.getTime() - 60_000)) },
      ])
      .execute();
    expect(await purgeOldRateLimits(t.db, now)).toBe(1);
    expect(await t.db.selectFrom('rate_limits').select('key').execute()).toHaveLength(1);
    // The recent attempt still counts: a limit of 2 allows one more, then refuses.
    expect(await hitRateLimit(t.db, 'login:ip:203.0.113.9', 2, 15 * 60_000)).toBe(true);
    expect(await hitRateLimit(t.db, 'login:ip:203.0.113.9', 2, 15 * 60_000)).toBe(false);
  });

  it('are registered to run on a timer (with mail delivery)', () => {
    expect(platformJobs.map((j) => j.name).sort()).toEqual([
      'mail-delivery',
      'purge-expired-sessions',
      'purge-old-rate-limits',
      'wipe-stale-outbox-secrets',
    ]);
  });
});
