import type { DB, Tx } from '../../db/client.js';
import type { TOrgKind } from '../../db/tables/foundation.js';
import type { TMessageKey, TTranslate } from '../../i18n/index.js';

export type TAudience = 'company' | 'school';

/**
 * Every published version of the manifesto. A version's wording never changes once published: a new wording is a
 * new version (`2027-1` …) with its own catalogue keys `manifesto.text.<version>.<audience>.*`, so each signature
 * keeps pointing at the exact text that was signed.
 */
export const manifestoVersions: { version: string; audience: TAudience; publishedAt: string; commitments: number }[] = [
  { version: '2026-1', audience: 'company', publishedAt: '2026-01-15T00:00:00.000Z', commitments: 3 },
  { version: '2026-1', audience: 'school', publishedAt: '2026-01-15T00:00:00.000Z', commitments: 2 },
];

/** Schools sign the school version; companies, partners and experts the company version. */
export function audienceFor(kind: TOrgKind): TAudience {
  return kind === 'school' ? 'school' : 'company';
}

/** The text of one version in the reader's language: title, introduction and numbered commitments. */
export function manifestoText(t: TTranslate, version: string, audience: TAudience) {
  const def = manifestoVersions.find((v) => v.version === version && v.audience === audience);
  const key = (part: string) => `manifesto.text.${version}.${audience}.${part}` as TMessageKey;
  return {
    title: t(key('title')),
    intro: t(key('intro')),
    commitments: Array.from({ length: def?.commitments ?? 0 }, (_, i) => t(key(`c${i + 1}`))),
  };
}

/** The current (latest published) version row of an audience. */
export async function currentVersion(db: DB | Tx, audience: TAudience) {
  return db
    .selectFrom('manifesto_versions')
    .selectAll()
    .where('audience', '=', audience)
    .where('published_at', '<=', new Date().toISOString())
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Inserts the versions listed above that the database lacks (idempotent; runs at every start). */
export async function ensureManifestoVersions(db: DB): Promise<void> {
  for (const v of manifestoVersions) {
    const found = await db
      .selectFrom('manifesto_versions')
      .select('id')
      .where('audience', '=', v.audience)
      .where('version', '=', v.version)
      .executeTakeFirst();
    if (!found)
      await db
        .insertInto('manifesto_versions')
        .values({ audience: v.audience, version: v.version, published_at: v.publishedAt })
        .execute();
  }
}
