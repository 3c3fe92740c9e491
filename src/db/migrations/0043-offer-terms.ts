import type { Kysely } from 'kysely';

/**
 * An internship offer states its terms: an end date or a duration in weeks, the pay, and the deadline to apply.
 * Nullable so offers posted before keep loading; the form and the service require them for new and edited offers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_offers').addColumn('end_date', 'text').execute();
  await db.schema.alterTable('job_offers').addColumn('duration_weeks', 'integer').execute();
  await db.schema.alterTable('job_offers').addColumn('pay', 'text').execute();
  await db.schema.alterTable('job_offers').addColumn('application_deadline', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['application_deadline', 'pay', 'duration_weeks', 'end_date'])
    await db.schema.alterTable('job_offers').dropColumn(column).execute();
}
