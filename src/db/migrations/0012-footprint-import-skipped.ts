import type { Kysely } from 'kysely';

/**
 * Rows an import left out on purpose (a preset's status rules: scrapped or in-stock devices), per column and
 * value, so the import page can say how many and why. Null on imports that skipped nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('footprint_imports').addColumn('skipped_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('footprint_imports').dropColumn('skipped_json').execute();
}
