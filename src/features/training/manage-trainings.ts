import type { DB } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { nowIso } from '../../db/client.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { canPublishTrainingsFor, needsFirstReview, organisationOf } from './policy.js';
import type { TTrainingInput } from './schemas.js';
import { insertTraining, updateTrainingRow } from './training-repository.js';

/** Publishes a training for an organisation. Who: members of that school/partner/expert organisation, admins. */
export async function createTraining(
  db: DB,
  actor: TCurrentUser,
  organisationId: number,
  input: TTrainingInput,
): Promise<number> {
  const org = await organisationOf(db, organisationId);
  ensure(canPublishTrainingsFor(actor, org));
  return db.transaction().execute(async (tx) => {
    const id = await insertTraining(tx, org.id, actor.id, input);
    // A newly granted partner's first publication waits, offline, for an administrator (first-publication rule).
    const firstReview = await needsFirstReview(tx, org.id);
    if (firstReview) {
      const now = nowIso();
      await tx
        .updateTable('trainings')
        .set({ unpublished_at: now, review_pending_at: now })
        .where('id', '=', id)
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'training.create',
      subjectType: 'training',
      subjectId: id,
      details: { organisationId: org.id, title: input.title, review: firstReview },
    });
    return id;
  });
}

/** The organisation owning a training, or 404. */
export async function trainingOwner(db: DB, id: number): Promise<{ id: number; kind: string }> {
  const row = await db.selectFrom('trainings').select('organisation_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('training');
  return organisationOf(db, Number(row.organisation_id));
}

/** Changes a training. Who: members of the providing organisation (only it edits its trainings), admins. */
export async function updateTraining(db: DB, actor: TCurrentUser, id: number, input: TTrainingInput): Promise<void> {
  ensure(canPublishTrainingsFor(actor, await trainingOwner(db, id)));
  await db.transaction().execute(async (tx) => {
    await updateTrainingRow(tx, id, input);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'training.update',
      subjectType: 'training',
      subjectId: id,
      details: { title: input.title },
    });
  });
}

/** Withdraws a training from the catalogue. Who: members of the providing organisation, admins. */
export async function deleteTraining(db: DB, actor: TCurrentUser, id: number): Promise<void> {
  ensure(canPublishTrainingsFor(actor, await trainingOwner(db, id)));
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('training_audiences').where('training_id', '=', id).execute();
    await tx.deleteFrom('training_skills').where('training_id', '=', id).execute();
    await tx.deleteFrom('trainings').where('id', '=', id).execute();
    await recordAudit(tx, { actorUserId: actor.id, action: 'training.delete', subjectType: 'training', subjectId: id });
  });
}
