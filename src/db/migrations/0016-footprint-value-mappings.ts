import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * Values of an organisation's inventory files that match no category (or country), with the category the
 * organisation chose for them at the mapping step of an import: the next imports apply the same choice. Keyed by
 * the normalised value (case, accents and separators ignored), so « Pare-feu » and "PARE FEU" are one value.
 * The import row keeps the unknown values it stopped on (`unknown_json`), so its page can ask for them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('footprint_value_mappings'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('value_key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('footprint_value_mappings_key', ['organisation_id', 'column_name', 'value_key'])
    .execute();
  await db.schema.alterTable('footprint_imports').addColumn('unknown_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('footprint_imports').dropColumn('unknown_json').execute();
  await db.schema.dropTable('footprint_value_mappings').execute();
}
