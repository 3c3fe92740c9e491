/** What the knowledge API answers: resources and experience reports in snake_case, built from the services' summaries. */
import { z } from 'zod';
import { resourceKinds } from './constants.js';
import type { TReportSummary } from './list-experience-reports.js';
import type { TResourceSummary } from './list-resources.js';

const ZTagsOut = z.object({
  themes: z.array(z.string()),
  levels: z.array(z.number()),
  levers: z.array(z.string()),
  rgesn: z.array(z.string()),
});

export const ZResourceOut = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(resourceKinds),
  language: z.enum(['fr', 'en']),
  published_on: z.string(),
  licence: z.string(),
  status: z.enum(['pending', 'published', 'rejected']),
  organisation: z.object({ id: z.number(), name: z.string() }),
  url: z.string().nullable(),
  file_url: z.string().nullable(),
  page_url: z.string(),
  tags: ZTagsOut,
});

/** A resource: its file is linked only when it has one; `url` is the outside address its author gave. */
export function presentResource(base: string, r: TResourceSummary): z.infer<typeof ZResourceOut> {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    kind: r.kind as z.infer<typeof ZResourceOut>['kind'],
    language: r.language,
    published_on: r.publishedOn,
    licence: r.licence,
    status: r.status,
    organisation: { id: r.organisationId, name: r.organisationName },
    url: r.url,
    file_url: r.hasFile ? `${base}/resources/${r.id}/file` : null,
    page_url: `${base}/resources/${r.id}`,
    tags: { themes: r.tags.themes, levels: r.tags.levels, levers: r.tags.levers, rgesn: r.tags.rgesn },
  };
}

export const ZReportOut = z.object({
  id: z.number(),
  title: z.string(),
  organisation: z.object({ id: z.number(), name: z.string() }),
  language: z.enum(['fr', 'en']),
  created_at: z.string(),
  cost_eur: z.number().nullable(),
  measure_source: z.enum(['platform', 'declared', 'none']),
  measured: z.object({
    label: z.string(),
    before: z.number().nullable(),
    after: z.number().nullable(),
    unit: z.string(),
    change: z.number().nullable(),
    baseline_year: z.number().nullable(),
    result_year: z.number().nullable(),
  }),
  tags: ZTagsOut,
  page_url: z.string(),
});

/** An experience report with the change it measured (before, after, unit, years). */
export function presentExperienceReport(base: string, r: TReportSummary): z.infer<typeof ZReportOut> {
  return {
    id: r.id,
    title: r.title,
    organisation: { id: r.organisationId, name: r.organisationName },
    language: r.language,
    created_at: r.createdAt,
    cost_eur: r.costEur,
    measure_source: r.measureSource,
    measured: {
      label: r.measureLabel,
      before: r.before,
      after: r.after,
      unit: r.unit,
      change: r.change,
      baseline_year: r.baselineYear,
      result_year: r.resultYear,
    },
    tags: { themes: r.tags.themes, levels: r.tags.levels, levers: r.tags.levers, rgesn: r.tags.rgesn },
    page_url: `${base}/experience/${r.id}`,
  };
}
