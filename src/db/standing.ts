import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { TOrgKind } from './tables/foundation.js';

/**
 * An organisation's standing in the network, defined once and reused by every feature, the session loader and
 * the annual review:
 * - a **validated signatory** has at least one validated signature of the manifesto (decided before `before`,
 *   when given: the review asks "a member by the end of that year");
 * - a **granted** organisation holds the partner or expert status, which only an administrator grants (the
 *   `kind` column says partner or expert only through `grantStatus`; new organisations are companies or schools);
 * - a **publisher** is a validated signatory or a granted organisation: only publishers publish workshops,
 *   resources, experience reports, trainings and offers.
 * Each condition is SQL on the organisation id (and kind) columns of the enclosing query, so lists filter in the
 * database on SQLite and PostgreSQL alike.
 */
export const grantedKinds: readonly TOrgKind[] = ['partner', 'expert'];

/** True for the kinds only an administrator grants. */
export function isGrantedKind(kind: string): boolean {
  return (grantedKinds as readonly string[]).includes(kind);
}

/** `orgId` (a column reference such as `organisations.id`) has a validated signature (decided before `before`). */
export function signatoryCondition(orgId: string, before?: string): RawBuilder<SqlBool> {
  const bound = before ? sql` and coalesce(sg.decided_at, sg.signed_at) < ${before}` : sql``;
  return sql<SqlBool>`exists (select 1 from signatures sg where sg.organisation_id = ${sql.ref(orgId)} and sg.status = 'validated'${bound})`;
}

/** The organisation whose id and kind columns are given is a publisher (granted status or validated signatory). */
export function publisherCondition(orgId: string, orgKind: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(orgKind)} in ('partner', 'expert') or ${signatoryCondition(orgId)})`;
}
