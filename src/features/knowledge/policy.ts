import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { TOrgKind } from '../../db/tables/foundation.js';
import type { TCurrentUser } from '../../http/env.js';
import { isAdmin } from '../../http/actor.js';

/**
 * Who sees and publishes what. Partners' and experts' publications are public at once; a member organisation's
 * (company or school) waits for an administrator. Until then — or when rejected — only the author organisation's
 * members and administrators see it, in lists, search, pages and downloads alike.
 */
export function publishesWithoutReview(kind: TOrgKind): boolean {
  return kind === 'partner' || kind === 'expert';
}

/** Members of the organisation (any role) and administrators may publish on its behalf. */
export function canPublishFor(user: TCurrentUser | null, organisationId: number): boolean {
  return isAdmin(user) || !!user?.memberships.some((m) => m.organisationId === organisationId);
}

/** May this user see a publication of `organisationId` in `status`? */
export function canSee(user: TCurrentUser | null, doc: { status: string; organisation_id: number }): boolean {
  return doc.status === 'published' || canPublishFor(user, doc.organisation_id);
}

/** The same rule as a SQL condition on a table's `status` and `organisation_id` columns. */
export function visibleTo(user: TCurrentUser | null, table: 'knowledge_resources' | 'knowledge_reports'): Expression<SqlBool> {
  if (isAdmin(user)) return sql<SqlBool>`1 = 1`;
  const orgIds = user?.memberships.map((m) => m.organisationId) ?? [];
  const status = sql.ref(`${table}.status`);
  if (!orgIds.length) return sql<SqlBool>`${status} = 'published'`;
  return sql<SqlBool>`(${status} = 'published' OR ${sql.ref(`${table}.organisation_id`)} IN (${sql.join(orgIds)}))`;
}
