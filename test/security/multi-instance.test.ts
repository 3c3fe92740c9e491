/**
 * Several instances on one database: two server processes on one SQLite file (or one PostgreSQL database) confirm
 * sign-ups sent to them alternately and all at once, and none answers an error ("database is locked").
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueEmailToken } from '../../src/features/accounts/email-tokens.js';
import { createUser } from '../../src/features/accounts/index.js';
import { createTestDb, describeEachDb, type TTestDb } from '../helpers/db.js';
import { startInstance, type TInstance } from '../helpers/instances.js';

describeEachDb('two instances on one database', (kind) => {
  let t: TTestDb;
  let instances: TInstance[] = [];
  beforeAll(async () => {
    t = await createTestDb(kind);
    instances = await Promise.all([startInstance(t.url), startInstance(t.url)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await t.destroy();
  });

  it('confirms 60 sign-ups sent alternately to both instances at once, without one error', async () => {
    const tokens: { id: number; token: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const id = await createUser(t.db, {
        email: `multi-${i}@example.org`,
        password: 'correct horse battery staple',
        name: `User ${i}`,
        confirmed: false,
      });
      tokens.push({ id, token: await issueEmailToken(t.db, id, 'confirm') });
    }
    const statuses = await Promise.all(
      tokens.map(({ token }, i) =>
        fetch(`${instances[i % 2]!.url}/confirm/${token}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { origin: instances[i % 2]!.url },
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s !== 303)).toEqual([]);
    const confirmed = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', 'like', 'multi-%')
      .where('email_confirmed_at', 'is not', null)
      .execute();
    expect(confirmed).toHaveLength(60);
    const sessions = await t.db
      .selectFrom('sessions')
      .select('user_id')
      .where(
        'user_id',
        'in',
        tokens.map((x) => x.id),
      )
      .execute();
    expect(sessions).toHaveLength(60);
  }, 120_000);
});
