import type { TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TKnowledgeDocType } from '../../db/tables/knowledge.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { isAuthorMember, canSee } from './policy.js';
import { unindexDocument } from './search-index.js';
import { discardUpload } from './uploads.js';

/** Removes what hangs on a document by (type, id) without a foreign key: comments and their reports, tags, index. */
export async function removeDocumentTraces(tx: DB | Tx, docType: TKnowledgeDocType, docId: number): Promise<void> {
  const comments = tx
    .selectFrom('knowledge_comments')
    .select('id')
    .where('doc_type', '=', docType)
    .where('doc_id', '=', docId);
  await tx.deleteFrom('knowledge_comment_reports').where('comment_id', 'in', comments).execute();
  await tx.deleteFrom('knowledge_comments').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
  await tx.deleteFrom('knowledge_tags').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
  await unindexDocument(tx, docType, docId);
}

/**
 * Deletes a resource with its comments, tags and search entry, then its uploaded file. Policy: members of the
 * author organisation and administrators. One transaction for the rows; the file goes after the commit (a crash
 * in between leaves an orphan file that the hourly sweep removes, never a row pointing to a missing file).
 */
export async function deleteResource(db: DB, config: TConfig, actor: TCurrentUser, id: number): Promise<void> {
  const row = await db
    .selectFrom('knowledge_resources')
    .select(['id', 'title', 'status', 'organisation_id', 'file_key'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !canSee(actor, row)) throw notFound('resource');
  ensure(isAuthorMember(actor, row.organisation_id));
  await db.transaction().execute(async (tx) => {
    await removeDocumentTraces(tx, 'resource', id);
    const res = await tx.deleteFrom('knowledge_resources').where('id', '=', id).executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw notFound('resource'); // deleted by someone else meanwhile
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'resource.delete',
      subjectType: 'knowledge_resource',
      subjectId: id,
      details: { title: row.title, organisationId: row.organisation_id, status: row.status, file: row.file_key },
    });
  });
  if (row.file_key) await discardUpload(config, row.file_key);
}

/** Deletes an experience report with its comments, tags and search entry. Policy: as `deleteResource`. */
export async function deleteExperienceReport(db: DB, actor: TCurrentUser, id: number): Promise<void> {
  const row = await db
    .selectFrom('knowledge_reports')
    .select(['id', 'title', 'status', 'organisation_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !canSee(actor, row)) throw notFound('report');
  ensure(isAuthorMember(actor, row.organisation_id));
  await db.transaction().execute(async (tx) => {
    await removeDocumentTraces(tx, 'report', id);
    const res = await tx.deleteFrom('knowledge_reports').where('id', '=', id).executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw notFound('report');
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'report.delete',
      subjectType: 'knowledge_report',
      subjectId: id,
      details: { title: row.title, organisationId: row.organisation_id, status: row.status },
    });
  });
}
