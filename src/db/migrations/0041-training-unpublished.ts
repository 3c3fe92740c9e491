import type { Kysely } from 'kysely';

/**
 * A training taken offline without being deleted (its organisation lost the status that let it publish, or an
 * administrator unpublished it): `unpublished_at` set, the catalogue and the API no longer show it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('trainings').addColumn('unpublished_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('trainings').dropColumn('unpublished_at').execute();
}
