import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TKnowledgeDocType } from '../../db/tables/knowledge.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure, isAdmin } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';

const tableOf = (docType: TKnowledgeDocType) => (docType === 'resource' ? 'knowledge_resources' : 'knowledge_reports');

/**
 * An administrator approves (publishes) or rejects a pending resource or report. Policy: administrators only.
 * A decision on a publication that is no longer pending is a 409 (two administrators clicking at once).
 */
export async function moderatePublication(db: DB, actor: TCurrentUser, docType: TKnowledgeDocType, id: number, decision: { approve: true } | { approve: false; reason: string }): Promise<void> {
  ensure(isAdmin(actor));
  const table = tableOf(docType);
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom(table).select(['id', 'status']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(docType);
    const now = nowIso();
    const res = await tx
      .updateTable(table)
      .set({ status: decision.approve ? 'published' : 'rejected', reviewed_by: actor.id, reviewed_at: now, rejection_reason: decision.approve ? null : decision.reason, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError(409, 'already_moderated', 'This publication was already reviewed');
    // Same subject type as publish, edit and delete (knowledge_resource, knowledge_report), so one query finds a document's history.
    await recordAudit(tx, { actorUserId: actor.id, action: decision.approve ? `${docType}.approve` : `${docType}.reject`, subjectType: `knowledge_${docType}`, subjectId: id, details: decision.approve ? undefined : { reason: decision.reason } });
  });
}

/** The moderation queue: pending publications, oldest first. Policy: administrators only. */
export async function pendingPublications(db: DB, actor: TCurrentUser) {
  ensure(isAdmin(actor));
  const resources = await db
    .selectFrom('knowledge_resources')
    .innerJoin('organisations', 'organisations.id', 'knowledge_resources.organisation_id')
    .select(['knowledge_resources.id', 'knowledge_resources.title', 'knowledge_resources.created_at', 'organisations.name as org_name'])
    .where('knowledge_resources.status', '=', 'pending')
    .orderBy('knowledge_resources.created_at')
    .limit(100)
    .execute();
  const reports = await db
    .selectFrom('knowledge_reports')
    .innerJoin('organisations', 'organisations.id', 'knowledge_reports.organisation_id')
    .select(['knowledge_reports.id', 'knowledge_reports.title', 'knowledge_reports.created_at', 'organisations.name as org_name'])
    .where('knowledge_reports.status', '=', 'pending')
    .orderBy('knowledge_reports.created_at')
    .limit(100)
    .execute();
  return { resources, reports };
}
