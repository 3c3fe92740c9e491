import type { Kysely } from 'kysely';

/**
 * An import's process writes `heartbeat_at` every few seconds while it runs: a row still "running" whose heartbeat
 * stopped belongs to a dead process (killed, crashed) and is marked failed, on both engines and with several
 * instances, without waiting for a long fixed delay.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('footprint_imports').addColumn('heartbeat_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('footprint_imports').dropColumn('heartbeat_at').execute();
}
