import type { Kysely } from 'kysely';

/**
 * Mail leaves the outbox after the transaction that wrote it has committed: a job claims a row with a lease
 * (`claimed_by`, `claimed_until`) so that two instances never send it both, and retries a failure later
 * (`attempts`, `next_attempt_at`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('claimed_until', 'text').execute();
  await db.schema.createIndex('outbox_unsent').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_unsent').execute();
  for (const column of ['claimed_until', 'claimed_by', 'next_attempt_at', 'attempts'])
    await db.schema.alterTable('outbox').dropColumn(column).execute();
}
