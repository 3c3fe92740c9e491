import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../client.js';
import { realType, withId } from '../schema-helpers.js';

/** Knowledge sharing: resources, experience reports, tags, full-text search, comments, digest sends. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const review = <T extends string>(t: ReturnType<typeof withId<T>>) =>
    t
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('reviewed_at', 'text')
      .addColumn('rejection_reason', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull());

  await review(
    withId(db, db.schema.createTable('knowledge_resources'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('published_on', 'text', (c) => c.notNull())
      .addColumn('licence', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('file_key', 'text')
      .addColumn('file_name', 'text')
      .addColumn('file_type', 'text')
      .addColumn('file_size', 'integer')
      .addColumn('workshop_id', 'integer')
      .addColumn('training_id', 'integer'),
  ).execute();
  await db.schema
    .createIndex('knowledge_resources_status_date')
    .on('knowledge_resources')
    .columns(['status', 'published_on'])
    .execute();
  await db.schema.createIndex('knowledge_resources_org').on('knowledge_resources').column('organisation_id').execute();

  await review(
    withId(db, db.schema.createTable('knowledge_reports'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('what_we_did', 'text', (c) => c.notNull())
      .addColumn('cost_eur', realType(db))
      .addColumn('cost_notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('measure_source', 'text', (c) => c.notNull())
      .addColumn('measure_label', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('before_value', realType(db))
      .addColumn('after_value', realType(db))
      .addColumn('measure_unit', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('baseline_year', 'integer')
      .addColumn('result_year', 'integer'),
  ).execute();
  await db.schema
    .createIndex('knowledge_reports_status')
    .on('knowledge_reports')
    .columns(['status', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('knowledge_tags'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'integer', (c) => c.notNull())
    .addColumn('tag_type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_tags_unique', ['doc_type', 'doc_id', 'tag_type', 'value'])
    .execute();
  await db.schema
    .createIndex('knowledge_tags_lookup')
    .on('knowledge_tags')
    .columns(['tag_type', 'value', 'doc_type'])
    .execute();

  await withId(db, db.schema.createTable('knowledge_search'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('stemmed_text', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_search_doc', ['doc_type', 'doc_id'])
    .execute();
  if (pg) {
    // One GIN index per language: each document is stemmed with its own language's dictionary, and a query is
    // matched against each language with that language's stemmer.
    await sql`CREATE INDEX knowledge_search_fr ON knowledge_search USING GIN (to_tsvector('french', search_text)) WHERE language = 'fr'`.execute(
      db,
    );
    await sql`CREATE INDEX knowledge_search_en ON knowledge_search USING GIN (to_tsvector('english', search_text)) WHERE language = 'en'`.execute(
      db,
    );
  } else {
    // FTS5 keeps its own copy of the stemmed text; rowid = knowledge_search.id. Diacritics are removed by the
    // tokenizer as well as by our normaliser, so text indexed before a normaliser change still matches.
    await sql`CREATE VIRTUAL TABLE knowledge_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }

  await withId(db, db.schema.createTable('knowledge_comments'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'integer', (c) => c.notNull())
    .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_answer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('moderated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_comments_doc')
    .on('knowledge_comments')
    .columns(['doc_type', 'doc_id'])
    .execute();

  await withId(db, db.schema.createTable('knowledge_comment_reports'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('knowledge_comments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_comment_reports_once', ['comment_id', 'user_id'])
    .execute();

  await withId(db, db.schema.createTable('knowledge_digest_sends'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'integer')
    .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The exactly-once guarantee of the monthly digest, on both databases.
    .addUniqueConstraint('knowledge_digest_sends_once', ['user_id', 'month'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`DROP TABLE IF EXISTS knowledge_fts`.execute(db);
  for (const t of [
    'knowledge_digest_sends',
    'knowledge_comment_reports',
    'knowledge_comments',
    'knowledge_search',
    'knowledge_tags',
    'knowledge_reports',
    'knowledge_resources',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
