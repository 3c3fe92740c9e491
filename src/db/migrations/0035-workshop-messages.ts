import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Messages an organiser sent to a workshop's registrants: what was said, by whom, and to how many people. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('workshop_messages'))
    .addColumn('workshop_id', 'integer', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('sender_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshop_messages_workshop').on('workshop_messages').column('workshop_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workshop_messages').ifExists().execute();
}
