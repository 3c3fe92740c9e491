import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { isAdmin } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { isSignatory } from './peers.js';
import { canEditWorkshop } from './policy.js';
import { findWorkshop, type TWorkshopRow } from './repository.js';

/** Whether the workshop has started (attendance, feedback and replay come after). */
export function hasStarted(w: TWorkshopRow, now = nowIso()): boolean {
  return w.starts_at <= now;
}

/**
 * Records who attended, from the list of present confirmed registrations; the others are marked absent.
 * Policy: members of the organising organisation, once the workshop has started. One transaction.
 */
export async function recordAttendance(
  db: DB,
  user: TCurrentUser,
  workshopId: number,
  presentRegistrationIds: number[],
): Promise<{ present: number; absent: number }> {
  const w = await findWorkshop(db, workshopId);
  if (!w) throw new AppError(404, 'not_found', 'No such workshop');
  if (!canEditWorkshop(user, w)) throw new AppError(403, 'forbidden', 'Only the organiser records attendance');
  if (w.status !== 'published' || !hasStarted(w))
    throw new AppError(409, 'not_started', 'Attendance is recorded once the workshop has started');
  return db.transaction().execute(async (tx) => {
    const regs = await tx
      .selectFrom('workshop_registrations')
      .select('id')
      .where('workshop_id', '=', workshopId)
      .where('status', '=', 'confirmed')
      .execute();
    const present = new Set(presentRegistrationIds);
    let n = 0;
    for (const r of regs) {
      const here = present.has(r.id);
      if (here) n++;
      await tx
        .updateTable('workshop_registrations')
        .set({ attended: here ? 1 : 0 })
        .where('id', '=', r.id)
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'workshop.attendance',
      subjectType: 'workshop',
      subjectId: workshopId,
      details: { present: n, of: regs.length },
    });
    return { present: n, absent: regs.length - n };
  });
}

/**
 * Saves an attendee's feedback, once. Policy: a registrant marked present, after the workshop has started.
 */
export async function giveFeedback(
  db: DB,
  user: TCurrentUser,
  workshopId: number,
  input: { rating: number; comment: string },
): Promise<void> {
  const w = await findWorkshop(db, workshopId);
  if (!w || w.status === 'draft') throw new AppError(404, 'not_found', 'No such workshop');
  const reg = await db
    .selectFrom('workshop_registrations')
    .select(['attended'])
    .where('workshop_id', '=', workshopId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!reg || reg.attended !== 1 || !hasStarted(w))
    throw new AppError(403, 'not_attendee', 'Only attendees give feedback');
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('workshop_feedback')
        .values({
          workshop_id: workshopId,
          user_id: user.id,
          rating: input.rating,
          comment: input.comment,
          created_at: nowIso(),
        })
        .execute();
      await recordAudit(tx, {
        actorUserId: user.id,
        action: 'workshop.feedback',
        subjectType: 'workshop',
        subjectId: workshopId,
        details: { rating: input.rating },
      });
    });
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === '23505' || /UNIQUE/i.test(e.message ?? ''))
      throw new AppError(409, 'feedback_given', 'Feedback was already given');
    throw err;
  }
}

/** Posts (or replaces) the replay link and materials. Policy: members of the organising organisation. */
export async function postReplay(
  db: DB,
  user: TCurrentUser,
  workshopId: number,
  input: { replay_url?: string; replay_materials?: string },
): Promise<void> {
  const w = await findWorkshop(db, workshopId);
  if (!w) throw new AppError(404, 'not_found', 'No such workshop');
  if (!canEditWorkshop(user, w)) throw new AppError(403, 'forbidden', 'Only the organiser posts the replay');
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('workshops')
      .set({
        replay_url: input.replay_url ?? null,
        replay_materials: input.replay_materials ?? null,
        updated_at: nowIso(),
      })
      .where('id', '=', workshopId)
      .execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'workshop.replay',
      subjectType: 'workshop',
      subjectId: workshopId,
    });
  });
}

/** The replay and materials are for members of signatory organisations, the organiser and administrators. */
export async function canSeeReplay(db: DB, user: TCurrentUser | null, w: TWorkshopRow): Promise<boolean> {
  if (!user) return false;
  if (isAdmin(user) || canEditWorkshop(user, w)) return true;
  for (const m of user.memberships) if (await isSignatory(db, m.organisationId)) return true;
  return false;
}
