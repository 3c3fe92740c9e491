import { sql } from 'kysely';
import type { DB } from '../../db/client.js';

export interface TRelatedResource {
  id: number;
  title: string;
  kind: string;
  language: 'fr' | 'en';
  organisationName: string;
  publishedOn: string;
}

/**
 * Published resources related to a lever (tagged with its slug), a workshop (its replay or materials) or a
 * training, newest first. Public data only: safe to show to visitors. With several criteria, a resource matching
 * any of them is returned.
 */
export async function relatedResources(
  db: DB,
  by: { leverSlug?: string; workshopId?: number; trainingId?: number; limit?: number },
): Promise<TRelatedResource[]> {
  if (!by.leverSlug && by.workshopId === undefined && by.trainingId === undefined) return [];
  const rows = await db
    .selectFrom('knowledge_resources')
    .innerJoin('organisations', 'organisations.id', 'knowledge_resources.organisation_id')
    .select([
      'knowledge_resources.id',
      'knowledge_resources.title',
      'knowledge_resources.kind',
      'knowledge_resources.language',
      'knowledge_resources.published_on',
      'organisations.name',
    ])
    .where('knowledge_resources.status', '=', 'published')
    .where((eb) => {
      const ors = [];
      if (by.leverSlug) {
        ors.push(
          eb.exists(
            eb
              .selectFrom('knowledge_tags')
              .select('knowledge_tags.id')
              .whereRef('knowledge_tags.doc_id', '=', 'knowledge_resources.id')
              .where('knowledge_tags.doc_type', '=', 'resource')
              .where('knowledge_tags.tag_type', '=', 'lever')
              .where('knowledge_tags.value', '=', by.leverSlug),
          ),
        );
      }
      if (by.workshopId !== undefined) ors.push(eb('knowledge_resources.workshop_id', '=', by.workshopId));
      if (by.trainingId !== undefined) ors.push(eb('knowledge_resources.training_id', '=', by.trainingId));
      return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
    })
    .orderBy('knowledge_resources.published_on', 'desc')
    .orderBy('knowledge_resources.id', 'desc')
    .limit(Math.min(Math.max(by.limit ?? 5, 1), 50))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    language: r.language,
    organisationName: r.name,
    publishedOn: r.published_on,
  }));
}
