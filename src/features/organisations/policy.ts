import { isAdmin, roleIn } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { isGrantedKind } from '../../db/standing.js';

/**
 * Who may do what with an organisation's standing. One function per action; services call it first.
 * - `organisation.status.apply`: an owner (confirmed address) of an organisation that does not hold a status yet;
 * - `organisation.status.decide` and `organisation.status.withdraw`: platform administrators only;
 * - `organisation.publish`: a member of a publisher (validated signatory or granted partner / expert), or an
 *   administrator. Withdrawn statuses take effect at the next request, as memberships are read per request.
 */
export function canApplyForStatus(user: TCurrentUser | null, org: { id: number; kind: string }): boolean {
  return !!user?.emailConfirmed && roleIn(user, org.id) === 'owner' && !isGrantedKind(org.kind);
}

export function canDecideStatus(user: TCurrentUser | null): boolean {
  return isAdmin(user);
}

/** May the user publish on behalf of the organisation (workshops, resources, reports, trainings, offers)? */
export function canPublishAs(user: TCurrentUser | null, organisationId: number): boolean {
  if (isAdmin(user)) return true;
  return !!user?.memberships.some((m) => m.organisationId === organisationId && m.publisher);
}
