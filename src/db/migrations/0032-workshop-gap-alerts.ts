import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * Alerts about a month of the next two without any published workshop: one row per month and recipient, under a
 * unique key, written in the transaction that queues the mail, so each person is told once per month concerned
 * whatever the number of instances running the job.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('workshop_gap_alerts'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workshop_gap_alerts_unique')
    .on('workshop_gap_alerts')
    .columns(['month', 'user_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workshop_gap_alerts').ifExists().execute();
}
