import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';
import { canPostOffersFor, organisationOf } from './policy.js';
import { offerDateErrors, type TOfferInput } from './schemas.js';

export interface TOffer {
  id: number;
  organisationId: number;
  organisationName: string;
  organisationIsDemo: boolean;
  title: string;
  description: string;
  kind: string;
  location: string;
  startDate: string;
  contactEmail: string;
  expiresOn: string;
  closedAt: string | null;
  createdAt: string;
  /** Taken offline by an administrator (kept): only the posting organisation's members and administrators see it. */
  unpublishedAt: string | null;
  endDate: string | null;
  durationWeeks: number | null;
  pay: string | null;
  applicationDeadline: string | null;
}

function toOffer(r: any): TOffer {
  return {
    id: Number(r.id),
    organisationId: Number(r.organisation_id),
    organisationName: r.org_name,
    organisationIsDemo: Number(r.org_demo) === 1,
    title: r.title,
    description: r.description,
    kind: r.kind,
    location: r.location,
    startDate: r.start_date,
    contactEmail: r.contact_email,
    expiresOn: r.expires_on,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    unpublishedAt: r.unpublished_at ?? null,
    endDate: r.end_date ?? null,
    durationWeeks: r.duration_weeks === null || r.duration_weeks === undefined ? null : Number(r.duration_weeks),
    pay: r.pay ?? null,
    applicationDeadline: r.application_deadline ?? null,
  };
}

function offerQuery(db: DB) {
  return db
    .selectFrom('job_offers')
    .innerJoin('organisations', 'organisations.id', 'job_offers.organisation_id')
    .selectAll('job_offers')
    .select(['organisations.name as org_name', 'organisations.is_demo as org_demo']);
}

/** Today as YYYY-MM-DD (UTC): an offer is open through its expiry date. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Open offers (not closed, not expired), soonest start first. Public. */
export async function listOpenOffers(
  db: DB,
  filter: { kind?: string } = {},
  page: { limit: number; offset: number } = { limit: 20, offset: 0 },
): Promise<{ items: TOffer[]; total: number }> {
  let base = db
    .selectFrom('job_offers')
    .where('closed_at', 'is', null)
    .where('unpublished_at', 'is', null)
    .where('expires_on', '>=', today());
  if (filter.kind) base = base.where('kind', '=', filter.kind);
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const ids = (
    await base.select('id').orderBy('start_date').orderBy('id').limit(page.limit).offset(page.offset).execute()
  ).map((r) => Number(r.id));
  const rows = ids.length ? await offerQuery(db).where('job_offers.id', 'in', ids).execute() : [];
  const byId = new Map(rows.map((r) => [Number(r.id), toOffer(r)]));
  return { items: ids.map((id) => byId.get(id)!).filter(Boolean), total: Number(n) };
}

/** An organisation's offers, open and closed (for its members). */
export async function organisationOffers(db: DB, organisationId: number): Promise<TOffer[]> {
  return (
    await offerQuery(db)
      .where('job_offers.organisation_id', '=', organisationId)
      .orderBy('job_offers.created_at', 'desc')
      .execute()
  ).map(toOffer);
}

export async function getOffer(db: DB, id: number): Promise<TOffer | null> {
  const r = await offerQuery(db).where('job_offers.id', '=', id).executeTakeFirst();
  return r ? toOffer(r) : null;
}

/** Whether visitors can see the offer: open, not expired, not taken offline by an administrator. */
export function isOfferOpen(o: TOffer, now = new Date()): boolean {
  return o.closedAt === null && o.unpublishedAt === null && o.expiresOn >= today(now);
}

/** Posts an offer. Who: members of that company, admins. */
export async function createOffer(
  db: DB,
  actor: TCurrentUser,
  organisationId: number,
  input: TOfferInput,
): Promise<number> {
  const org = await organisationOf(db, organisationId);
  ensure(canPostOffersFor(actor, org));
  checkOfferDates(input);
  return db.transaction().execute(async (tx) => {
    const at = nowIso();
    const row = await tx
      .insertInto('job_offers')
      .values({
        organisation_id: org.id,
        ...input,
        closed_at: null,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'offer.create',
      subjectType: 'job_offer',
      subjectId: row.id,
      details: { title: input.title },
    });
    return Number(row.id);
  });
}

async function ownerOf(db: DB, id: number) {
  const row = await db.selectFrom('job_offers').select('organisation_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('offer');
  return organisationOf(db, Number(row.organisation_id));
}

/** Edits an offer (a closed offer stays closed). Who: members of the posting company, admins. */
export async function updateOffer(db: DB, actor: TCurrentUser, id: number, input: TOfferInput): Promise<void> {
  ensure(canPostOffersFor(actor, await ownerOf(db, id)));
  checkOfferDates(input);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('job_offers')
      .set({ ...input, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, { actorUserId: actor.id, action: 'offer.update', subjectType: 'job_offer', subjectId: id });
  });
}

/** Closes an offer (it leaves the public list at once). Who: members of the posting company, admins. */
export async function closeOffer(db: DB, actor: TCurrentUser, id: number): Promise<void> {
  ensure(canPostOffersFor(actor, await ownerOf(db, id)));
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('job_offers')
      .set({ closed_at: nowIso(), updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, { actorUserId: actor.id, action: 'offer.close', subjectType: 'job_offer', subjectId: id });
  });
}

/** Who may manage this offer (for showing edit links). */
export async function canManageOffer(db: DB, actor: TCurrentUser | null, offer: TOffer): Promise<boolean> {
  return canPostOffersFor(actor, await organisationOf(db, offer.organisationId));
}

/** The date rules, enforced in the service too (every way in): a 422 naming each faulty field. */
function checkOfferDates(input: TOfferInput): void {
  const errors = offerDateErrors(input, today());
  if (Object.keys(errors).length)
    throw new AppError(
      422,
      'invalid_offer_dates',
      'The offer dates are not consistent',
      Object.entries(errors).map(([path, message]) => ({ path, message })),
    );
}
