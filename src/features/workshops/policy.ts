import type { TCurrentUser } from '../../http/env.js';
import { isAdmin } from '../../http/actor.js';
import type { TOrgKind } from '../../db/tables/foundation.js';

/**
 * Who may organise workshops: members of partner organisations, and of expert organisations too (experts run
 * sessions for the network as well; the programme view still counts them per organiser).
 */
export const organiserKinds: readonly TOrgKind[] = ['partner', 'expert'];

/** The organisations on whose behalf the user may publish workshops. */
export function organiserOrgs(user: TCurrentUser | null): { organisationId: number; name: string }[] {
  return (user?.memberships ?? [])
    .filter((m) => organiserKinds.includes(m.kind))
    .map((m) => ({ organisationId: m.organisationId, name: m.name }));
}

/** Members of the organising organisation only: administrators read registrant lists but do not edit workshops. */
export function canEditWorkshop(user: TCurrentUser | null, workshop: { organisation_id: number }): boolean {
  return !!user?.memberships.some(
    (m) => m.organisationId === workshop.organisation_id && organiserKinds.includes(m.kind),
  );
}

/**
 * `workshop.cancel`: the organiser's members, and administrators — the administrator is in control of every
 * published workshop (an administrator's cancellation always gives a reason, mailed to registrants and author).
 */
export function canCancelWorkshop(user: TCurrentUser | null, workshop: { organisation_id: number }): boolean {
  return isAdmin(user) || canEditWorkshop(user, workshop);
}

/** The organiser's members and administrators see who registered. */
export function canSeeRegistrants(user: TCurrentUser | null, workshop: { organisation_id: number }): boolean {
  return isAdmin(user) || canEditWorkshop(user, workshop);
}

/** The programme view: administrators and organisers. */
export function canSeeProgramme(user: TCurrentUser | null): boolean {
  return isAdmin(user) || organiserOrgs(user).length > 0;
}

/** `workshop.feedback.read`: every comment of a workshop, for the organiser's members and administrators. */
export function canReadFeedbackComments(user: TCurrentUser | null, workshop: { organisation_id: number }): boolean {
  return isAdmin(user) || canEditWorkshop(user, workshop);
}

/** `workshop.registrants.export`: the CSV holds what the registrant list shows, so the same people may have it. */
export function canExportRegistrants(user: TCurrentUser | null, workshop: { organisation_id: number }): boolean {
  return canSeeRegistrants(user, workshop);
}

/**
 * `workshop.registrants.message`: the organiser's members only, and not for a draft (nobody registered) nor a
 * cancelled workshop (its registrants already had the cancellation note). Administrators moderate, they do not
 * write to another partner's registrants.
 */
export function canMessageRegistrants(
  user: TCurrentUser | null,
  workshop: { organisation_id: number; status: string },
): boolean {
  return canEditWorkshop(user, workshop) && workshop.status === 'published';
}

/** `workshop.overlaps.read`: overlaps with other workshops are shown to the organiser's members. */
export function canSeeOverlaps(user: TCurrentUser | null, workshop: { organisation_id: number }): boolean {
  return canEditWorkshop(user, workshop);
}
