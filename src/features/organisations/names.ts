import type { DB, Tx } from '../../db/client.js';

/** The name as the directory searches it: lower case, no accents, punctuation folded to single spaces. */
export function normaliseSearchName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key two names must not share: lower case, no accents, no spaces or punctuation, so "Greenit.fr", "GreenIT FR"
 * and "GréenIT-fr" are one name. Stored, with a unique index, in `organisations.name_key`.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The id of another organisation using this name (as `nameKey` compares names), or null. */
export async function nameTakenBy(db: DB | Tx, name: string, exceptId?: number): Promise<number | null> {
  let q = db.selectFrom('organisations').select('id').where('name_key', '=', nameKey(name));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst())?.id ?? null;
}

/** A URL slug from a name: ASCII letters and digits separated by dashes. */
export function slugify(name: string): string {
  return (
    normaliseSearchName(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'organisation'
  );
}

/** A slug no other organisation uses: the name's slug, then `-2`, `-3` … */
export async function uniqueSlug(db: DB | Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.selectFrom('organisations').select('slug').where('slug', 'like', `${base}%`).execute()).map(
      (r) => r.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
