import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import type { TCurrentUser } from '../../http/env.js';
import { canActForOrganisation, ensure, requireUser } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';
import { isReportingYear } from './settings.js';

/**
 * The policy of every footprint page and API call: a signed-in member of the organisation or an administrator.
 * Visitors get 401 (pages redirect to the login form), other users 403, an unknown organisation 404.
 */
export async function authoriseOrganisation(
  c: Context<AppEnv>,
): Promise<{ org: { id: number; name: string; slug: string }; user: ReturnType<typeof requireUser> }> {
  const user = requireUser(c);
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const org = await c
    .get('db')
    .selectFrom('organisations')
    .select(['id', 'name', 'slug'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) throw notFound();
  ensure(canActForOrganisation(user, org.id));
  return { org: { id: Number(org.id), name: org.name, slug: org.slug }, user };
}

/** The `:year` parameter: a reporting year from 2019 to the current year, else 404. */
export function yearParam(c: Context<AppEnv>, name = 'year'): number {
  const year = Number(c.req.param(name));
  if (!isReportingYear(year)) throw new AppError(404, 'not_found', 'footprint.year.invalid');
  return year;
}

/**
 * Who may answer an import's mapping step: a member of the organisation (or an administrator), and only while the
 * import is stopped on unknown values (a finished or running import has nothing to map).
 */
export function mayMapImportValues(
  user: TCurrentUser | null,
  imp: { organisation_id: number; status: string; failure: string | null },
): boolean {
  return (
    canActForOrganisation(user, Number(imp.organisation_id)) &&
    imp.status === 'failed' &&
    imp.failure === 'unknown_values'
  );
}

/** Who may change a year's lines in bulk: a member of the organisation or an administrator. */
export function mayEditInventory(user: TCurrentUser | null, orgId: number): boolean {
  return canActForOrganisation(user, orgId);
}
