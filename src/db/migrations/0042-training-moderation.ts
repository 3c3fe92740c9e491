import type { Kysely } from 'kysely';

/**
 * Administrators moderate trainings and internship offers:
 * - `job_offers.unpublished_at`: an offer an administrator took offline (kept; re-published by clearing it);
 * - `trainings.review_pending_at`: a training waiting for an administrator's approval (the first publication of a
 *   newly granted partner); it stays off the catalogue, like an unpublished one, until approved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_offers').addColumn('unpublished_at', 'text').execute();
  await db.schema.alterTable('trainings').addColumn('review_pending_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('trainings').dropColumn('review_pending_at').execute();
  await db.schema.alterTable('job_offers').dropColumn('unpublished_at').execute();
}
