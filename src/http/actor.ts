import type { Context } from 'hono';
import type { TOrgRole } from '../db/tables/foundation.js';
import type { AppEnv, TCurrentUser } from './env.js';
import { AppError } from './errors.js';

/** The signed-in user, or a 401 (pages redirect to the login form). */
export function requireUser(c: Context<AppEnv>): TCurrentUser {
  const user = c.get('user');
  if (!user) throw new AppError(401, 'unauthenticated', 'Authentication required');
  return user;
}

export function isAdmin(user: TCurrentUser | null): boolean {
  return user?.platformRole === 'admin';
}

/** The user's role in an organisation, or null when not a member. */
export function roleIn(user: TCurrentUser | null, organisationId: number): TOrgRole | null {
  return user?.memberships.find((m) => m.organisationId === organisationId)?.role ?? null;
}

/** Members of the organisation (any role) and administrators. */
export function canActForOrganisation(user: TCurrentUser | null, organisationId: number): boolean {
  return isAdmin(user) || roleIn(user, organisationId) !== null;
}

/** Owners of the organisation and administrators. */
export function canManageOrganisation(user: TCurrentUser | null, organisationId: number): boolean {
  return isAdmin(user) || roleIn(user, organisationId) === 'owner';
}

/** The platform role "partner": a member of a partner organisation. */
export function isPartner(user: TCurrentUser | null): boolean {
  return !!user?.memberships.some((m) => m.kind === 'partner');
}

/** Throws 403 unless the check passed; keeps policy checks one line at the top of each service. */
export function ensure(allowed: boolean, what = 'forbidden'): void {
  if (!allowed) throw new AppError(403, 'forbidden', what);
}
