import type { Kysely } from 'kysely';

/**
 * The RFC 5545 recurrence rule of a series (`FREQ=MONTHLY;BYDAY=+3TH`, the third Thursday), kept on each
 * occurrence so an extension follows the same rule. Null for single workshops and for series on a plain weekly or
 * monthly rule (`series_repeat`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workshops').addColumn('series_rrule', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workshops').dropColumn('series_rrule').execute();
}
