import type { Context } from 'hono';
import type { DB } from '../../db/client.js';
import type { AppEnv } from '../../http/env.js';
import { notFound } from '../../http/errors.js';

/** The `:id` route parameter as an organisation id (404 when it is not a positive integer). */
export function orgIdParam(c: Context<AppEnv>, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw notFound();
  return Number(raw);
}

/** An organisation's display name (404 when it does not exist). */
export async function organisationName(db: DB, orgId: number): Promise<string> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound();
  return row.name;
}
