import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { TOrgKind } from '../../db/tables/foundation.js';
import type { TPublicationStatus } from '../../db/tables/knowledge.js';
import type { TCurrentUser } from '../../http/env.js';
import { isAdmin } from '../../http/actor.js';
import { canPublishAs } from '../organisations/index.js';

/**
 * Who sees and publishes what. Partners' and experts' publications are public at once; a member organisation's
 * (company or school) waits for an administrator. Until then — or when rejected — only the author organisation's
 * members and administrators see it, in lists, search, pages and downloads alike.
 */
export function publishesWithoutReview(kind: TOrgKind): boolean {
  return kind === 'partner' || kind === 'expert';
}

/**
 * `knowledge.publish`: members of a publisher organisation (validated signatory, or granted partner or expert —
 * defined once in `db/standing.ts`) and administrators publish new resources and experience reports on its behalf.
 */
export function canPublishFor(user: TCurrentUser | null, organisationId: number): boolean {
  return canPublishAs(user, organisationId);
}

/**
 * `knowledge.author`: members of the author organisation (any role, whatever its standing) and administrators see
 * its unpublished documents, edit them (an edit by a member organisation goes back to review), delete them and
 * answer comments.
 */
export function isAuthorMember(user: TCurrentUser | null, organisationId: number): boolean {
  return isAdmin(user) || !!user?.memberships.some((m) => m.organisationId === organisationId);
}

/** May this user see a publication of `organisationId` in `status`? */
export function canSee(user: TCurrentUser | null, doc: { status: string; organisation_id: number }): boolean {
  return doc.status === 'published' || isAuthorMember(user, doc.organisation_id);
}

/** The same rule as a SQL condition on a table's `status` and `organisation_id` columns. */
export function visibleTo(
  user: TCurrentUser | null,
  table: 'knowledge_resources' | 'knowledge_reports',
): Expression<SqlBool> {
  if (isAdmin(user)) return sql<SqlBool>`1 = 1`;
  const orgIds = user?.memberships.map((m) => m.organisationId) ?? [];
  const status = sql.ref(`${table}.status`);
  if (!orgIds.length) return sql<SqlBool>`${status} = 'published'`;
  return sql<SqlBool>`(${status} = 'published' OR ${sql.ref(`${table}.organisation_id`)} IN (${sql.join(orgIds)}))`;
}

/**
 * The status of a publication after its author organisation edits it — the rule, decided once for resources and
 * reports alike:
 * - a partner's or expert's publication keeps its status (they publish without review);
 * - a member organisation's (company, school) PUBLISHED publication goes back to review only when its public claim
 *   changes materially: `material` is true when the title, the summary or text, the link or the file (resources),
 *   or the cost and measured figures (reports) change. Tags, kind, language, date, licence and the links to a
 *   workshop or training describe the publication rather than make a claim: editing them keeps it public, so
 *   fixing a tag never takes a guide offline;
 * - a REJECTED publication edited in any way goes back to review (the edit is its resubmission);
 * - a pending one stays pending.
 * An administrator's edit never changes the status: the reviewer's own change needs no review.
 */
export function statusAfterEdit(p: {
  orgKind: TOrgKind;
  status: TPublicationStatus;
  material: boolean;
  byAdmin: boolean;
}): TPublicationStatus {
  if (p.byAdmin || publishesWithoutReview(p.orgKind)) return p.status;
  if (p.status === 'rejected') return 'pending';
  if (p.status === 'published' && p.material) return 'pending';
  return p.status;
}

/**
 * `knowledge.moderate`: only platform administrators approve, refuse, unpublish or re-publish resources, reports
 * and comments; every decision reaches the author by mail with its reason.
 */
export function canModerate(user: TCurrentUser | null): boolean {
  return isAdmin(user);
}

/**
 * `knowledge.firstReview`: a newly granted partner or expert (granted, never had an item approved) publishes its
 * first item through review like a member organisation; its first approval lifts the rule (`markFirstApproval`).
 */
export function needsFirstReview(org: { first_publication_review: number }): boolean {
  return Number(org.first_publication_review) === 1;
}
