import type { Kysely } from 'kysely';

/**
 * The first publication of a newly granted partner or expert goes through an administrator:
 * - `organisations.first_publication_review` is 1 while the organisation's next publication waits for review
 *   (set when a status is granted to an organisation that never had an item approved);
 * - `organisations.publication_approved_at` records the first approval, so a later grant needs no new review.
 * And `admin_daily_notices`: one row per notice and day, claimed under a unique key, so the "items waiting" mail
 * to administrators leaves once a day even when several instances run the job.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('first_publication_review', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('organisations').addColumn('publication_approved_at', 'text').execute();
  await db.schema
    .createTable('admin_daily_notices')
    .addColumn('notice', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('mails', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_daily_notices_once', ['notice', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('admin_daily_notices').execute();
  await db.schema.alterTable('organisations').dropColumn('publication_approved_at').execute();
  await db.schema.alterTable('organisations').dropColumn('first_publication_review').execute();
}
