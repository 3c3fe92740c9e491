import type { Context } from 'hono';
import { z } from 'zod';
import type { DB } from '../../db/client.js';
import type { AppEnv } from '../../http/env.js';
import { notFound } from '../../http/errors.js';

const ZId = z.coerce.number().int().positive().max(2_147_483_647);

/** A positive integer route parameter, or a 404 (a malformed id names no page). */
export function idParam(c: Context<AppEnv>, name: string): number {
  const parsed = ZId.safeParse(c.req.param(name));
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** The organisation's id and name, or a 404. Read from the foundation table (names only). */
export async function organisationOr404(db: DB, id: number): Promise<{ id: number; name: string; isDemo: boolean }> {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'is_demo'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return { id: row.id, name: row.name, isDemo: Number(row.is_demo) === 1 };
}
