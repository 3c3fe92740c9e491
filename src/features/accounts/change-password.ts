import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { hashPassword, verifyPassword } from './passwords.js';

/**
 * Changes the signed-in user's password after checking the current one, and ends every OTHER session of the
 * account (the one making the change, `keepSessionHash`, stays) and every outstanding reset link: whoever knew the
 * old password, or holds an old mail, is out. Returns false when the current password is wrong.
 */
export async function changePassword(
  db: DB,
  actor: TCurrentUser,
  input: { current: string; next: string; keepSessionHash: string | null },
): Promise<boolean> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.current))) return false;
  const hash = await hashPassword(input.next);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: hash }).where('id', '=', actor.id).execute();
    let others = tx.deleteFrom('sessions').where('user_id', '=', actor.id);
    if (input.keepSessionHash) others = others.where('token_hash', '!=', input.keepSessionHash);
    await others.execute();
    await tx
      .updateTable('email_tokens')
      .set({ used_at: nowIso() })
      .where('user_id', '=', actor.id)
      .where('purpose', '=', 'reset')
      .where('used_at', 'is', null)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'user.password_change',
      subjectType: 'user',
      subjectId: actor.id,
    });
  });
  return true;
}
