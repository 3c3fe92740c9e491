import { sql, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { DB, Tx } from '../../db/client.js';
import { dialectOf, nowIso } from '../../db/client.js';
import type { WorkshopTables } from '../../db/tables/workshops.js';
import type { TWorkshopFilter } from './schemas.js';

export type TWorkshopRow = Selectable<WorkshopTables['workshops']>;
export type TWorkshopWithOrg = TWorkshopRow & { organisation_name: string; organisation_slug: string };
export type TRegistrationRow = Selectable<WorkshopTables['workshop_registrations']>;

/** One workshop with its organiser's name, whatever its status (callers decide who may see drafts). */
export async function findWorkshop(db: DB | Tx, id: number): Promise<TWorkshopWithOrg | undefined> {
  return db
    .selectFrom('workshops as w')
    .innerJoin('organisations as o', 'o.id', 'w.organisation_id')
    .selectAll('w')
    .select(['o.name as organisation_name', 'o.slug as organisation_slug'])
    .where('w.id', '=', id)
    .executeTakeFirst();
}

/** Published (and cancelled, so people see it was called off) workshops matching the filter, soonest first. */
export async function listWorkshops(
  db: DB,
  filter: TWorkshopFilter & { levels?: number[]; includeCancelled?: boolean; organisationIds?: number[] },
  page: { limit: number; offset: number },
): Promise<{ rows: TWorkshopWithOrg[]; total: number }> {
  let q = db.selectFrom('workshops as w').innerJoin('organisations as o', 'o.id', 'w.organisation_id');
  q = q.where('w.status', 'in', filter.includeCancelled ? ['published', 'cancelled'] : ['published']);
  if (filter.theme) q = q.where('w.theme', '=', filter.theme);
  if (filter.format) q = q.where('w.format', '=', filter.format);
  if (filter.partner) q = q.where('w.organisation_id', '=', filter.partner);
  if (filter.organisationIds)
    q = q.where('w.organisation_id', 'in', filter.organisationIds.length ? filter.organisationIds : [-1]);
  if (filter.from) q = q.where('w.starts_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) q = q.where('w.starts_at', '<', new Date(filter.to).toISOString());
  const levels = filter.level ? [filter.level] : filter.levels;
  if (levels?.length) q = q.where((eb) => eb.or(levels.map((l) => eb('w.levels', 'like', `%,${l},%`))));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('w')
    .select(['o.name as organisation_name', 'o.slug as organisation_slug'])
    .orderBy('w.starts_at')
    .orderBy('w.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every workshop of the given organisers, drafts included, for their own management list. */
export async function listOrganiserWorkshops(db: DB, organisationIds: number[], limit = 50): Promise<TWorkshopRow[]> {
  if (!organisationIds.length) return [];
  return db
    .selectFrom('workshops')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('starts_at', 'desc')
    .limit(limit)
    .execute();
}

/** Seat counts: confirmed and waiting registrations. */
export async function seatCounts(db: DB | Tx, workshopId: number): Promise<{ confirmed: number; waitlisted: number }> {
  const rows = await db
    .selectFrom('workshop_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workshop_id', '=', workshopId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .groupBy('status')
    .execute();
  const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { confirmed: get('confirmed'), waitlisted: get('waitlisted') };
}

/** The user's registration for a workshop, if any (cancelled rows included). */
export async function findRegistration(
  db: DB | Tx,
  workshopId: number,
  userId: number,
): Promise<TRegistrationRow | undefined> {
  return db
    .selectFrom('workshop_registrations')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The waiting list position (1-based) of a waitlisted registration. */
export async function waitlistPosition(db: DB | Tx, reg: TRegistrationRow): Promise<number> {
  const ahead = await db
    .selectFrom('workshop_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workshop_id', '=', reg.workshop_id)
    .where('status', '=', 'waitlisted')
    .where((eb) =>
      eb.or([
        eb('queued_at', '<', reg.queued_at),
        eb.and([eb('queued_at', '=', reg.queued_at), eb('id', '<', reg.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

/** Registrants with names and organisations, confirmed first then the waiting list in order. */
export async function listRegistrants(db: DB, workshopId: number) {
  return db
    .selectFrom('workshop_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.status',
      'r.attended',
      'r.queued_at',
      'r.user_id',
      'u.name as user_name',
      'u.email as user_email',
      'o.name as organisation_name',
    ])
    .where('r.workshop_id', '=', workshopId)
    .where('r.status', 'in', ['confirmed', 'waitlisted'])
    .orderBy(sql`case when r.status = 'confirmed' then 0 else 1 end`)
    .orderBy('r.queued_at')
    .orderBy('r.id')
    .execute();
}

/** The user's active registrations (confirmed or waiting), with their workshops, soonest first. */
export async function listUserRegistrations(db: DB, userId: number, fromIso?: string) {
  let q = db
    .selectFrom('workshop_registrations as r')
    .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
    .innerJoin('organisations as o', 'o.id', 'w.organisation_id')
    .selectAll('w')
    .select([
      'r.status as registration_status',
      'r.id as registration_id',
      'o.name as organisation_name',
      'o.slug as organisation_slug',
    ])
    .where('r.user_id', '=', userId)
    .where('r.status', 'in', ['confirmed', 'waitlisted']);
  if (fromIso) q = q.where('w.starts_at', '>=', fromIso);
  return q.orderBy('w.starts_at').execute();
}

/**
 * "Held" means ended: the workshop `alias` (published, not cancelled) ended by `at` (its start plus its duration).
 * Future and running workshops never count as held in the programme figures or the annual review.
 */
export function endedBy(db: DB | Tx, alias: string, at: string = nowIso()): RawBuilder<SqlBool> {
  const start = sql.ref(`${alias}.starts_at`);
  const minutes = sql.ref(`${alias}.duration_minutes`);
  return dialectOf(db as never) === 'postgres'
    ? sql<SqlBool>`(cast(${start} as timestamptz) + ${minutes} * interval '1 minute') <= cast(${at} as timestamptz)`
    : sql<SqlBool>`strftime('%Y-%m-%dT%H:%M:%fZ', ${start}, '+' || ${minutes} || ' minutes') <= ${at}`;
}
