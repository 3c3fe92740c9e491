import type { DB, Tx } from '../../db/client.js';
import type { TCurrentUser } from '../../http/env.js';
import { isAdmin } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { canPublishAs } from '../organisations/index.js';
import { publisherKinds } from './vocabulary.js';

/** The organisation row the policies need (a foundation table). */
export async function organisationOf(
  db: DB,
  id: number,
): Promise<{ id: number; name: string; kind: string; slug: string; is_demo: number }> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'slug', 'is_demo'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  return { ...org, id: Number(org.id) };
}

/**
 * Members of a school that is a validated signatory, or of a granted partner or expert organisation, publish and
 * edit that organisation's trainings; admins too. ("Publisher" is defined once, in `db/standing.ts`.)
 */
export function canPublishTrainingsFor(user: TCurrentUser | null, org: { id: number; kind: string }): boolean {
  if (!(publisherKinds as readonly string[]).includes(org.kind)) return isAdmin(user);
  return canPublishAs(user, org.id);
}

/** Members of a company or school that is a validated signatory post and manage its offers; admins too. */
export function canPostOffersFor(user: TCurrentUser | null, org: { id: number; kind: string }): boolean {
  if (org.kind !== 'company' && org.kind !== 'school') return isAdmin(user);
  return isAdmin(user) || !!user?.memberships.some((m) => m.organisationId === org.id && m.signatory);
}

/** Members of a school record its curricula; admins too. */
export function canManageCurriculaFor(user: TCurrentUser | null, org: { id: number; kind: string }): boolean {
  if (org.kind !== 'school') return false;
  return isAdmin(user) || !!user?.memberships.some((m) => m.organisationId === org.id);
}

/** The organisations in which the user may publish trainings. */
export function publishingMemberships(user: TCurrentUser | null) {
  return (user?.memberships ?? []).filter((m) => (publisherKinds as readonly string[]).includes(m.kind) && m.publisher);
}

/**
 * `training.moderate`: only platform administrators take a training or an offer offline, put it back, or decide
 * on a training waiting for review; the author is always told by mail with the reason.
 */
export function canModerateTrainingItems(user: TCurrentUser | null): boolean {
  return isAdmin(user);
}

/**
 * `training.firstReview`: the first publication of a newly granted partner or expert (granted, never had an item
 * approved; `organisations.first_publication_review`) waits for an administrator before it is public.
 */
export async function needsFirstReview(db: DB | Tx, organisationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('first_publication_review')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.first_publication_review ?? 0) === 1;
}
