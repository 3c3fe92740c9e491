import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { dialectOf, nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import { notifyRegistrations } from './register-for-workshop.js';
import { findWorkshop, type TWorkshopRow } from './repository.js';
import {
  addLocal,
  closingLeadMs,
  columns,
  ensureFuture,
  loadEditable,
  localStartUtc,
  mailAllRegistrants,
  noticeable,
} from './save-workshop.js';
import type { TWorkshopInput } from './schemas.js';
import { canCancelWorkshop, canEditWorkshop } from './policy.js';
import { fillSeats } from './seats.js';
import { mailAuthorOfModeration } from './workshop-mails.js';
import { isSeriesRule, ruleDates } from './series-rule.js';
import { utcToZonedInput } from './time-zones.js';

export const seriesScopes = ['one', 'following', 'all'] as const;
/** Which occurrences a change or cancellation reaches: this one, this and the later ones, or the whole series. */
export type TSeriesScope = (typeof seriesScopes)[number];

/** An occurrence whose confirmed registrants outnumber the capacity asked for. */
export type TCapacityConflict = { id: number; starts_at: string; time_zone: string; confirmed: number };

/**
 * The occurrences a scope reaches, soonest first. Occurrences already held or cancelled are left as they are
 * (their registrants must not get a change or a cancellation for a past event); the occurrence being edited is
 * always included unless it is cancelled.
 */
async function targetsOf(q: DB | Tx, anchor: TWorkshopRow, scope: TSeriesScope): Promise<TWorkshopRow[]> {
  const base = q.selectFrom('workshops').selectAll().where('status', '!=', 'cancelled');
  if (scope === 'one' || !anchor.series_id) return base.where('id', '=', anchor.id).execute();
  let query = base
    .where('series_id', '=', anchor.series_id)
    .where('organisation_id', '=', anchor.organisation_id)
    .where((eb) => eb.or([eb('id', '=', anchor.id), eb('starts_at', '>', nowIso())]));
  if (scope === 'following') query = query.where('starts_at', '>=', anchor.starts_at);
  return query.orderBy('starts_at').orderBy('id').execute();
}

/**
 * Runs a multi-occurrence write in one transaction. On PostgreSQL the occurrences' rows are locked first (in id
 * order, so two operations never deadlock), which serialises the write with registrations of those workshops;
 * on SQLite the single connection already serialises the process's statements.
 */
async function inSeriesTransaction<T>(db: DB, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

async function lockRows(tx: Tx, ids: number[]): Promise<void> {
  if (!ids.length || dialectOf(tx) !== 'postgres') return;
  const sorted = [...ids].sort((a, b) => a - b);
  await sql`select id from workshops where id in (${sql.join(sorted)}) order by id for update`.execute(tx);
}

async function confirmedCount(q: DB | Tx, workshopId: number): Promise<number> {
  const r = await q
    .selectFrom('workshop_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workshop_id', '=', workshopId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Changes one occurrence, the following ones or the whole series. Policy: members of the organising
 * organisation. Shared fields (title, description, theme, levels, format, link, address, language, speakers,
 * capacity, per-organisation limit, duration, materials) go to every chosen occurrence; each keeps its own date,
 * and a new local start time (or zone) is applied to each date in its own daylight-saving context. A capacity
 * below an occurrence's confirmed seats refuses the whole operation (409 `capacity_below_confirmed`, with the
 * occurrences in `details`): nobody is ever dropped. Changing the date is for one occurrence only (400
 * `series_date_change`). One transaction; each changed published occurrence's registrants then get one updated
 * invitation.
 */
export async function updateWorkshops(
  db: DB,
  config: TConfig,
  user: TCurrentUser,
  id: number,
  input: TWorkshopInput,
  scope: TSeriesScope = 'one',
): Promise<{ updated: number[]; notified: number }> {
  const anchor = await loadEditable(db, user, id);
  if (anchor.status === 'cancelled')
    throw new AppError(409, 'workshop_cancelled', 'A cancelled workshop cannot be changed');
  const shown = utcToZonedInput(anchor.starts_at, anchor.time_zone);
  const shownCloses = utcToZonedInput(anchor.registration_closes_at, anchor.time_zone);
  const series = scope !== 'one' && !!anchor.series_id;
  if (series && input.start_date !== shown.date) {
    throw new AppError(
      400,
      'series_date_change',
      'Each occurrence keeps its own date: change the date of one occurrence at a time',
    );
  }
  const timeMoved = input.start_time !== shown.time || input.time_zone !== anchor.time_zone;
  const closesMoved =
    (input.closes_date ?? input.start_date) !== shownCloses.date ||
    (input.closes_time ?? input.start_time) !== shownCloses.time;
  const anchorStart = localStartUtc(input.start_date, input.start_time, input.time_zone)!;
  // Moving a published workshop: never into the past.
  if (anchor.status === 'published' && anchorStart !== anchor.starts_at) ensureFuture(anchorStart);
  const newLead = closingLeadMs(input, anchorStart);

  const result = await inSeriesTransaction(db, async (tx) => {
    await lockRows(
      tx,
      (await targetsOf(tx, anchor, scope)).map((w) => w.id),
    );
    // Read again under the lock: a concurrent cancellation or sequence bump may have happened since.
    const targets = await targetsOf(tx, anchor, scope);
    const conflicts: TCapacityConflict[] = [];
    for (const w of targets) {
      const confirmed = await confirmedCount(tx, w.id);
      if (confirmed > input.capacity)
        conflicts.push({ id: w.id, starts_at: w.starts_at, time_zone: w.time_zone, confirmed });
    }
    if (conflicts.length) {
      throw new AppError(
        409,
        'capacity_below_confirmed',
        'The capacity is below the confirmed registrations of some occurrences',
        conflicts,
      );
    }
    const changedIds: number[] = [];
    const promoted = new Map<number, number[]>();
    const now = nowIso();
    for (const w of targets) {
      let startsAt = w.starts_at;
      if (!series) startsAt = anchorStart;
      else if (timeMoved) {
        const own = utcToZonedInput(w.starts_at, w.time_zone);
        startsAt = localStartUtc(own.date, input.start_time, input.time_zone) ?? w.starts_at;
      }
      // Registrations close the lead asked for on the form, or keep each occurrence's own lead when untouched.
      const lead =
        !series || closesMoved
          ? newLead
          : new Date(w.starts_at).getTime() - new Date(w.registration_closes_at).getTime();
      const next = {
        ...columns(input),
        starts_at: startsAt,
        registration_closes_at: new Date(new Date(startsAt).getTime() - lead).toISOString(),
      };
      const changed = noticeable.some(
        (k) => String((w as Record<string, unknown>)[k] ?? '') !== String((next as Record<string, unknown>)[k] ?? ''),
      );
      if (changed && w.status === 'published') changedIds.push(w.id);
      await tx
        .updateTable('workshops')
        .set({ ...next, updated_at: now, sequence: changed ? w.sequence + 1 : w.sequence })
        .where('id', '=', w.id)
        .execute();
      // More seats go to the waiting list at once.
      promoted.set(w.id, await fillSeats(tx, w.id));
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: series ? 'workshop.series.update' : 'workshop.update',
      subjectType: 'workshop',
      subjectId: anchor.id,
      details: {
        scope: series ? scope : 'one',
        seriesId: anchor.series_id,
        ids: targets.map((w) => w.id),
        noticed: changedIds,
      },
    });
    return { ids: targets.map((w) => w.id), changedIds, promoted };
  });

  // Mails after the commit: a refused or rolled-back change must not have told anyone anything.
  let notified = 0;
  for (const wid of result.ids) {
    const w = (await findWorkshop(db, wid))!;
    await notifyRegistrations(db, config, w, result.promoted.get(wid) ?? []);
    if (result.changedIds.includes(wid)) notified += await mailAllRegistrants(db, config, wid, 'changed');
  }
  return { updated: result.ids, notified };
}

/**
 * Calls off one occurrence, the following ones or the whole series, with a note (the reason) that every mail
 * carries. Policy first: members of the organising organisation, or an administrator (who must give the note;
 * the workshop's author is then told too). One transaction; then every registrant of each cancelled published
 * occurrence gets a mail with an iCalendar CANCEL, once per occurrence.
 */
export async function cancelWorkshops(
  db: DB,
  config: TConfig,
  user: TCurrentUser,
  id: number,
  scope: TSeriesScope = 'one',
  note = '',
): Promise<{ cancelled: number[]; notified: number }> {
  const anchor = await findWorkshop(db, id);
  if (!anchor) throw new AppError(404, 'not_found', 'No such workshop');
  if (!canCancelWorkshop(user, anchor))
    throw new AppError(403, 'forbidden', 'Only the organising partner or an administrator cancels this workshop');
  const byAdmin = !canEditWorkshop(user, anchor);
  if (byAdmin && note.trim().length < 3)
    throw new AppError(422, 'note_required', 'An administrator cancels with a reason');
  if (anchor.status === 'cancelled')
    throw new AppError(409, 'workshop_cancelled', 'This workshop is already cancelled');
  const series = scope !== 'one' && !!anchor.series_id;
  const done = await inSeriesTransaction(db, async (tx) => {
    await lockRows(
      tx,
      (await targetsOf(tx, anchor, scope)).map((w) => w.id),
    );
    const targets = await targetsOf(tx, anchor, scope);
    const now = nowIso();
    for (const w of targets) {
      await tx
        .updateTable('workshops')
        .set({ status: 'cancelled', cancelled_at: now, updated_at: now, sequence: w.sequence + 1 })
        .where('id', '=', w.id)
        .where('status', '!=', 'cancelled')
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: series ? 'workshop.series.cancel' : 'workshop.cancel',
      subjectType: 'workshop',
      subjectId: anchor.id,
      details: {
        ...(series ? { scope, seriesId: anchor.series_id, ids: targets.map((w) => w.id) } : {}),
        note: note.trim() || null,
        byAdmin,
      },
    });
    return targets;
  });
  if (!done.length) throw new AppError(409, 'workshop_cancelled', 'This workshop is already cancelled');
  let notified = 0;
  for (const w of done)
    if (w.status === 'published') notified += await mailAllRegistrants(db, config, w.id, 'cancelled', note.trim());
  if (byAdmin) await mailAuthorOfModeration(db, config, anchor, 'cancelled', note.trim(), done.length);
  return { cancelled: done.map((w) => w.id), notified };
}

/** The series' rule: stored since migration 0031, else read from the gap between its first two occurrences. */
function repeatOf(rows: TWorkshopRow[]): 'weekly' | 'monthly' {
  const stored = rows.find((r) => r.series_repeat)?.series_repeat;
  if (stored) return stored;
  const byCreation = [...rows].sort((a, b) => a.id - b.id);
  if (byCreation.length < 2) return 'weekly';
  const d = (w: TWorkshopRow) => Date.parse(`${utcToZonedInput(w.starts_at, w.time_zone).date}T00:00:00Z`);
  return Math.round((d(byCreation[1]!) - d(byCreation[0]!)) / 86_400_000) === 7 ? 'weekly' : 'monthly';
}

/** The most occurrences one extension adds (the size of a series created at once). */
export const maxExtension = 12;

/**
 * Adds `count` occurrences at the end of a series with its rule (weekly, or monthly on the first occurrence's
 * day, or the month's last day). Each copies the latest live occurrence: fields, local start time in its zone,
 * registration lead and status (draft or published). A single workshop becomes a series when `repeat` is given.
 * Policy: members of the organising organisation. One transaction. Returns the new ids.
 */
export async function extendSeries(
  db: DB,
  user: TCurrentUser,
  id: number,
  count: number,
  repeat?: 'weekly' | 'monthly',
): Promise<number[]> {
  const anchor = await loadEditable(db, user, id);
  if (!Number.isInteger(count) || count < 1 || count > maxExtension)
    throw new AppError(400, 'extend_count', 'Add 1 to 12 occurrences');
  if (!anchor.series_id && !repeat) throw new AppError(400, 'not_series', 'This workshop is not part of a series');
  return inSeriesTransaction(db, async (tx) => {
    const seriesId = anchor.series_id ?? randomBytes(8).toString('hex');
    if (!anchor.series_id) {
      await tx
        .updateTable('workshops')
        .set({ series_id: seriesId, series_repeat: repeat!, updated_at: nowIso() })
        .where('id', '=', anchor.id)
        .execute();
    }
    const rows = await tx
      .selectFrom('workshops')
      .selectAll()
      .where('series_id', '=', seriesId)
      .where('organisation_id', '=', anchor.organisation_id)
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    await lockRows(
      tx,
      rows.map((w) => w.id),
    );
    const live = rows.filter((w) => w.status !== 'cancelled');
    const template = live[live.length - 1];
    if (!template) throw new AppError(409, 'series_cancelled', 'Every occurrence of this series is cancelled');
    const rule = repeat && !anchor.series_id ? repeat : repeatOf(rows);
    const first = [...rows].sort((a, b) => a.id - b.id)[0]!;
    const firstDate = utcToZonedInput(first.starts_at, first.time_zone).date;
    const time = utcToZonedInput(template.starts_at, template.time_zone).time;
    const lead = new Date(template.starts_at).getTime() - new Date(template.registration_closes_at).getTime();
    const lastDate = utcToZonedInput(rows[rows.length - 1]!.starts_at, template.time_zone).date;
    const now = nowIso();
    const ids: number[] = [];
    // The next dates of the series' rule after its current last date: its RRULE (nth or last weekday) when it
    // has one, else occurrence k of the weekly or monthly rule counted from the first one.
    const stored = rows.find((r) => r.series_rrule && isSeriesRule(r.series_rrule))?.series_rrule;
    let dates: string[];
    if (stored) dates = ruleDates(stored, firstDate, count, lastDate);
    else {
      let k = rows.length;
      while (addLocal(firstDate, rule, k) <= lastDate) k++;
      dates = Array.from({ length: count }, (_, i) => addLocal(firstDate, rule, k + i));
    }
    for (const date of dates) {
      const startsAt = localStartUtc(date, time, template.time_zone)!;
      const { id: _id, ...copy } = template;
      const row = await tx
        .insertInto('workshops')
        .values({
          ...copy,
          series_id: seriesId,
          series_repeat: rule,
          starts_at: startsAt,
          registration_closes_at: new Date(new Date(startsAt).getTime() - lead).toISOString(),
          replay_url: null,
          replay_materials: null,
          sequence: 0,
          created_by: user.id,
          created_at: now,
          updated_at: now,
          published_at: template.status === 'published' ? now : null,
          cancelled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    // Older series learn their rule so later extensions need not infer it again.
    await tx
      .updateTable('workshops')
      .set({ series_repeat: rule })
      .where('series_id', '=', seriesId)
      .where('series_repeat', 'is', null)
      .execute();
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'workshop.series.extend',
      subjectType: 'workshop',
      subjectId: anchor.id,
      details: { seriesId, rule, ids },
    });
    return ids;
  });
}
