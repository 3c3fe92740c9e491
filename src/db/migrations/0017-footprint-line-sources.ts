import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../client.js';

/**
 * Lines keep the source they came from (a GLPI list such as « Ordinateurs » or « Moniteurs »), so an import can
 * replace one source of a year and leave the others. Model and purchase year become columns, so the inventory
 * page groups and filters them in the database; existing lines get them from their stored JSON.
 * The import row records what it replaced: `scope` (`year` or `source`) and the source name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('footprint_lines').addColumn('source', 'text').execute();
  await db.schema.alterTable('footprint_lines').addColumn('model', 'text').execute();
  await db.schema.alterTable('footprint_lines').addColumn('purchase_year', 'integer').execute();
  await db.schema.alterTable('footprint_imports').addColumn('scope', 'text').execute();
  await db.schema.alterTable('footprint_imports').addColumn('source_name', 'text').execute();
  if (dialectOf(db) === 'postgres') {
    await sql`update footprint_lines set model = nullif(trim(data_json::json->>'model'), ''),
      purchase_year = case when (data_json::json->>'purchase_year') ~ '^[0-9]{4}(\\.0+)?$' then floor((data_json::json->>'purchase_year')::numeric)::integer end`.execute(
      db,
    );
  } else {
    await sql`update footprint_lines set model = nullif(trim(json_extract(data_json, '$.model')), ''),
      purchase_year = cast(json_extract(data_json, '$.purchase_year') as integer)`.execute(db);
  }
  await db.schema
    .createIndex('footprint_lines_source')
    .on('footprint_lines')
    .columns(['inventory_id', 'source'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('footprint_lines_source').execute();
  for (const c of ['source', 'model', 'purchase_year'])
    await db.schema.alterTable('footprint_lines').dropColumn(c).execute();
  for (const c of ['scope', 'source_name']) await db.schema.alterTable('footprint_imports').dropColumn(c).execute();
}
