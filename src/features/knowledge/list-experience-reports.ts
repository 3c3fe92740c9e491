import type { DB } from '../../db/client.js';
import type { TCurrentUser } from '../../http/env.js';
import { visibleTo } from './policy.js';
import { matchesQuery } from './search-index.js';
import { loadTags, type TTags } from './tags.js';

export interface TReportSummary {
  id: number;
  title: string;
  organisationId: number;
  organisationName: string;
  language: 'fr' | 'en';
  status: 'pending' | 'published' | 'rejected';
  createdAt: string;
  costEur: number | null;
  measureSource: 'platform' | 'declared' | 'none';
  measureLabel: string;
  before: number | null;
  after: number | null;
  unit: string;
  baselineYear: number | null;
  resultYear: number | null;
  /** (after − before) / before, when both figures are known and before > 0. */
  change: number | null;
  isDemo: boolean;
  tags: TTags;
}

function baseQuery(db: DB) {
  return db
    .selectFrom('knowledge_reports')
    .innerJoin('organisations', 'organisations.id', 'knowledge_reports.organisation_id')
    .select([
      'knowledge_reports.id',
      'knowledge_reports.title',
      'knowledge_reports.organisation_id',
      'knowledge_reports.language',
      'knowledge_reports.status',
      'knowledge_reports.created_at',
      'knowledge_reports.cost_eur',
      'knowledge_reports.measure_source',
      'knowledge_reports.measure_label',
      'knowledge_reports.before_value',
      'knowledge_reports.after_value',
      'knowledge_reports.measure_unit',
      'knowledge_reports.baseline_year',
      'knowledge_reports.result_year',
      'knowledge_reports.is_demo',
      'organisations.name as org_name',
      'organisations.is_demo as org_demo',
    ]);
}

async function toSummaries(
  db: DB,
  rows: Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>,
): Promise<TReportSummary[]> {
  const tags = await loadTags(
    db,
    'report',
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const before = r.before_value === null ? null : Number(r.before_value);
    const after = r.after_value === null ? null : Number(r.after_value);
    return {
      id: r.id,
      title: r.title,
      organisationId: r.organisation_id,
      organisationName: r.org_name,
      language: r.language,
      status: r.status,
      createdAt: r.created_at,
      costEur: r.cost_eur === null ? null : Number(r.cost_eur),
      measureSource: r.measure_source,
      measureLabel: r.measure_label,
      before,
      after,
      unit: r.measure_unit,
      baselineYear: r.baseline_year,
      resultYear: r.result_year,
      change: before !== null && after !== null && before > 0 ? (after - before) / before : null,
      isDemo: r.is_demo === 1 || r.org_demo === 1,
      tags: tags.get(r.id)!,
    };
  });
}

/** Reports the viewer may see, optionally searched and filtered by lever, newest first. */
export async function listExperienceReports(
  db: DB,
  viewer: TCurrentUser | null,
  filter: { q?: string; lever?: string },
  page: { offset: number; limit: number },
): Promise<{ total: number; items: TReportSummary[] }> {
  let q = baseQuery(db).where(visibleTo(viewer, 'knowledge_reports'));
  if (filter.q) q = q.where(matchesQuery(db, 'report', 'knowledge_reports.id', filter.q));
  if (filter.lever) {
    const lever = filter.lever;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('knowledge_tags')
          .select('knowledge_tags.id')
          .whereRef('knowledge_tags.doc_id', '=', 'knowledge_reports.id')
          .where('knowledge_tags.doc_type', '=', 'report')
          .where('knowledge_tags.tag_type', '=', 'lever')
          .where('knowledge_tags.value', '=', lever),
      ),
    );
  }
  const { total } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('knowledge_reports.created_at', 'desc')
    .orderBy('knowledge_reports.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total), items: await toSummaries(db, rows) };
}

/**
 * Published experience reports tagged with a lever: the evidence behind the lever's typical gain. Public data;
 * each carries its measured change (platform-measured or declared, see `measureSource`).
 */
export async function experienceReportsForLever(db: DB, slug: string, limit = 20): Promise<TReportSummary[]> {
  return (await listExperienceReports(db, null, { lever: slug }, { offset: 0, limit })).items;
}

/** One report if the viewer may see it. */
export async function getExperienceReport(db: DB, viewer: TCurrentUser | null, id: number) {
  const row = await baseQuery(db)
    .select([
      'knowledge_reports.what_we_did',
      'knowledge_reports.cost_notes',
      'knowledge_reports.rejection_reason',
      'organisations.slug as org_slug',
    ])
    .where('knowledge_reports.id', '=', id)
    .where(visibleTo(viewer, 'knowledge_reports'))
    .executeTakeFirst();
  if (!row) return null;
  const [summary] = await toSummaries(db, [row]);
  return {
    ...summary!,
    whatWeDid: row.what_we_did,
    costNotes: row.cost_notes,
    rejectionReason: row.rejection_reason,
    organisationSlug: row.org_slug,
  };
}
export type TReportDetail = NonNullable<Awaited<ReturnType<typeof getExperienceReport>>>;
