import type { Kysely } from 'kysely';
import { realType, withId } from '../schema-helpers.js';

/**
 * Cloud billing imports: each accepted export of a year (provider, mapping used, what could not be mapped, the
 * cloud breakdown) and which inventory lines it wrote, so the next export of that year replaces exactly those
 * lines and leaves the others alone. A line deleted by any other flow drops its mark with it (cascade).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('footprint_cloud_imports'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('usage_cost', realType(db), (c) => c.notNull())
    .addColumn('mapped_cost', realType(db), (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('footprint_cloud_imports_org_year')
    .on('footprint_cloud_imports')
    .columns(['organisation_id', 'year', 'created_at'])
    .execute();

  await db.schema
    .createTable('footprint_cloud_lines')
    .addColumn('line_id', 'integer', (c) => c.primaryKey().references('footprint_lines.id').onDelete('cascade'))
    .addColumn('cloud_import_id', 'integer', (c) =>
      c.notNull().references('footprint_cloud_imports.id').onDelete('cascade'),
    )
    .addColumn('inventory_id', 'integer', (c) => c.notNull().references('footprint_inventories.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('footprint_cloud_lines_inventory')
    .on('footprint_cloud_lines')
    .column('inventory_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('footprint_cloud_lines').execute();
  await db.schema.dropTable('footprint_cloud_imports').execute();
}
