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

  it('migrates existing organisations to granted statuses and unique name keys (0004)', async () => {
    const down = (await import('../src/db/migrations/0004-organisation-status.js')).down;
    await down(t.db as never);
    await sql`delete from kysely_migration where name = '0004-organisation-status'`.execute(t.db);
    const now = new Date().toISOString();
    const base = {
      siren: null,
      size_band: '1-9',
      sector: 'association',
      region: 'IDF',
      website: null,
      description: '',
      created_at: now,
      updated_at: now,
      search_name: '',
    };
    const insert = (slug: string, name: string, kind: string, founding = 0) =>
      (t.db as any)
        .insertInto('organisations')
        .values({ ...base, slug, name, kind, is_founding_partner: founding, is_demo: 0 })
        .returning('id')
        .executeTakeFirstOrThrow() as Promise<{ id: number }>;
    const founding = await insert('fing-m', 'Fing', 'partner', 1);
    const claimed = await insert('claimed-m', 'Fing Bis', 'partner');
    const company = await insert('acme-m', 'Acmé', 'company');
    const duplicate = await insert('acme-2-m', 'ACME', 'company');
    expect(await migrateToLatest(t.db)).toEqual(['0004-organisation-status']);
    const grants = await t.db
      .selectFrom('organisation_status_requests')
      .select(['organisation_id', 'kind', 'status', 'reason', 'previous_kind'])
      .orderBy('organisation_id')
      .execute();
    expect(grants).toEqual([
      {
        organisation_id: founding.id,
        kind: 'partner',
        status: 'granted',
        reason: 'installation',
        previous_kind: 'company',
      },
      {
        organisation_id: claimed.id,
        kind: 'partner',
        status: 'granted',
        reason: 'before-review',
        previous_kind: 'company',
      },
    ]);
    const keys = await t.db
      .selectFrom('organisations')
      .select(['id', 'name_key', 'kind'])
      .where('id', 'in', [company.id, duplicate.id, founding.id])
      .orderBy('id')
      .execute();
    expect(keys).toEqual([
      { id: founding.id, name_key: 'fing', kind: 'partner' },
      { id: company.id, name_key: 'acme', kind: 'company' },
      { id: duplicate.id, name_key: `acme#${duplicate.id}`, kind: 'company' },
    ]);
  });
});
