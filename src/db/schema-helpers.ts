import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { dialectOf } from './client.js';

/**
 * Adds an auto-increment integer primary key `id` that works on both databases (SQLite's INTEGER PRIMARY KEY
 * AUTOINCREMENT, PostgreSQL's serial). Migrations use only the portable schema builder plus this helper.
 */
export function withId<T extends string>(
  db: Kysely<any>,
  table: CreateTableBuilder<T, any>,
): CreateTableBuilder<T, any> {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** A floating-point column type that keeps full precision on both databases. */
export function realType(db: Kysely<any>) {
  return dialectOf(db) === 'postgres' ? sql`double precision` : sql`real`;
}
