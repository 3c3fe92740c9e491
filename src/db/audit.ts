import type { DB, Tx } from './client.js';
import { nowIso } from './client.js';

/**
 * Records who changed what, inside the caller's transaction so the log and the change land together.
 * `action` is a dotted verb such as `signature.validate`.
 */
export async function recordAudit(
  db: DB | Tx,
  entry: {
    actorUserId: number | null;
    action: string;
    subjectType: string;
    subjectId?: string | number | null;
    details?: unknown;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId == null ? null : String(entry.subjectId),
      details_json: entry.details === undefined ? null : JSON.stringify(entry.details),
      at: nowIso(),
    })
    .execute();
}
