import type { DB, Tx } from '../../db/client.js';
import type { TKnowledgeDocType, TKnowledgeTagType } from '../../db/tables/knowledge.js';

export interface TTags {
  themes: string[];
  levels: number[];
  levers: string[];
  rgesn: string[];
}

export const emptyTags = (): TTags => ({ themes: [], levels: [], levers: [], rgesn: [] });

/** Replaces a document's tags, in the caller's transaction. */
export async function saveTags(db: DB | Tx, docType: TKnowledgeDocType, docId: number, tags: TTags): Promise<void> {
  await db.deleteFrom('knowledge_tags').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
  const rows: { doc_type: TKnowledgeDocType; doc_id: number; tag_type: TKnowledgeTagType; value: string }[] = [];
  const add = (tagType: TKnowledgeTagType, values: (string | number)[]) => {
    for (const v of new Set(values.map(String)))
      rows.push({ doc_type: docType, doc_id: docId, tag_type: tagType, value: v });
  };
  add('theme', tags.themes);
  add('level', tags.levels);
  add('lever', tags.levers);
  add('rgesn', tags.rgesn);
  if (rows.length) await db.insertInto('knowledge_tags').values(rows).execute();
}

/** Tags of many documents at once, by document id. */
export async function loadTags(db: DB | Tx, docType: TKnowledgeDocType, ids: number[]): Promise<Map<number, TTags>> {
  const out = new Map<number, TTags>();
  for (const id of ids) out.set(id, emptyTags());
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('knowledge_tags')
    .select(['doc_id', 'tag_type', 'value'])
    .where('doc_type', '=', docType)
    .where('doc_id', 'in', ids)
    .orderBy('value')
    .execute();
  for (const r of rows) {
    const t = out.get(r.doc_id)!;
    if (r.tag_type === 'theme') t.themes.push(r.value);
    else if (r.tag_type === 'level') t.levels.push(Number(r.value));
    else if (r.tag_type === 'lever') t.levers.push(r.value);
    else t.rgesn.push(r.value);
  }
  for (const t of out.values()) {
    t.levels.sort((a, b) => a - b);
    t.rgesn.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  }
  return out;
}
