import { z } from 'zod';
import type { DB } from '../../db/client.js';
import { signatoryCondition } from '../../db/standing.js';
import { normaliseSearchName, organisationKinds, regions, sectors, sizeBands } from '../organisations/index.js';

/** Directory filters, shared by the page (query string) and the API. Empty strings mean "any". */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());

export const ZDirectoryFilter = z.object({
  q: z.string().trim().max(100).optional(),
  kind: optionalEnum(organisationKinds),
  sector: optionalEnum(sectors),
  size: optionalEnum(sizeBands),
  region: optionalEnum(regions),
  demo: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['only', 'exclude']).optional()),
});
export type TDirectoryFilter = z.infer<typeof ZDirectoryFilter>;

export const directoryColumns = [
  'id',
  'slug',
  'name',
  'kind',
  'sector',
  'size_band',
  'region',
  'website',
  'description',
  'is_demo',
  'is_founding_partner',
] as const;

/**
 * Validated signatories matching the filters, by name, one page at a time. Anyone may call it (public data).
 * The name search matches every word of the query against the normalised `search_name`, so "ecole" finds
 * "École" and the behaviour is the same on SQLite and PostgreSQL.
 */
export async function searchDirectory(db: DB, filter: TDirectoryFilter, page: { offset: number; limit: number }) {
  let q = db.selectFrom('organisations').where(signatoryCondition('organisations.id'));
  for (const word of normaliseSearchName(filter.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)) {
    q = q.where('search_name', 'like', `%${word}%`);
  }
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.sector) q = q.where('sector', '=', filter.sector);
  if (filter.size) q = q.where('size_band', '=', filter.size);
  if (filter.region) q = q.where('region', '=', filter.region);
  if (filter.demo === 'only') q = q.where('is_demo', '=', 1);
  if (filter.demo === 'exclude') q = q.where('is_demo', '=', 0);
  const [count, items] = await Promise.all([
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q
      .select([...directoryColumns])
      .orderBy('search_name')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count.n), items };
}

/** A signatory's public profile by slug or id, with its latest validated signature; undefined otherwise. */
export async function publicProfile(db: DB, ref: { slug: string } | { id: number }) {
  let q = db.selectFrom('organisations').select([...directoryColumns]);
  q = 'slug' in ref ? q.where('slug', '=', ref.slug) : q.where('id', '=', ref.id);
  const org = await q.executeTakeFirst();
  if (!org) return undefined;
  const signature = await db
    .selectFrom('signatures')
    .innerJoin('manifesto_versions', 'manifesto_versions.id', 'signatures.manifesto_version_id')
    .select([
      'manifesto_versions.version',
      'manifesto_versions.audience',
      'signatures.signed_at',
      'signatures.decided_at',
    ])
    .where('signatures.organisation_id', '=', org.id)
    .where('signatures.status', '=', 'validated')
    .orderBy('signatures.signed_at', 'desc')
    .executeTakeFirst();
  return signature ? { ...org, signature } : undefined;
}

/** Every signatory's slug (for the sitemap). */
export async function signatorySlugs(db: DB): Promise<string[]> {
  const rows = await db
    .selectFrom('organisations')
    .select('slug')
    .where(signatoryCondition('organisations.id'))
    .orderBy('slug')
    .execute();
  return rows.map((r) => r.slug);
}
