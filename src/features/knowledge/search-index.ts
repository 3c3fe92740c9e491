import { sql, type Expression, type SqlBool } from 'kysely';
import type { DB, Tx } from '../../db/client.js';
import { dialectOf } from '../../db/client.js';
import type { TKnowledgeDocType } from '../../db/tables/knowledge.js';
import { ftsMatchExpression, normaliseForIndex, queryWords, stemmedForIndex } from './text-search.js';

/**
 * Indexes (or re-indexes) a document's text, in the caller's transaction. On SQLite the stemmed text also goes to
 * the FTS5 table, whose rowid is the knowledge_search row id.
 */
export async function indexDocument(
  db: DB | Tx,
  docType: TKnowledgeDocType,
  docId: number,
  language: 'fr' | 'en',
  text: string,
): Promise<void> {
  const searchText = normaliseForIndex(text);
  const stemmed = stemmedForIndex(text, language);
  const existing = await db
    .selectFrom('knowledge_search')
    .select('id')
    .where('doc_type', '=', docType)
    .where('doc_id', '=', docId)
    .executeTakeFirst();
  let id: number;
  if (existing) {
    id = existing.id;
    await db
      .updateTable('knowledge_search')
      .set({ language, search_text: searchText, stemmed_text: stemmed })
      .where('id', '=', id)
      .execute();
  } else {
    const row = await db
      .insertInto('knowledge_search')
      .values({ doc_type: docType, doc_id: docId, language, search_text: searchText, stemmed_text: stemmed })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  if (dialectOf(db) === 'sqlite') {
    await sql`DELETE FROM knowledge_fts WHERE rowid = ${id}`.execute(db);
    await sql`INSERT INTO knowledge_fts (rowid, body) VALUES (${id}, ${stemmed})`.execute(db);
  }
}

/** Removes a document from the index. */
export async function unindexDocument(db: DB | Tx, docType: TKnowledgeDocType, docId: number): Promise<void> {
  const existing = await db
    .selectFrom('knowledge_search')
    .select('id')
    .where('doc_type', '=', docType)
    .where('doc_id', '=', docId)
    .executeTakeFirst();
  if (!existing) return;
  if (dialectOf(db) === 'sqlite') await sql`DELETE FROM knowledge_fts WHERE rowid = ${existing.id}`.execute(db);
  await db.deleteFrom('knowledge_search').where('id', '=', existing.id).execute();
}

/**
 * A boolean SQL condition "the document whose id is `idColumn` matches `query`", to combine with a list's other
 * filters. PostgreSQL: the document's language dictionary on the normalised text (GIN-indexed per language).
 * SQLite: FTS5 on our stemmed text. A query without any searchable word matches nothing.
 */
export function matchesQuery(
  db: DB | Tx,
  docType: TKnowledgeDocType,
  idColumn: string,
  query: string,
): Expression<SqlBool> {
  const id = sql.ref(idColumn);
  if (dialectOf(db) === 'postgres') {
    const q = queryWords(query).join(' ');
    if (!q) return sql<SqlBool>`1 = 0`;
    // One arm per language, each written exactly as its partial GIN index (language = …, to_tsvector(config, …)),
    // so the planner uses both indexes; an OR inside one WHERE made it scan and stem every row.
    return sql<SqlBool>`${id} IN (
      SELECT doc_id FROM knowledge_search WHERE language = 'fr' AND to_tsvector('french', search_text) @@ plainto_tsquery('french', ${q}) AND doc_type = ${docType}
      UNION ALL
      SELECT doc_id FROM knowledge_search WHERE language = 'en' AND to_tsvector('english', search_text) @@ plainto_tsquery('english', ${q}) AND doc_type = ${docType})`;
  }
  const match = ftsMatchExpression(query);
  if (!match) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${id} IN (SELECT s.doc_id FROM knowledge_search s WHERE s.doc_type = ${docType}
    AND s.id IN (SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH ${match}))`;
}
