import type { Kysely } from 'kysely';
import { realType, withId } from '../schema-helpers.js';

/**
 * Footprint: one inventory per organisation and reporting year, its lines, the imports that fill it, the
 * organisation's reference settings and the stored results (one per factor set and settings, so an older result
 * stays reproducible after a recomputation).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('footprint_settings')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('fr_electricity', 'text', (c) => c.notNull())
    .addColumn('allocation', 'text', (c) => c.notNull())
    .addColumn('target_base_year', 'integer')
    .addColumn('target_year', 'integer')
    .addColumn('target_reduction_pct', realType(db))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('footprint_inventories'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('factor_set', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('line_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('footprint_inventories_org_year', ['organisation_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('footprint_lines'))
    .addColumn('inventory_id', 'integer', (c) => c.notNull().references('footprint_inventories.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('quantity', realType(db), (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('site', 'text')
    .addColumn('label', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('footprint_lines_inventory_line')
    .on('footprint_lines')
    .columns(['inventory_id', 'line_no'])
    .execute();

  await withId(db, db.schema.createTable('footprint_imports'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('preset', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('runner_id', 'text', (c) => c.notNull())
    .addColumn('lines_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors_json', 'text')
    .addColumn('failure', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('footprint_imports_org')
    .on('footprint_imports')
    .columns(['organisation_id', 'started_at'])
    .execute();
  await db.schema.createIndex('footprint_imports_status').on('footprint_imports').column('status').execute();

  await withId(db, db.schema.createTable('footprint_results'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('factor_set', 'text', (c) => c.notNull())
    .addColumn('settings_key', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inventory_revision', 'integer', (c) => c.notNull())
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('units', realType(db), (c) => c.notNull())
    .addColumn('terminal_units', realType(db), (c) => c.notNull())
    .addColumn('gwp_value', realType(db))
    .addColumn('gwp_low', realType(db))
    .addColumn('gwp_high', realType(db))
    .addColumn('adpe_value', realType(db))
    .addColumn('wu_value', realType(db))
    .addColumn('pe_value', realType(db))
    .addColumn('default_share', realType(db), (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('extra_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('footprint_results_key', ['organisation_id', 'year', 'factor_set', 'settings_key'])
    .execute();
  await db.schema
    .createIndex('footprint_results_current')
    .on('footprint_results')
    .columns(['year', 'is_current'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'footprint_results',
    'footprint_imports',
    'footprint_lines',
    'footprint_inventories',
    'footprint_settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
