import type { Kysely } from 'kysely';
import { realType, withId } from '../schema-helpers.js';

/**
 * Training feature: the skills framework (reference data), the training catalogue with its audiences and mapped
 * skills, schools' curricula per programme and year, and internship/apprenticeship offers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('skill_blocks'))
    .addColumn('position', 'integer', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('skills'))
    .addColumn('position', 'integer', (c) => c.notNull().unique())
    .addColumn('block_position', 'integer', (c) => c.notNull())
    .addColumn('source_number', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await withId(db, db.schema.createTable('skill_jobs'))
    .addColumn('position', 'integer', (c) => c.notNull().unique())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .execute();
  // Only assessed cells are stored: 0 = NA (not needed), 1..5 = level; a blank cell has no row.
  await db.schema
    .createTable('skill_job_levels')
    .addColumn('skill_position', 'integer', (c) => c.notNull())
    .addColumn('job_position', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('skill_job_levels_pk', ['skill_position', 'job_position'])
    .execute();

  await withId(db, db.schema.createTable('trainings'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // Title and description folded (lower case, no accents) so search is accent-insensitive on both databases.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('education_level', 'text', (c) => c.notNull())
    .addColumn('duration_hours', realType(db), (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('cost_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('certificate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('prerequisites', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('learning_outcomes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trainings_org').on('trainings').column('organisation_id').execute();
  await db.schema.createIndex('trainings_kind').on('trainings').column('kind').execute();
  await db.schema.createIndex('trainings_created').on('trainings').column('created_at').execute();

  await db.schema
    .createTable('training_audiences')
    .addColumn('training_id', 'integer', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_audiences_pk', ['training_id', 'audience'])
    .execute();
  await db.schema.createIndex('training_audiences_audience').on('training_audiences').column('audience').execute();

  await db.schema
    .createTable('training_skills')
    .addColumn('training_id', 'integer', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
    .addColumn('block_position', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_skills_pk', ['training_id', 'block_position', 'level'])
    .execute();
  await db.schema
    .createIndex('training_skills_block')
    .on('training_skills')
    .columns(['block_position', 'level'])
    .execute();

  await withId(db, db.schema.createTable('curriculum_entries'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('hours', realType(db), (c) => c.notNull())
    .addColumn('compulsory', 'integer', (c) => c.notNull())
    .addColumn('students', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('curriculum_entries_org_programme_year', ['organisation_id', 'programme', 'year'])
    .execute();
  await db.schema.createIndex('curriculum_entries_year').on('curriculum_entries').column('year').execute();

  await withId(db, db.schema.createTable('job_offers'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_offers_open').on('job_offers').columns(['closed_at', 'expires_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'job_offers',
    'curriculum_entries',
    'training_skills',
    'training_audiences',
    'trainings',
    'skill_job_levels',
    'skill_jobs',
    'skills',
    'skill_blocks',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
