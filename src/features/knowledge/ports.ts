import type { DB } from '../../db/client.js';
import { listLevers } from '../actions/index.js';
import { getFootprintResult } from '../footprint/index.js';
import { currentMaturityLevel } from '../maturity/index.js';
import { pendingActionsForUser } from '../actions/index.js';
import { getWorkshop, upcomingWorkshops } from '../workshops/index.js';
import { getTraining, listOpenOffers, listTrainings } from '../training/index.js';

/**
 * The services of other features this feature uses, each reached through that feature's index.ts and narrowed
 * to what knowledge needs. Tests of the digest and of experience reports pass stand-ins with these signatures.
 */

export interface TLeverRef {
  slug: string;
}

/** The actions feature's lever catalogue (slugs; titles come from its i18n keys). */
export async function leverCatalogue(): Promise<TLeverRef[]> {
  return listLevers().map((l) => ({ slug: l.slug }));
}

/** A lever's display label: the actions feature's i18n title (`actions.lever.<slug>.title`), else the slug. */
export function leverLabel(_lever: TLeverRef | undefined, slug: string, v: { t: (key: never) => string }): string {
  const key = `actions.lever.${slug}.title`;
  const text = v.t(key as never);
  return text && text !== key ? text : slug;
}

/** The organisation's current maturity level (1–5), or null when it never assessed itself. */
export async function maturityLevelOf(db: DB, orgId: number): Promise<number | null> {
  return (await currentMaturityLevel(db, orgId))?.level ?? null;
}

export interface TDigestWorkshop {
  id: number;
  title: string;
  startsAt: string;
}

/** Published workshops between two instants, optionally for some maturity levels. */
export async function workshopsBetween(
  db: DB,
  from: string,
  to: string,
  levels: number[] | undefined,
  limit: number,
): Promise<TDigestWorkshop[] | null> {
  const rows = await upcomingWorkshops(db, { from, to, levels, limit });
  return rows.map((w) => ({ id: w.id, title: w.title, startsAt: w.startsAt }));
}

export interface TPendingAction {
  title: string;
  dueOn: string | null;
}

/** The open actions a user owns in their organisations' plans. */
export async function pendingActionsOf(db: DB, userId: number): Promise<TPendingAction[] | null> {
  return (await pendingActionsForUser(db, userId)).map((a) => ({ title: a.title, dueOn: a.dueDate }));
}

/** The total climate footprint of an organisation's stored result for a year, or null when not measured. */
export async function footprintGwp(
  db: DB,
  orgId: number,
  year: number,
): Promise<{ value: number; unit: string } | null> {
  const gwp = (await getFootprintResult(db, orgId, year))?.total.gwp;
  return gwp ? { value: gwp.value, unit: gwp.unit } : null;
}

/** A workshop or training a resource may be linked to, as the publish form names it. */
export interface TLinkedItem {
  id: number;
  title: string;
  organisationId: number;
  /** False for a draft or cancelled workshop: only its organiser's members see its title. */
  public: boolean;
}

/** A workshop by id, for linking a resource to it; drafts are not public. */
export async function workshopRef(db: DB, id: number): Promise<TLinkedItem | null> {
  const w = await getWorkshop(db, id);
  return w ? { id: w.id, title: w.title, organisationId: w.organisation_id, public: w.status === 'published' } : null;
}

/** A training by id (the training catalogue is public), for linking a resource to it. */
export async function trainingRef(db: DB, id: number): Promise<TLinkedItem | null> {
  const tr = await getTraining(db, id);
  return tr ? { id: tr.id, title: tr.title, organisationId: tr.organisationId, public: true } : null;
}

export interface TDigestItem {
  id: number;
  title: string;
}

/** Trainings added to the public catalogue since `since` (newest first; the catalogue hides offline ones). */
export async function trainingsSince(db: DB, since: string, limit: number): Promise<TDigestItem[]> {
  return (await listTrainings(db, { limit: 50 }))
    .filter((t) => t.createdAt >= since)
    .slice(0, limit)
    .map((t) => ({ id: t.id, title: t.title }));
}

/** Internship offers posted since `since` that are still open (not closed, expired or taken offline). */
export async function offersSince(db: DB, since: string, limit: number): Promise<TDigestItem[]> {
  return (await listOpenOffers(db, {}, { limit: 100, offset: 0 })).items
    .filter((o) => o.createdAt >= since)
    .slice(0, limit)
    .map((o) => ({ id: o.id, title: o.title }));
}
