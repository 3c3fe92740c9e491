import type { Kysely } from 'kysely';

/**
 * The organisation's reference profile (a coherent choice of sources inside a factor set, e.g. `ademe-fr` or
 * `boavizta-eu`). Null: the factor set's default profile, which is what every organisation had before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('footprint_settings').addColumn('profile', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('footprint_settings').dropColumn('profile').execute();
}
