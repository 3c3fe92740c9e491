import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure } from '../../http/actor.js';
import { canPublishTrainingsFor, organisationOf } from './policy.js';
import type { TTrainingInput } from './schemas.js';
import { insertTraining } from './training-repository.js';

/**
 * Publishes validated trainings in bulk for an organisation: all in one transaction, so a failure publishes none.
 * Who: members of that school/partner/expert organisation, admins.
 */
export async function importTrainings(
  db: DB,
  actor: TCurrentUser,
  organisationId: number,
  trainings: TTrainingInput[],
): Promise<number[]> {
  const org = await organisationOf(db, organisationId);
  ensure(canPublishTrainingsFor(actor, org));
  const at = nowIso();
  return db.transaction().execute(async (tx) => {
    const ids: number[] = [];
    for (const input of trainings) ids.push(await insertTraining(tx, org.id, actor.id, input, at));
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'training.import',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { count: ids.length },
    });
    return ids;
  });
}
