import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TKnowledgeDocType } from '../../db/tables/knowledge.js';
import { removeDocumentTraces } from './delete-publication.js';
import { storedKeyPattern, uploadsDir } from './uploads.js';

/** A file younger than this may belong to an upload whose database row is not committed yet: it is left alone. */
export const orphanGraceMs = 60 * 60_000;

/** How many names one `IN (…)` query checks (well under both databases' parameter limits). */
const batchSize = 500;

/**
 * Removes files of the uploads folder that no resource row references any more and that are older than an hour.
 * Files become orphans when an organisation is deleted (its resources go with ON DELETE CASCADE, which cannot
 * reach the disk), when a process dies between storing a file and committing its row, or when a delete's
 * transaction committed but the unlink failed. Only names of our own shape (32 hex digits and an extension) are
 * considered, so a misconfigured folder holding other files loses nothing. Safe on several instances at once:
 * a file already removed by another is skipped. Policy: system task (the knowledge feature's hourly job).
 */
export async function sweepOrphanUploads(
  db: DB,
  config: TConfig,
  now: Date = new Date(),
): Promise<{ checked: number; removed: string[] }> {
  const dir = uploadsDir(config);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => storedKeyPattern.test(n));
  } catch {
    return { checked: 0, removed: [] }; // no folder yet: nothing was ever uploaded here
  }
  const removed: string[] = [];
  for (let i = 0; i < names.length; i += batchSize) {
    const batch = names.slice(i, i + batchSize);
    const referenced = new Set(
      (await db.selectFrom('knowledge_resources').select('file_key').where('file_key', 'in', batch).execute()).map(
        (r) => r.file_key,
      ),
    );
    for (const name of batch) {
      if (referenced.has(name)) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || now.getTime() - info.mtimeMs < orphanGraceMs) continue;
      // Checked again just before the unlink: a very slow upload's row may have been committed since the batch query.
      const still = await db
        .selectFrom('knowledge_resources')
        .select('id')
        .where('file_key', '=', name)
        .executeTakeFirst();
      if (still) continue;
      try {
        await unlink(path);
        removed.push(name);
      } catch {
        // Removed by another instance meanwhile.
      }
    }
  }
  if (removed.length) {
    await recordAudit(db, {
      actorUserId: null,
      action: 'upload.sweep',
      subjectType: 'uploads',
      subjectId: 'orphans',
      details: { removed },
    });
  }
  return { checked: names.length, removed };
}

/**
 * Removes comments, tags and search entries whose resource or report no longer exists: they hang on documents by
 * (type, id) without a foreign key, so an organisation's deletion (ON DELETE CASCADE on the documents) leaves them
 * behind. Harmless for readers (every list joins the document table) but dead weight in the index. At most 500
 * documents a run. Policy: system task.
 */
export async function sweepOrphanRows(db: DB): Promise<number> {
  let removed = 0;
  for (const [docType, table] of [
    ['resource', 'knowledge_resources'],
    ['report', 'knowledge_reports'],
  ] as [TKnowledgeDocType, 'knowledge_resources' | 'knowledge_reports'][]) {
    const ids = new Set<number>();
    for (const from of ['knowledge_search', 'knowledge_tags', 'knowledge_comments'] as const) {
      const rows = await db
        .selectFrom(from)
        .select('doc_id')
        .distinct()
        .where('doc_type', '=', docType)
        .where('doc_id', 'not in', db.selectFrom(table).select('id'))
        .limit(500)
        .execute();
      for (const r of rows) ids.add(r.doc_id);
    }
    for (const id of [...ids].slice(0, 500)) {
      await db.transaction().execute((tx) => removeDocumentTraces(tx, docType, id));
      removed++;
    }
  }
  return removed;
}
