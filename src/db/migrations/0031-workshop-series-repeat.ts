import type { Kysely } from 'kysely';

/**
 * The repetition rule of a recurring series (weekly or monthly), kept on each occurrence so a series can be
 * extended later with the same rule. Older series have null and are inferred from their first two occurrences.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workshops').addColumn('series_repeat', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workshops').dropColumn('series_repeat').execute();
}
