import type { Kysely } from 'kysely';

/**
 * Annual review: the head-count a member gives for a year (for per-employee benchmarks) and the facts a member
 * chooses to make public (nothing is public until the member ticks it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_org_year_facts')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('employees', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_org_year_facts_pk', ['organisation_id', 'year'])
    .execute();
  await db.schema.createIndex('review_org_year_facts_year').on('review_org_year_facts').column('year').execute();

  await db.schema
    .createTable('review_public_choices')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('footprint_trend', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('maturity_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actions_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('workshops_attended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The review reads assessments by completion date for thousands of members.
  await db.schema
    .createIndex('review_maturity_completed')
    .on('maturity_assessments')
    .columns(['status', 'completed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('review_maturity_completed').execute();
  await db.schema.dropTable('review_public_choices').execute();
  await db.schema.dropTable('review_org_year_facts').execute();
}
