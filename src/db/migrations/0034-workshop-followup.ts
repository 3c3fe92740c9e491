import type { Kysely } from 'kysely';

/**
 * When the after-workshop mail (feedback form, replay, certificate) was queued for an attendee: claimed by a
 * conditional UPDATE in the transaction that queues the mail, so each attendee gets it once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workshop_registrations').addColumn('followup_sent_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workshop_registrations').dropColumn('followup_sent_at').execute();
}
