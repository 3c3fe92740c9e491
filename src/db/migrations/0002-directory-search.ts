import type { Kysely } from 'kysely';

/**
 * A normalised copy of each organisation's name (lower case, accents and punctuation removed) so the directory
 * search is case- and accent-insensitive the same way on SQLite and PostgreSQL, without extensions (unaccent,
 * ICU). The organisations feature keeps it up to date on every write; this migration fills existing rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('search_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('organisations_search_name').on('organisations').column('search_name').execute();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).execute();
  for (const row of rows as { id: number; name: string }[]) {
    const normalised = row.name
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    await db.updateTable('organisations').set({ search_name: normalised }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organisations_search_name').execute();
  await db.schema.alterTable('organisations').dropColumn('search_name').execute();
}
