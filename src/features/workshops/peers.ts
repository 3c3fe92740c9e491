import type { DB } from '../../db/client.js';
import * as maturity from '../maturity/index.js';
import * as organisations from '../organisations/index.js';

/**
 * The other features' services this feature relies on, reached only through their index.ts. While a service is
 * not exported yet (features are built in parallel), a documented fallback keeps the workshops usable.
 */

type TIsSignatory = (db: DB, orgId: number) => Promise<boolean>;
type TCurrentLevel = (db: DB, orgId: number) => Promise<{ level: 1 | 2 | 3 | 4 | 5; assessedAt: string } | null>;

/** Whether the organisation has a validated manifesto signature (organisations feature). */
export async function isSignatory(db: DB, orgId: number): Promise<boolean> {
  const fn = (organisations as Record<string, unknown>).isSignatory as TIsSignatory | undefined;
  if (typeof fn === 'function') return fn(db, orgId);
  // Fallback until organisations exports it: the same rule, a validated signature, read from the foundation table.
  const row = await db.selectFrom('signatures').select('id').where('organisation_id', '=', orgId).where('status', '=', 'validated').executeTakeFirst();
  return !!row;
}

/** The organisation's current maturity level, or null when unknown (maturity feature). */
export async function currentMaturityLevel(db: DB, orgId: number): Promise<{ level: 1 | 2 | 3 | 4 | 5; assessedAt: string } | null> {
  const fn = (maturity as Record<string, unknown>).currentMaturityLevel as TCurrentLevel | undefined;
  if (typeof fn === 'function') return fn(db, orgId);
  return null;
}

/** Whether the maturity feature answers at all (the calendar says so when it does not). */
export function maturityAvailable(): boolean {
  return typeof (maturity as Record<string, unknown>).currentMaturityLevel === 'function';
}
