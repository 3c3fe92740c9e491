import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * Login limits without lock-outs: one row per counted key (an account, a client address, a known device) with its
 * failures and the time before which the next attempt waits, changed by single atomic upserts; and the browsers
 * that already logged in to an account ("known devices"), which that account's failures never delay.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('wait_until', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('login_devices'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute();
  // One browser may be known to several accounts (a shared computer): one row per cookie and account.
  await db.schema
    .createIndex('login_devices_token_user')
    .on('login_devices')
    .columns(['token_hash', 'user_id'])
    .unique()
    .execute();
  await db.schema.createIndex('login_devices_user').on('login_devices').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_devices').execute();
  await db.schema.dropTable('login_throttle').execute();
}
