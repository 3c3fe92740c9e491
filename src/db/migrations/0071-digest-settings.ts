import { sql, type Kysely } from 'kysely';

/**
 * The monthly digest becomes the network's default letter:
 * - `knowledge_digest_settings` (one row, id 1): the administrator's introduction in French and English and the
 *   day of the month from which the scheduled send goes out;
 * - every account that never unsubscribed (no `digest.unsubscribe` in the audit log) is switched on: the digest
 *   was opt-in before, so a 0 meant "never asked" far more often than "said no"; those who said no keep it off.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('knowledge_digest_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('intro_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('send_day', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text')
    .execute();
  await db
    .insertInto('knowledge_digest_settings')
    .values({ id: 1, intro_fr: '', intro_en: '', send_day: 1, updated_by: null, updated_at: null })
    .execute();
  await sql`update users set digest_opt_in = 1 where digest_opt_in = 0 and not exists (select 1 from audit_log a where a.action = 'digest.unsubscribe' and a.subject_id = cast(users.id as text))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('knowledge_digest_settings').execute();
}
