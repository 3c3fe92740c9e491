import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrate.js';
import { createTestDb, describeEachDb, type TTestDb } from './helpers/db.js';

describeEachDb('migrations', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('apply a missing migration that sorts before ones already applied', async () => {
    // A database migrated before 0021 existed: its later migrations (0030…) ran, 0021 did not.
    const down = (await import('../src/db/migrations/0021-rgesn-declarations.js')).down;
    await down(t.db as never);
    await sql`delete from kysely_migration where name = '0021-rgesn-declarations'`.execute(t.db);
    const applied = await migrateToLatest(t.db);
    expect(applied).toEqual(['0021-rgesn-declarations']);
    await expect(t.db.selectFrom('rgesn_declarations').select('id').execute()).resolves.toEqual([]);
  });
});
