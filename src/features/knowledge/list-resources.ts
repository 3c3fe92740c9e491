import type { DB } from '../../db/client.js';
import type { TCurrentUser } from '../../http/env.js';
import { visibleTo } from './policy.js';
import type { TResourceFilter } from './schemas.js';
import { matchesQuery } from './search-index.js';
import { loadTags, type TTags } from './tags.js';

export interface TResourceSummary {
  id: number;
  title: string;
  summary: string;
  kind: string;
  language: 'fr' | 'en';
  publishedOn: string;
  licence: string;
  status: 'pending' | 'published' | 'rejected';
  organisationId: number;
  organisationName: string;
  organisationSlug: string;
  isDemo: boolean;
  hasFile: boolean;
  url: string | null;
  tags: TTags;
}

function tagFilter(type: string, value: string) {
  return (eb: any) =>
    eb.exists(
      eb
        .selectFrom('knowledge_tags as kt')
        .select('kt.id')
        .whereRef('kt.doc_id', '=', 'knowledge_resources.id')
        .where('kt.doc_type', '=', 'resource')
        .where('kt.tag_type', '=', type)
        .where('kt.value', '=', value),
    );
}

/**
 * The resources a user may see (published ones, plus their own organisations' pending or rejected ones; all for
 * administrators), filtered and searched, newest first. Visitors pass `null`.
 */
export async function listResources(
  db: DB,
  viewer: TCurrentUser | null,
  filter: TResourceFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: TResourceSummary[] }> {
  let q = db
    .selectFrom('knowledge_resources')
    .innerJoin('organisations', 'organisations.id', 'knowledge_resources.organisation_id')
    .where(visibleTo(viewer, 'knowledge_resources'));
  if (filter.q) q = q.where(matchesQuery(db, 'resource', 'knowledge_resources.id', filter.q));
  if (filter.kind) q = q.where('knowledge_resources.kind', '=', filter.kind);
  if (filter.language) q = q.where('knowledge_resources.language', '=', filter.language);
  if (filter.licence) q = q.where('knowledge_resources.licence', '=', filter.licence);
  if (filter.theme) q = q.where(tagFilter('theme', filter.theme));
  if (filter.level) q = q.where(tagFilter('level', String(filter.level)));
  if (filter.lever) q = q.where(tagFilter('lever', filter.lever));

  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'knowledge_resources.id',
      'knowledge_resources.title',
      'knowledge_resources.summary',
      'knowledge_resources.kind',
      'knowledge_resources.language',
      'knowledge_resources.published_on',
      'knowledge_resources.licence',
      'knowledge_resources.status',
      'knowledge_resources.organisation_id',
      'knowledge_resources.is_demo',
      'knowledge_resources.file_key',
      'knowledge_resources.url',
      'organisations.name as org_name',
      'organisations.slug as org_slug',
      'organisations.is_demo as org_demo',
    ])
    .orderBy('knowledge_resources.published_on', 'desc')
    .orderBy('knowledge_resources.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const tags = await loadTags(
    db,
    'resource',
    rows.map((r) => r.id),
  );
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      kind: r.kind,
      language: r.language,
      publishedOn: r.published_on,
      licence: r.licence,
      status: r.status,
      organisationId: r.organisation_id,
      organisationName: r.org_name,
      organisationSlug: r.org_slug,
      isDemo: r.is_demo === 1 || r.org_demo === 1,
      hasFile: r.file_key !== null,
      url: r.url,
      tags: tags.get(r.id)!,
    })),
  };
}

/** One resource if the viewer may see it (null otherwise: callers answer 404, never revealing it exists). */
export async function getResource(db: DB, viewer: TCurrentUser | null, id: number) {
  const row = await db
    .selectFrom('knowledge_resources')
    .innerJoin('organisations', 'organisations.id', 'knowledge_resources.organisation_id')
    .selectAll('knowledge_resources')
    .select([
      'organisations.name as org_name',
      'organisations.slug as org_slug',
      'organisations.kind as org_kind',
      'organisations.is_demo as org_demo',
    ])
    .where('knowledge_resources.id', '=', id)
    .where(visibleTo(viewer, 'knowledge_resources'))
    .executeTakeFirst();
  if (!row) return null;
  const tags = (await loadTags(db, 'resource', [id])).get(id)!;
  return { ...row, tags };
}
export type TResourceDetail = NonNullable<Awaited<ReturnType<typeof getResource>>>;
