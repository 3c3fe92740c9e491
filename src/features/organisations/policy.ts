import { canActForOrganisation, canManageOrganisation, isAdmin, roleIn } from '../../http/actor.js';
import { definePolicy, type TActor } from '../../http/policy.js';
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

/** A confirmed address is asked before anything that commits an organisation or joins one. */
const confirmFirst = {
  code: 'email_unconfirmed',
  message: 'Confirm your email address first',
  key: 'organisations.flash.confirmFirst',
} as const;

/**
 * The organisations policy table. Subjects are organisation ids, except where the rule needs more of the row.
 * Members (any role) see their organisation; owners manage it (profile, members, invitations, export, deletion).
 */
export const organisationPolicy = definePolicy({
  /** Create an organisation (the creator becomes its owner). */
  'organisation.create': { allow: (user: TActor) => !!user?.emailConfirmed, refusal: confirmFirst },
  'organisation.view': (user: TActor, organisationId: number) => canActForOrganisation(user, organisationId),
  'organisation.manage': (user: TActor, organisationId: number) => canManageOrganisation(user, organisationId),
  /** Inviting also asks `account.confirmed` of the owner. */
  'organisation.invite': (user: TActor, organisationId: number) => canManageOrganisation(user, organisationId),
  /** Inviting, accepting an invitation and signing the manifesto commit a person: their address must be confirmed. */
  'account.confirmed': { allow: (user: TActor) => !!user?.emailConfirmed, refusal: confirmFirst },
  /** Accept an invitation: only the invited address (which `account.confirmed` proves is theirs). */
  'invitation.accept': {
    allow: (user: TActor, invitation: { email: string }) => user?.email === invitation.email,
    refusal: {
      code: 'wrong_account',
      message: 'This invitation is for another address',
      key: 'organisations.error.wrongAccount',
    },
  },
  'organisation.status.apply': (user: TActor, org: { id: number; kind: string }) => canApplyForStatus(user, org),
  'organisation.status.decide': (user: TActor) => canDecideStatus(user),
  'organisation.status.withdraw': (user: TActor) => canDecideStatus(user),
  'organisation.publish': (user: TActor, organisationId: number) => canPublishAs(user, organisationId),
});
