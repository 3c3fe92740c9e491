import { randomBytes } from 'node:crypto';
import type { TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import type { TLocale } from '../../i18n/index.js';
import { canEditWorkshop, organiserOrgs } from './policy.js';
import { findWorkshop, type TWorkshopRow } from './repository.js';
import { storeLevels, type TWorkshopInput } from './schemas.js';
import { ruleDates, seriesRule } from './series-rule.js';
import { utcToZonedInput, zonedToUtc } from './time-zones.js';
import { mailRegistrant, type TWorkshopMailKind } from './workshop-mails.js';

/** Adds months to a local date, keeping the day or the month's last day (31 January + 1 month = 28/29 February). */
export function addLocal(date: string, repeat: 'weekly' | 'monthly', k: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (repeat === 'weekly') return new Date(Date.UTC(y, m - 1, d + 7 * k)).toISOString().slice(0, 10);
  const first = new Date(Date.UTC(y, m - 1 + k, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The UTC start of each occurrence: the same local wall-clock time in the workshop's zone, so a monthly series
 * at 10:00 Paris time stays at 10:00 across daylight-saving changes (its UTC time moves instead).
 */
export function occurrenceStarts(
  input: Pick<TWorkshopInput, 'start_date' | 'start_time' | 'time_zone' | 'repeat' | 'occurrences'>,
): string[] {
  const out: string[] = [];
  for (const date of occurrenceDates(input)) {
    const start = localStartUtc(date, input.start_time, input.time_zone);
    if (start) out.push(start);
  }
  return out;
}

/** The local dates of the occurrences: the rule's (RRULE) for the nth or last weekday, else day arithmetic. */
export function occurrenceDates(input: Pick<TWorkshopInput, 'start_date' | 'repeat' | 'occurrences'>): string[] {
  const { repeat } = input;
  if (repeat === 'none') return [input.start_date];
  if (repeat === 'monthly_nth' || repeat === 'monthly_last')
    return ruleDates(seriesRule(repeat, input.start_date), input.start_date, input.occurrences);
  return Array.from({ length: input.occurrences }, (_, k) =>
    k === 0 ? input.start_date : addLocal(input.start_date, repeat, k),
  );
}

/**
 * The UTC instant of a local date and time in a zone, for an occurrence computed from a rule: a time inside a
 * skipped hour (clocks forward) moves one hour later, as calendar applications do. Null only for invalid input.
 */
export function localStartUtc(date: string, time: string, zone: string): string | null {
  let start = zonedToUtc(date, time, zone);
  if (!start) {
    const [h, mi] = time.split(':').map(Number) as [number, number];
    start = zonedToUtc(date, `${String(Math.min(h + 1, 23)).padStart(2, '0')}:${String(mi).padStart(2, '0')}`, zone);
  }
  return start ? start.toISOString() : null;
}

/** How long before the start registrations close (0 when the form left it empty: they close at the start). */
export function closingLeadMs(input: TWorkshopInput, startIso: string): number {
  if (!input.closes_date && !input.closes_time) return 0;
  const closes = zonedToUtc(
    input.closes_date ?? input.start_date,
    input.closes_time ?? input.start_time,
    input.time_zone,
  );
  return closes ? new Date(startIso).getTime() - closes.getTime() : 0;
}

/** The stored columns shared by every occurrence of a series (everything but dates and status). */
export function columns(input: TWorkshopInput) {
  return {
    title: input.title,
    description: input.description,
    theme: input.theme,
    levels: storeLevels(input.levels),
    format: input.format,
    online_url: input.format === 'onsite' ? null : (input.online_url ?? null),
    address: input.format === 'online' ? null : (input.address ?? null),
    time_zone: input.time_zone,
    duration_minutes: input.duration_minutes,
    capacity: input.capacity,
    per_org_limit: input.per_org_limit ?? null,
    language: input.language,
    speakers: input.speakers ?? '',
    materials: input.materials ?? '',
  };
}

/** The organising organisation: the one named, which the user must organise for, or their only one. */
function organiserFor(user: TCurrentUser, organisationId?: number): number {
  const orgs = organiserOrgs(user);
  if (organisationId !== undefined) {
    if (!orgs.some((o) => o.organisationId === organisationId))
      throw new AppError(403, 'forbidden', 'Only members of a partner organisation may publish its workshops');
    return organisationId;
  }
  if (orgs.length === 1) return orgs[0]!.organisationId;
  if (!orgs.length) throw new AppError(403, 'forbidden', 'Only members of partner organisations may publish workshops');
  throw new AppError(
    400,
    'organisation_required',
    'Say which organisation organises the workshop with organisation_id',
  );
}

/**
 * Creates a workshop, or a recurring series of separate workshops sharing a series id, as drafts or published.
 * Policy: members of a partner (or expert) organisation, for that organisation. One transaction.
 */
export async function createWorkshops(db: DB, user: TCurrentUser, input: TWorkshopInput): Promise<number[]> {
  const organisationId = organiserFor(user, input.organisation_id);
  const starts = occurrenceStarts(input);
  if (input.publish) ensureFuture(starts[0]!);
  const lead = closingLeadMs(input, starts[0]!);
  const seriesId = starts.length > 1 ? randomBytes(8).toString('hex') : null;
  return db.transaction().execute(async (tx) => {
    const ids: number[] = [];
    const now = nowIso();
    for (const start of starts) {
      const row = await tx
        .insertInto('workshops')
        .values({
          ...columns(input),
          organisation_id: organisationId,
          series_id: seriesId,
          series_repeat: !seriesId || input.repeat === 'none' ? null : input.repeat === 'weekly' ? 'weekly' : 'monthly',
          series_rrule:
            seriesId && (input.repeat === 'monthly_nth' || input.repeat === 'monthly_last')
              ? seriesRule(input.repeat, input.start_date)
              : null,
          status: input.publish ? 'published' : 'draft',
          starts_at: start,
          registration_closes_at: new Date(new Date(start).getTime() - lead).toISOString(),
          replay_url: null,
          replay_materials: null,
          sequence: 0,
          created_by: user.id,
          created_at: now,
          updated_at: now,
          published_at: input.publish ? now : null,
          cancelled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'workshop.create',
      subjectType: 'workshop',
      subjectId: ids[0],
      details: { ids, seriesId, published: input.publish },
    });
    return ids;
  });
}

/** The workshop if the user may edit it (organising partner's members), else 404/403. */
export async function loadEditable(db: DB, user: TCurrentUser, id: number) {
  const w = await findWorkshop(db, id);
  if (!w) throw new AppError(404, 'not_found', 'No such workshop');
  if (!canEditWorkshop(user, w))
    throw new AppError(403, 'forbidden', 'Only the organising partner edits this workshop');
  return w;
}

/** Mails every active registrant of a workshop (changes, cancellation), with the organiser's note if any. */
export async function mailAllRegistrants(
  db: DB,
  config: TConfig,
  id: number,
  kind: TWorkshopMailKind,
  note = '',
): Promise<number> {
  const w = (await findWorkshop(db, id))!;
  const regs = await db
    .selectFrom('workshop_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.status', 'u.email', 'u.name', 'u.locale'])
    .where('r.workshop_id', '=', id)
    .where('r.status', 'in', ['confirmed', 'waitlisted'])
    .execute();
  for (const r of regs)
    await mailRegistrant(
      db,
      config,
      w,
      { email: r.email, name: r.name, locale: r.locale as TLocale, status: r.status },
      kind,
      note,
    );
  return regs.length;
}

/** Fields whose change registrants must hear about (and which bump the iCalendar SEQUENCE). */
export const noticeable: (keyof TWorkshopRow)[] = [
  'title',
  'starts_at',
  'duration_minutes',
  'time_zone',
  'format',
  'online_url',
  'address',
  'language',
];

/** A workshop is never published, nor moved, into the past (422 `start_in_past`). */
export function ensureFuture(startIso: string, now = new Date()): void {
  if (new Date(startIso).getTime() <= now.getTime())
    throw new AppError(422, 'start_in_past', 'A published workshop starts in the future');
}

/** Publishes a draft that starts in the future. Policy: members of the organising organisation. */
export async function publishWorkshop(db: DB, user: TCurrentUser, id: number): Promise<void> {
  const w = await loadEditable(db, user, id);
  if (w.status !== 'draft') throw new AppError(409, 'not_draft', 'Only a draft can be published');
  ensureFuture(w.starts_at);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('workshops')
      .set({ status: 'published', published_at: nowIso(), updated_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .execute();
    await recordAudit(tx, { actorUserId: user.id, action: 'workshop.publish', subjectType: 'workshop', subjectId: id });
  });
}

// Changes and cancellation, of one occurrence or of a series, live in edit-series.ts.

/** The form values of an existing workshop (local date and time in its own zone). */
export function formValuesOf(w: TWorkshopRow): Record<string, string | string[]> {
  const start = utcToZonedInput(w.starts_at, w.time_zone);
  const closes = utcToZonedInput(w.registration_closes_at, w.time_zone);
  return {
    title: w.title,
    description: w.description,
    theme: w.theme,
    levels: w.levels.split(',').filter(Boolean),
    format: w.format,
    online_url: w.online_url ?? '',
    address: w.address ?? '',
    start_date: start.date,
    start_time: start.time,
    time_zone: w.time_zone,
    duration_minutes: String(w.duration_minutes),
    capacity: String(w.capacity),
    per_org_limit: w.per_org_limit == null ? '' : String(w.per_org_limit),
    closes_date: closes.date,
    closes_time: closes.time,
    language: w.language,
    speakers: w.speakers,
    materials: w.materials,
  };
}
