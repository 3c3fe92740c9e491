import { sql } from 'kysely';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TKnowledgeDocType } from '../../db/tables/knowledge.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure, isAdmin } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';
import { isAuthorMember, canModerate, canSee } from './policy.js';
import { publicUrl, type TConfig } from '../../config.js';
import { translator, type TLocale } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';

/** The document a comment hangs on, if the user may see it. */
async function visibleDoc(db: DB, user: TCurrentUser | null, docType: TKnowledgeDocType, docId: number) {
  const table = docType === 'resource' ? 'knowledge_resources' : 'knowledge_reports';
  const doc = await db
    .selectFrom(table)
    .select(['id', 'status', 'organisation_id'])
    .where('id', '=', docId)
    .executeTakeFirst();
  return doc && canSee(user, doc) ? doc : null;
}

/** Posts a comment or question. Policy: any signed-in user with a confirmed address who can see the document. */
export async function postComment(
  db: DB,
  actor: TCurrentUser,
  docType: TKnowledgeDocType,
  docId: number,
  body: string,
): Promise<number> {
  // Comments are public: an address nobody confirmed (maybe someone else's) does not speak on the platform.
  if (!actor.emailConfirmed)
    throw new AppError(403, 'email_not_confirmed', 'Confirm your email address before commenting');
  if (!(await visibleDoc(db, actor, docType, docId))) throw notFound(docType);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('knowledge_comments')
      .values({
        doc_type: docType,
        doc_id: docId,
        author_user_id: actor.id,
        body,
        is_answer: 0,
        answered_by: null,
        hidden_at: null,
        hidden_by: null,
        moderated_at: null,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'comment.post',
      subjectType: 'knowledge_comment',
      subjectId: row.id,
      details: { docType, docId },
    });
    return row.id;
  });
}

async function commentWithDoc(db: DB, commentId: number) {
  const c = await db.selectFrom('knowledge_comments').selectAll().where('id', '=', commentId).executeTakeFirst();
  if (!c) throw notFound('comment');
  const table = c.doc_type === 'resource' ? 'knowledge_resources' : 'knowledge_reports';
  const doc = await db
    .selectFrom(table)
    .select(['id', 'status', 'organisation_id'])
    .where('id', '=', c.doc_id)
    .executeTakeFirstOrThrow();
  return { comment: c, doc };
}

/**
 * Marks (or unmarks) a comment as the answer to the thread. Policy: members of the document's author organisation
 * and administrators. Members of the author organisation answer by commenting, then mark their reply.
 */
export async function markAnswer(
  db: DB,
  actor: TCurrentUser,
  commentId: number,
  isAnswer: boolean,
): Promise<{ docType: TKnowledgeDocType; docId: number }> {
  const { comment, doc } = await commentWithDoc(db, commentId);
  ensure(isAuthorMember(actor, doc.organisation_id));
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('knowledge_comments')
      .set({ is_answer: isAnswer ? 1 : 0, answered_by: isAnswer ? actor.id : null })
      .where('id', '=', commentId)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: isAnswer ? 'comment.markAnswer' : 'comment.unmarkAnswer',
      subjectType: 'knowledge_comment',
      subjectId: commentId,
    });
  });
  return { docType: comment.doc_type, docId: comment.doc_id };
}

/** Reports a comment to the moderators; reporting twice counts once. Policy: any signed-in user who sees it. */
export async function reportComment(
  db: DB,
  actor: TCurrentUser,
  commentId: number,
): Promise<{ docType: TKnowledgeDocType; docId: number }> {
  const { comment, doc } = await commentWithDoc(db, commentId);
  if (!canSee(actor, doc) || comment.hidden_at) throw notFound('comment');
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('knowledge_comment_reports')
      .values({ comment_id: commentId, user_id: actor.id, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'comment.report',
      subjectType: 'knowledge_comment',
      subjectId: commentId,
    });
  });
  return { docType: comment.doc_type, docId: comment.doc_id };
}

/**
 * Hides a comment (its unpublishing: kept, shown to administrators only) with a reason, or keeps it — which
 * restores a hidden one — and clears its reports. Policy first: `knowledge.moderate` (administrators only). Hiding
 * needs a reason of 3 characters or more; the author is mailed the decision and the reason when their comment is
 * hidden or restored (keeping a visible comment changes nothing for them, so it sends nothing).
 */
export async function moderateComment(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  commentId: number,
  hide: boolean,
  reason = '',
): Promise<void> {
  ensure(canModerate(actor));
  const why = reason.trim();
  if (hide && why.length < 3)
    throw new AppError(
      422,
      'reason_required',
      'Hiding a comment needs a reason of at least 3 characters',
      [{ path: 'reason', message: 'knowledge.flash.reasonRequired' }],
      { key: 'knowledge.flash.reasonRequired' },
    );
  const { comment } = await commentWithDoc(db, commentId);
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('knowledge_comments')
      .set(
        hide
          ? { hidden_at: now, hidden_by: actor.id, moderated_at: now }
          : { hidden_at: null, hidden_by: null, moderated_at: now },
      )
      .where('id', '=', commentId)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: hide ? 'comment.hide' : 'comment.keep',
      subjectType: 'knowledge_comment',
      subjectId: commentId,
      details: why ? { reason: why } : undefined,
    });
    const wasHidden = comment.hidden_at !== null;
    if (hide === wasHidden) return;
    const author = await tx
      .selectFrom('users')
      .select(['email', 'name', 'locale'])
      .where('id', '=', comment.author_user_id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!author) return;
    const table = comment.doc_type === 'resource' ? 'knowledge_resources' : 'knowledge_reports';
    const doc = await tx.selectFrom(table).select('title').where('id', '=', comment.doc_id).executeTakeFirstOrThrow();
    const t = translator(author.locale as TLocale);
    const link = `${publicUrl(config)}/${comment.doc_type === 'resource' ? 'resources' : 'experience'}/${comment.doc_id}#comment-${commentId}`;
    const params = {
      name: author.name,
      title: doc.title,
      reason: why,
      body: comment.body,
      link,
      signature: t('mail.signature'),
    };
    const outcome = hide ? 'hidden' : 'restored';
    await sendMail(tx, config, {
      to: author.email,
      subject: t(`knowledge.mail.comment.${outcome}.subject`, params),
      text: t(`knowledge.mail.comment.${outcome}.body`, params),
    });
  });
}

export interface TCommentView {
  id: number;
  body: string;
  authorName: string;
  createdAt: string;
  isAnswer: boolean;
  hidden: boolean;
  reports: number;
}

/** A document's comments in order; hidden ones are left out except for administrators. */
export async function listComments(
  db: DB,
  viewer: TCurrentUser | null,
  docType: TKnowledgeDocType,
  docId: number,
): Promise<TCommentView[]> {
  let q = db
    .selectFrom('knowledge_comments')
    .innerJoin('users', 'users.id', 'knowledge_comments.author_user_id')
    .select([
      'knowledge_comments.id',
      'knowledge_comments.body',
      'knowledge_comments.created_at',
      'knowledge_comments.is_answer',
      'knowledge_comments.hidden_at',
      'users.name',
    ])
    .select((eb) =>
      eb
        .selectFrom('knowledge_comment_reports')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('knowledge_comment_reports.comment_id', '=', 'knowledge_comments.id')
        .as('reports'),
    )
    .where('knowledge_comments.doc_type', '=', docType)
    .where('knowledge_comments.doc_id', '=', docId);
  if (!isAdmin(viewer)) q = q.where('knowledge_comments.hidden_at', 'is', null);
  const rows = await q.orderBy('knowledge_comments.created_at').orderBy('knowledge_comments.id').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    authorName: r.name,
    createdAt: r.created_at,
    isAnswer: r.is_answer === 1,
    hidden: r.hidden_at !== null,
    reports: Number(r.reports ?? 0),
  }));
}

/** Comments with reports not yet reviewed, most reported first. Policy: administrators only. */
export async function reportedComments(db: DB, actor: TCurrentUser) {
  ensure(isAdmin(actor));
  const rows = await db
    .selectFrom('knowledge_comments')
    .innerJoin('knowledge_comment_reports as r', 'r.comment_id', 'knowledge_comments.id')
    .innerJoin('users', 'users.id', 'knowledge_comments.author_user_id')
    .select([
      'knowledge_comments.id',
      'knowledge_comments.body',
      'knowledge_comments.doc_type',
      'knowledge_comments.doc_id',
      'users.name',
    ])
    .select((eb) => eb.fn.countAll<number>().as('reports'))
    .where('knowledge_comments.hidden_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('knowledge_comments.moderated_at', 'is', null),
        eb('r.created_at', '>', eb.ref('knowledge_comments.moderated_at')),
      ]),
    )
    .groupBy([
      'knowledge_comments.id',
      'knowledge_comments.body',
      'knowledge_comments.doc_type',
      'knowledge_comments.doc_id',
      'users.name',
    ])
    .orderBy(sql`count(*)`, 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({ ...r, reports: Number(r.reports) }));
}
