import type { Kysely } from 'kysely';
import { realType, withId } from '../schema-helpers.js';

/** Maturity self-assessments, RGESN referential versions, digital-service assessments, their answers and history. */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per dated maturity assessment; the computed levels are stored so history does not move when the
  // scoring rule changes.
  await withId(db, db.schema.createTable('maturity_assessments'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('overall_level', 'integer')
    .addColumn('overall_score', realType(db))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('maturity_assessments_org')
    .on('maturity_assessments')
    .columns(['organisation_id', 'completed_at'])
    .execute();

  await withId(db, db.schema.createTable('maturity_answers'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('maturity_assessments.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addUniqueConstraint('maturity_answers_assessment_question', ['assessment_id', 'question_id'])
    .execute();

  await withId(db, db.schema.createTable('maturity_dimension_results'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('maturity_assessments.id').onDelete('cascade'))
    .addColumn('dimension_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('score', realType(db), (c) => c.notNull())
    .addUniqueConstraint('maturity_dimension_results_unique', ['assessment_id', 'dimension_id'])
    .execute();

  await withId(db, db.schema.createTable('rgesn_referentials'))
    .addColumn('version', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('rgesn_criteria'))
    .addColumn('referential_id', 'integer', (c) => c.notNull().references('rgesn_referentials.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('family', 'integer', (c) => c.notNull())
    .addColumn('family_name_fr', 'text', (c) => c.notNull())
    .addColumn('family_name_en', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('difficulty', 'text', (c) => c.notNull())
    .addColumn('applicable_to_all', 'integer', (c) => c.notNull())
    .addColumn('short_fr', 'text')
    .addColumn('short_en', 'text')
    .addColumn('official_question', 'text')
    .addColumn('official_applicability', 'text')
    .addColumn('official_json', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addUniqueConstraint('rgesn_criteria_ref_number', ['referential_id', 'number'])
    .execute();

  await withId(db, db.schema.createTable('rgesn_assessments'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('referential_id', 'integer', (c) => c.notNull().references('rgesn_referentials.id'))
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('service_url', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('previous_score', realType(db))
    .addColumn('target_score', realType(db))
    .addColumn('target_date', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_score', realType(db))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rgesn_assessments_org').on('rgesn_assessments').column('organisation_id').execute();

  await withId(db, db.schema.createTable('rgesn_answers'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('rgesn_assessments.id').onDelete('cascade'))
    .addColumn('criterion_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('action_owner', 'text')
    .addColumn('action_due', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rgesn_answers_assessment_criterion', ['assessment_id', 'criterion_number'])
    .execute();

  // Every change to an answer, kept: who set what, when (last change wins in rgesn_answers).
  await withId(db, db.schema.createTable('rgesn_answer_history'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('rgesn_assessments.id').onDelete('cascade'))
    .addColumn('criterion_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('action_owner', 'text')
    .addColumn('action_due', 'text')
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rgesn_answer_history_assessment')
    .on('rgesn_answer_history')
    .columns(['assessment_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'rgesn_answer_history',
    'rgesn_answers',
    'rgesn_assessments',
    'rgesn_criteria',
    'rgesn_referentials',
    'maturity_dimension_results',
    'maturity_answers',
    'maturity_assessments',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
