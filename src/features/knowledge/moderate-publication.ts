import { publicUrl, type TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TKnowledgeDocType } from '../../db/tables/knowledge.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure, isAdmin } from '../../http/actor.js';
import { canModerate } from './policy.js';
import { AppError, notFound } from '../../http/errors.js';
import { translator, type TLocale } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';

const tableOf = (docType: TKnowledgeDocType) => (docType === 'resource' ? 'knowledge_resources' : 'knowledge_reports');

export type TModerationDecision =
  | { approve: true }
  | { approve: false; reason: string }
  | { unpublish: true; reason: string }
  | { republish: true; reason?: string };

/** Tells the author of a publication of the administrator's decision, with the reason, in the author's language. */
async function mailAuthor(
  tx: Tx,
  config: TConfig,
  docType: TKnowledgeDocType,
  id: number,
  outcome: 'approved' | 'rejected' | 'unpublished' | 'republished',
  reason: string,
): Promise<void> {
  const doc = await tx
    .selectFrom(tableOf(docType))
    .select(['title', 'author_user_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const author = await tx
    .selectFrom('users')
    .select(['email', 'name', 'locale'])
    .where('id', '=', doc.author_user_id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!author) return;
  const t = translator(author.locale as TLocale);
  const params = {
    name: author.name,
    title: doc.title,
    reason: reason || '—',
    link: `${publicUrl(config)}/${docType === 'resource' ? 'resources' : 'experience'}/${id}`,
    signature: t('mail.signature'),
  };
  await sendMail(tx, config, {
    to: author.email,
    subject: t(`knowledge.mail.moderation.${outcome}.subject`, params),
    text: t(`knowledge.mail.moderation.${outcome}.body`, params),
  });
}

/**
 * An administrator approves (publishes) or rejects a pending resource or report, unpublishes a published one (it
 * becomes "rejected" with the reason: hidden, kept, and resubmitted by the author's next edit), or publishes again
 * one that was unpublished or rejected. Policy first: `knowledge.moderate` (administrators only). The author is
 * told of every decision by mail, with the reason. A decision on a publication no longer in the expected state is
 * a 409 (two administrators clicking at once). An approval also marks the organisation's first approved item, so a
 * newly granted partner's later publications need no review.
 */
export async function moderatePublication(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  docType: TKnowledgeDocType,
  id: number,
  decision: TModerationDecision,
): Promise<void> {
  ensure(canModerate(actor));
  const table = tableOf(docType);
  const outcome =
    'unpublish' in decision
      ? 'unpublished'
      : 'republish' in decision
        ? 'republished'
        : decision.approve
          ? 'approved'
          : 'rejected';
  const publishes = outcome === 'approved' || outcome === 'republished';
  const reason = ('reason' in decision ? decision.reason : '')?.trim() ?? '';
  const from = outcome === 'unpublished' ? 'published' : outcome === 'republished' ? 'rejected' : 'pending';
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom(table)
      .select(['id', 'status', 'organisation_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(docType);
    const now = nowIso();
    const res = await tx
      .updateTable(table)
      .set({
        status: publishes ? 'published' : 'rejected',
        reviewed_by: actor.id,
        reviewed_at: now,
        rejection_reason: publishes ? null : reason,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError(409, 'already_moderated', 'This publication was already reviewed');
    if (publishes) await markFirstApproval(tx, row.organisation_id, now);
    // Same subject type as publish, edit and delete (knowledge_resource, knowledge_report), so one query finds a document's history.
    const action = { unpublished: 'unpublish', republished: 'republish', approved: 'approve', rejected: 'reject' }[
      outcome
    ];
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: `${docType}.${action}`,
      subjectType: `knowledge_${docType}`,
      subjectId: id,
      details: reason ? { reason } : undefined,
    });
    await mailAuthor(tx, config, docType, id, outcome, reason);
  });
}

/** The organisation's first approved publication ends the review of a newly granted partner's publications. */
export async function markFirstApproval(tx: Tx, organisationId: number, now: string): Promise<void> {
  await tx
    .updateTable('organisations')
    .set({ first_publication_review: 0, publication_approved_at: now })
    .where('id', '=', organisationId)
    .where('publication_approved_at', 'is', null)
    .execute();
}

/** The moderation queue: pending publications, oldest first. Policy: administrators only. */
export async function pendingPublications(db: DB, actor: TCurrentUser) {
  ensure(isAdmin(actor));
  const resources = await db
    .selectFrom('knowledge_resources')
    .innerJoin('organisations', 'organisations.id', 'knowledge_resources.organisation_id')
    .select([
      'knowledge_resources.id',
      'knowledge_resources.title',
      'knowledge_resources.created_at',
      'organisations.name as org_name',
    ])
    .where('knowledge_resources.status', '=', 'pending')
    .orderBy('knowledge_resources.created_at')
    .limit(100)
    .execute();
  const reports = await db
    .selectFrom('knowledge_reports')
    .innerJoin('organisations', 'organisations.id', 'knowledge_reports.organisation_id')
    .select([
      'knowledge_reports.id',
      'knowledge_reports.title',
      'knowledge_reports.created_at',
      'organisations.name as org_name',
    ])
    .where('knowledge_reports.status', '=', 'pending')
    .orderBy('knowledge_reports.created_at')
    .limit(100)
    .execute();
  return { resources, reports };
}
