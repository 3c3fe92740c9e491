/**
 * What the review API answers: the open-data object of a year's review (`reviewJson`, also the page's JSON
 * download) with snake_case names. The download keeps its own names; only the API is converted, here.
 */
import { z } from 'zod';
import { toSnakeCaseKeys } from '../../http/snake-case.js';
import type { TNetworkReview } from './build-network-review.js';
import { reviewJson } from './export-review.js';

const ZCount = z.object({ code: z.string(), count: z.number().int(), previous: z.number().int() });
const ZWorkshopFigures = z.object({
  workshops: z.number().int(),
  registrations: z.number().int(),
  attended: z
    .number()
    .int()
    .nullable()
    .describe('null when withheld (fewer than 5 recorded seats, or a difference of fewer than 5)'),
  attendance_rate: z.number().nullable(),
  feedback_count: z.number().int(),
  satisfaction: z
    .number()
    .nullable()
    .describe(
      'mean rating 1..5; null when fewer than 5 answers, or withheld so that no difference of published means isolates fewer than 5',
    ),
});

/** The public review's aggregates (withheld figures are null). */
export const ZReviewOut = z.object({
  year: z.number().int(),
  includes_demo: z.boolean(),
  signatories: z.object({
    total: z.number().int(),
    previous: z.number().int(),
    new_in_year: z.number().int(),
    by_kind: z.array(ZCount),
    by_size: z.array(ZCount),
    by_sector: z.array(ZCount),
    by_region: z.array(ZCount),
  }),
  workshops: z.object({
    total: ZWorkshopFigures,
    months: z.array(ZWorkshopFigures.extend({ month: z.number().int() })),
    organisers: z.array(ZWorkshopFigures.extend({ organisation_id: z.number().int(), name: z.string() })),
  }),
  training: z
    .record(z.string(), z.number())
    .describe('trainings_published, trainings_in_catalogue, providers, schools_reporting, …'),
  practices: z.object({
    members: z.number().int(),
    measured: z.number().int(),
    declared: z.number().int(),
    with_plan: z.number().int(),
  }),
  actions: z.object({ actions: z.number().int(), actions_done: z.number().int() }),
  footprint: z.object({
    measured: z.number().int(),
    total: z
      .object({ gwp: z.number(), gwp_low: z.number(), gwp_high: z.number(), devices: z.number() })
      .nullable()
      .describe('kgCO2e; null when fewer than 5 members measured'),
    same_sample: z
      .object({ organisations: z.number().int(), gwp_before: z.number(), gwp_now: z.number(), change: z.number() })
      .nullable(),
  }),
  maturity: z
    .object({
      assessed: z.number().int(),
      levels: z.array(z.number().int()),
      previous_assessed: z.number().int(),
      previous_levels: z.array(z.number().int()).nullable(),
    })
    .nullable(),
  units: z.record(z.string(), z.string()),
  disclosure: z.object({ minimum_group: z.number().int(), withheld_value: z.null() }),
  licence: z.object({ name: z.string(), url: z.string() }),
});

/** A year's review as the API shows it. */
export function presentReview(r: TNetworkReview): z.infer<typeof ZReviewOut> {
  return toSnakeCaseKeys(reviewJson(r)) as z.infer<typeof ZReviewOut>;
}
