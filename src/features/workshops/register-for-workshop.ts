import type { TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import type { TLocale } from '../../i18n/index.js';
import { isSignatory } from './peers.js';
import { findRegistration, findWorkshop, waitlistPosition, type TWorkshopWithOrg } from './repository.js';
import { fillSeats, retryBusy, withSeatLock } from './seats.js';
import { mailRegistrant } from './workshop-mails.js';

export interface TRegistrationResult {
  status: 'confirmed' | 'waitlisted';
  registrationId: number;
  workshopId: number;
  organisationId: number;
  /** 1-based place in the waiting list, when waitlisted. */
  position: number | null;
}

/** The signatory organisations the user may register for (a user may belong to several). */
export async function signatoryMemberships(
  _db: DB,
  user: TCurrentUser,
): Promise<{ organisationId: number; name: string }[]> {
  return user.memberships.filter((m) => m.signatory).map((m) => ({ organisationId: m.organisationId, name: m.name }));
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/i.test(e.message ?? '');
}

/**
 * Registers the user for a published workshop on behalf of one of their signatory organisations. Policy: the
 * user must be a member of a signatory organisation (403), registrations must be open (409), one registration
 * per person (409). The seat is taken atomically (see seats.ts): a full workshop puts the person on the waiting
 * list. Mails go out after the seats are settled, once per status change.
 */
export async function registerForWorkshop(
  db: DB,
  config: TConfig,
  user: TCurrentUser,
  workshopId: number,
  organisationId?: number,
): Promise<TRegistrationResult> {
  // 1. The workshop must be open for registration.
  const w = await findWorkshop(db, workshopId);
  if (!w || w.status === 'draft') throw new AppError(404, 'not_found', 'No such workshop');
  if (w.status === 'cancelled') throw new AppError(409, 'workshop_cancelled', 'This workshop was cancelled');
  if (nowIso() >= w.registration_closes_at)
    throw new AppError(409, 'registration_closed', 'Registrations for this workshop are closed');

  // 2. Policy: on behalf of a signatory organisation the user belongs to.
  let orgId = organisationId;
  if (orgId !== undefined) {
    if (!user.memberships.some((m) => m.organisationId === orgId))
      throw new AppError(403, 'forbidden', 'You are not a member of this organisation');
    if (!(await isSignatory(db, orgId)))
      throw new AppError(403, 'not_signatory', 'Only members of signatory organisations may register');
  } else {
    const orgs = await signatoryMemberships(db, user);
    if (!orgs.length) throw new AppError(403, 'not_signatory', 'Only members of signatory organisations may register');
    if (orgs.length > 1) {
      throw new AppError(
        400,
        'organisation_required',
        'You belong to several signatory organisations: say which one with organisation_id',
        orgs.map((o) => ({ organisation_id: o.organisationId, name: o.name })),
      );
    }
    orgId = orgs[0]!.organisationId;
  }
  const chosenOrg = orgId;

  // 3. Join the queue, then let the seat filler decide, under the workshop's lock.
  const { registrationId, promoted } = await withSeatLock(db, workshopId, async (q) => {
    const now = nowIso();
    const existing = await findRegistration(q, workshopId, user.id);
    let id: number;
    if (existing) {
      if (existing.status !== 'cancelled')
        throw new AppError(409, 'already_registered', 'You are already registered for this workshop');
      const res = await retryBusy(() =>
        q
          .updateTable('workshop_registrations')
          .set({
            status: 'waitlisted',
            organisation_id: chosenOrg,
            queued_at: now,
            confirmed_at: null,
            cancelled_at: null,
            notified_status: null,
            attended: null,
            reminder_sent_at: null,
          })
          .where('id', '=', existing.id)
          .where('status', '=', 'cancelled')
          .executeTakeFirst(),
      );
      if (Number(res.numUpdatedRows) === 0)
        throw new AppError(409, 'already_registered', 'You are already registered for this workshop');
      id = existing.id;
    } else {
      try {
        const row = await retryBusy(() =>
          q
            .insertInto('workshop_registrations')
            .values({
              workshop_id: workshopId,
              user_id: user.id,
              organisation_id: chosenOrg,
              status: 'waitlisted',
              queued_at: now,
              confirmed_at: null,
              cancelled_at: null,
              notified_status: null,
              attended: null,
              reminder_sent_at: null,
              created_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow(),
        );
        id = row.id;
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError(409, 'already_registered', 'You are already registered for this workshop');
        throw err;
      }
    }
    const promotedIds = await fillSeats(q, workshopId);
    await recordAudit(q, {
      actorUserId: user.id,
      action: 'workshop.register',
      subjectType: 'workshop',
      subjectId: workshopId,
      details: { organisationId: chosenOrg },
    });
    return { registrationId: id, promoted: promotedIds };
  });

  // 4. Mails, each status change once (whichever request settled it).
  await notifyRegistrations(db, config, w, [...new Set([registrationId, ...promoted])]);
  const reg = await db
    .selectFrom('workshop_registrations')
    .selectAll()
    .where('id', '=', registrationId)
    .executeTakeFirstOrThrow();
  const status = reg.status === 'confirmed' ? 'confirmed' : 'waitlisted';
  return {
    status,
    registrationId,
    workshopId,
    organisationId: chosenOrg,
    position: status === 'waitlisted' ? await waitlistPosition(db, reg) : null,
  };
}

/**
 * Cancels the user's registration. Policy: only the registrant, before the workshop starts. A freed seat goes
 * at once to the first person waiting, who is told by mail.
 */
export async function cancelRegistration(
  db: DB,
  config: TConfig,
  user: TCurrentUser,
  workshopId: number,
): Promise<{ promoted: number }> {
  const w = await findWorkshop(db, workshopId);
  if (!w || w.status === 'draft') throw new AppError(404, 'not_found', 'No such workshop');
  const reg = await findRegistration(db, workshopId, user.id);
  if (!reg || reg.status === 'cancelled')
    throw new AppError(404, 'not_registered', 'You are not registered for this workshop');
  if (w.starts_at <= nowIso()) throw new AppError(409, 'workshop_started', 'This workshop has already started');

  const promoted = await withSeatLock(db, workshopId, async (q) => {
    const res = await retryBusy(() =>
      q
        .updateTable('workshop_registrations')
        .set({ status: 'cancelled', cancelled_at: nowIso(), notified_status: 'cancelled' })
        .where('id', '=', reg.id)
        .where('status', 'in', ['confirmed', 'waitlisted'])
        .executeTakeFirst(),
    );
    if (Number(res.numUpdatedRows) === 0)
      throw new AppError(404, 'not_registered', 'You are not registered for this workshop');
    const ids = await fillSeats(q, workshopId);
    await recordAudit(q, {
      actorUserId: user.id,
      action: 'workshop.unregister',
      subjectType: 'workshop',
      subjectId: workshopId,
      details: { promoted: ids },
    });
    return ids;
  });

  await mailRegistrant(
    db,
    config,
    w,
    { email: user.email, name: user.name, locale: user.locale, status: 'cancelled' },
    'unregistered',
  );
  await notifyRegistrations(db, config, w, promoted);
  return { promoted: promoted.length };
}

/**
 * Mails each registration whose status changed since it was last told. The claim is a conditional UPDATE, so
 * when two instances settle the same row only one mails it.
 */
export async function notifyRegistrations(
  db: DB | Tx,
  config: TConfig,
  w: TWorkshopWithOrg,
  registrationIds: number[],
): Promise<void> {
  for (const id of registrationIds) {
    const r = await db
      .selectFrom('workshop_registrations as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.status', 'r.notified_status', 'u.email', 'u.name', 'u.locale'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!r || r.status === 'cancelled' || r.status === r.notified_status) continue;
    const previous = r.notified_status;
    const claim = await retryBusy(() => {
      let q = db
        .updateTable('workshop_registrations')
        .set({ notified_status: r.status })
        .where('id', '=', id)
        .where('status', '=', r.status);
      q = previous === null ? q.where('notified_status', 'is', null) : q.where('notified_status', '=', previous);
      return q.executeTakeFirst();
    });
    if (Number(claim.numUpdatedRows) === 0) continue;
    const kind = r.status === 'waitlisted' ? 'waitlisted' : previous === 'waitlisted' ? 'promoted' : 'confirmed';
    await mailRegistrant(
      db,
      config,
      w,
      { email: r.email, name: r.name, locale: r.locale as TLocale, status: r.status },
      kind,
    );
  }
}
