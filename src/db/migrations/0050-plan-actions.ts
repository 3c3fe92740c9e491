import type { Kysely } from 'kysely';
import { realType, withId } from '../schema-helpers.js';

/** Action plans: one row per action of an organisation, with its lever simulation, owner, status, KPI and evidence. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('plan_actions'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('lever_slug', 'text')
    .addColumn('lever_params_json', 'text')
    .addColumn('rgesn_criterion', 'text')
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('todo'))
    .addColumn('done_at', 'text')
    .addColumn('kpi_baseline', realType(db))
    .addColumn('kpi_target', realType(db))
    .addColumn('kpi_current', realType(db))
    .addColumn('kpi_unit', 'text')
    .addColumn('evidence', 'text')
    .addColumn('expected_json', 'text')
    .addColumn('expected_gwp_kg', realType(db))
    .addColumn('simulation_year', 'integer')
    .addColumn('factor_set', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_actions_org').on('plan_actions').columns(['organisation_id', 'status']).execute();
  await db.schema.createIndex('plan_actions_owner').on('plan_actions').columns(['owner_user_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_actions').execute();
}
