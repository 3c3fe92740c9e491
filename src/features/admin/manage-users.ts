import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TPlatformRole } from '../../db/tables/foundation.js';
import { ensure, isAdmin } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';

const notYourself = () => new AppError(409, 'self', 'Administrators cannot disable or demote themselves');

/**
 * Disables or re-enables an account. Platform administrators only, never on themselves (so the platform always
 * keeps an administrator who can act). Disabling ends the account's sessions at once.
 */
export async function setUserDisabled(db: DB, actor: TCurrentUser, userId: number, disabled: boolean): Promise<void> {
  ensure(isAdmin(actor));
  if (userId === actor.id) throw notYourself();
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('users')
      .set({ disabled_at: disabled ? nowIso() : null })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw notFound();
    if (disabled) await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: disabled ? 'user.disable' : 'user.enable',
      subjectType: 'user',
      subjectId: userId,
    });
  });
}

/** Changes an account's platform role (member or admin). Platform administrators only, never on themselves. */
export async function setPlatformRole(db: DB, actor: TCurrentUser, userId: number, role: TPlatformRole): Promise<void> {
  ensure(isAdmin(actor));
  if (userId === actor.id) throw notYourself();
  await db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select('platform_role').where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound();
    await tx.updateTable('users').set({ platform_role: role }).where('id', '=', userId).execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'user.role',
      subjectType: 'user',
      subjectId: userId,
      details: { from: user.platform_role, to: role },
    });
  });
}
