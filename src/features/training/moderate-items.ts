import { publicUrl, type TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';
import { translator, type TLocale } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { canModerateTrainingItems } from './policy.js';

/** The two kinds of items the training feature publishes. */
export type TTrainingItemKind = 'training' | 'offer';
/** What an administrator decides; every outcome is mailed to the author with the reason. */
export type TTrainingDecision = 'unpublish' | 'republish' | 'approve' | 'reject';

const tableOf = (kind: TTrainingItemKind) => (kind === 'training' ? 'trainings' : 'job_offers');
const pathOf = (kind: TTrainingItemKind, id: number) => (kind === 'training' ? `/trainings/${id}` : `/offers/${id}`);

/**
 * Who hears of a decision: the person who created the item, or, when nobody did (imported, or their account was
 * disabled since), the owners of its organisation.
 */
async function recipientsOf(tx: Tx, createdBy: number | null, organisationId: number) {
  const author =
    createdBy === null
      ? undefined
      : await tx
          .selectFrom('users')
          .select(['email', 'name', 'locale'])
          .where('id', '=', createdBy)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
  if (author) return [author];
  return tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.name', 'users.locale'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', 'owner')
    .where('users.disabled_at', 'is', null)
    .execute();
}

/**
 * An administrator takes a published training or offer offline (`unpublish`, kept, never deleted), puts it back
 * (`republish`), or approves / rejects a training that waits for review. Policy first: administrators only. A
 * decision on an item no longer in the expected state is a 409 (two administrators at once). The reason goes to
 * the audit log and, in the author's language, to the author by mail (outbox, same transaction).
 */
export async function moderateTrainingItem(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  kind: TTrainingItemKind,
  id: number,
  decision: TTrainingDecision,
  reason: string,
): Promise<void> {
  ensure(canModerateTrainingItems(actor), 'training.moderate');
  const why = reason.trim();
  if (decision !== 'approve' && decision !== 'republish' && why.length < 3) {
    throw new AppError(
      422,
      'reason_required',
      'A reason of at least 3 characters is required',
      [{ path: 'reason', message: 'training.moderation.reasonRequired' }],
      { key: 'training.moderation.reasonRequired' },
    );
  }
  await db.transaction().execute(async (tx) => {
    const table = tableOf(kind);
    const row = await tx
      .selectFrom(table)
      .select(['id', 'title', 'organisation_id', 'created_by', 'unpublished_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(kind);
    const now = nowIso();
    let changed: number;
    if (kind === 'training') {
      const q = tx.updateTable('trainings').where('id', '=', id);
      const res =
        decision === 'unpublish'
          ? await q
              .set({ unpublished_at: now, review_pending_at: null, updated_at: now })
              .where('unpublished_at', 'is', null)
              .executeTakeFirst()
          : decision === 'republish'
            ? await q
                .set({ unpublished_at: null, updated_at: now })
                .where('unpublished_at', 'is not', null)
                .where('review_pending_at', 'is', null)
                .executeTakeFirst()
            : decision === 'approve'
              ? await q
                  .set({ unpublished_at: null, review_pending_at: null, updated_at: now })
                  .where('review_pending_at', 'is not', null)
                  .executeTakeFirst()
              : await q
                  .set({ review_pending_at: null, updated_at: now })
                  .where('review_pending_at', 'is not', null)
                  .executeTakeFirst();
      changed = Number(res.numUpdatedRows);
    } else {
      if (decision === 'approve' || decision === 'reject')
        throw new AppError(409, 'not_pending', 'Offers are not reviewed before publication');
      const q = tx.updateTable('job_offers').where('id', '=', id);
      const res =
        decision === 'unpublish'
          ? await q.set({ unpublished_at: now, updated_at: now }).where('unpublished_at', 'is', null).executeTakeFirst()
          : await q
              .set({ unpublished_at: null, updated_at: now })
              .where('unpublished_at', 'is not', null)
              .executeTakeFirst();
      changed = Number(res.numUpdatedRows);
    }
    if (changed !== 1)
      throw new AppError(
        409,
        'already_moderated',
        'This item is not in the state this decision applies to',
        undefined,
        { key: 'training.moderation.conflict' },
      );
    // The organisation's first approval: its later publications need no review (first-publication rule).
    if (decision === 'approve')
      await tx
        .updateTable('organisations')
        .set({ first_publication_review: 0, publication_approved_at: now })
        .where('id', '=', row.organisation_id)
        .where('publication_approved_at', 'is', null)
        .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: `${kind}.${decision}`,
      subjectType: kind === 'training' ? 'training' : 'job_offer',
      subjectId: id,
      details: why ? { reason: why } : undefined,
    });
    for (const to of await recipientsOf(
      tx,
      row.created_by === null ? null : Number(row.created_by),
      Number(row.organisation_id),
    )) {
      const t = translator(to.locale as TLocale);
      const params = {
        name: to.name,
        title: row.title,
        reason: why || '—',
        link: `${publicUrl(config)}${pathOf(kind, id)}`,
        signature: t('mail.signature'),
      };
      await sendMail(tx, config, {
        to: to.email,
        subject: t(`training.mail.moderation.${decision}.subject`, params),
        text: t(`training.mail.moderation.${decision}.body`, params),
      });
    }
  });
}
