import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Workshops, registrations (with the waiting list), feedback and private calendar tokens. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('workshops'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('series_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('online_url', 'text')
    .addColumn('address', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('per_org_limit', 'integer')
    .addColumn('registration_closes_at', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('speakers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('replay_url', 'text')
    .addColumn('replay_materials', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('workshops_status_starts').on('workshops').columns(['status', 'starts_at']).execute();
  await db.schema.createIndex('workshops_org').on('workshops').column('organisation_id').execute();
  await db.schema.createIndex('workshops_series').on('workshops').column('series_id').execute();

  await withId(db, db.schema.createTable('workshop_registrations'))
    .addColumn('workshop_id', 'integer', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('notified_status', 'text')
    .addColumn('attended', 'integer')
    .addColumn('reminder_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One row per person and workshop: a second registration re-activates it, and concurrent double clicks collide here.
  await db.schema
    .createIndex('workshop_registrations_unique')
    .on('workshop_registrations')
    .columns(['workshop_id', 'user_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('workshop_registrations_status')
    .on('workshop_registrations')
    .columns(['workshop_id', 'status', 'organisation_id'])
    .execute();
  await db.schema.createIndex('workshop_registrations_user').on('workshop_registrations').column('user_id').execute();

  await withId(db, db.schema.createTable('workshop_feedback'))
    .addColumn('workshop_id', 'integer', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workshop_feedback_unique')
    .on('workshop_feedback')
    .columns(['workshop_id', 'user_id'])
    .unique()
    .execute();

  await withId(db, db.schema.createTable('workshop_calendar_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workshop_calendar_tokens').ifExists().execute();
  await db.schema.dropTable('workshop_feedback').ifExists().execute();
  await db.schema.dropTable('workshop_registrations').ifExists().execute();
  await db.schema.dropTable('workshops').ifExists().execute();
}
