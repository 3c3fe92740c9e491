import { Hono } from 'hono';
import { z } from 'zod';
import { documentApi } from '../../http/api-kit.js';
import type { AppEnv } from '../../http/env.js';
import { apiError } from '../../http/errors.js';
import { buildNetworkReview } from './build-network-review.js';
import { reviewJson } from './export-review.js';
import { reviewYears } from './review-years.js';
import { includeDemo } from './routes.js';
import { ZReviewYear } from './schemas.js';

const ZCount = z.object({ code: z.string(), count: z.number().int(), previous: z.number().int() });
const ZWorkshopFigures = z.object({
  workshops: z.number().int(), registrations: z.number().int(), attended: z.number().int().nullable().describe('null when withheld (fewer than 5 recorded seats, or a difference of fewer than 5)'),
  attendanceRate: z.number().nullable(), feedbackCount: z.number().int(),
  satisfaction: z.number().nullable().describe('mean rating 1..5; null when fewer than 5 answers, or withheld so that no difference of published means isolates fewer than 5'),
});

/** The public review's aggregates, as the open-data JSON export (withheld figures are null). */
export const ZReviewOut = z.object({
  year: z.number().int(),
  includesDemo: z.boolean(),
  signatories: z.object({ total: z.number().int(), previous: z.number().int(), newInYear: z.number().int(), byKind: z.array(ZCount), bySize: z.array(ZCount), bySector: z.array(ZCount), byRegion: z.array(ZCount) }),
  workshops: z.object({
    total: ZWorkshopFigures,
    months: z.array(ZWorkshopFigures.extend({ month: z.number().int() })),
    organisers: z.array(ZWorkshopFigures.extend({ organisationId: z.number().int(), name: z.string() })),
  }),
  training: z.record(z.string(), z.number()),
  practices: z.object({ members: z.number().int(), measured: z.number().int(), declared: z.number().int(), withPlan: z.number().int() }),
  actions: z.object({ actions: z.number().int(), actionsDone: z.number().int() }),
  footprint: z.object({
    measured: z.number().int(),
    total: z.object({ gwp: z.number(), gwpLow: z.number(), gwpHigh: z.number(), devices: z.number() }).nullable().describe('kgCO2e; null when fewer than 5 members measured'),
    sameSample: z.object({ organisations: z.number().int(), gwpBefore: z.number(), gwpNow: z.number(), change: z.number() }).nullable(),
  }),
  maturity: z.object({ assessed: z.number().int(), levels: z.array(z.number().int()), previousAssessed: z.number().int(), previousLevels: z.array(z.number().int()).nullable() }).nullable(),
  units: z.record(z.string(), z.string()),
  disclosure: z.object({ minimumGroup: z.number().int(), withheldValue: z.null() }),
});

documentApi({
  method: 'get', path: '/reviews/{year}', summary: 'The network\'s annual review: aggregates only, figures about fewer than 5 members withheld (null)', tag: 'review', auth: false,
  response: ZReviewOut, responses: { 404: 'No review for that year (before the first signatory, or in the future)' },
});

export const api = new Hono<AppEnv>();

api.get('/reviews/:year', async (c) => {
  const parsed = ZReviewYear.safeParse(c.req.param('year'));
  if (!parsed.success) return apiError(c, 400, 'invalid_input', 'year must be a four-digit year', [{ path: 'year', message: 'expected an integer between 2000 and 2100' }]);
  const years = await reviewYears(c.get('db'), includeDemo(c));
  if (!years.includes(parsed.data)) return apiError(c, 404, 'not_found', `No review for ${parsed.data}; available years: ${years.join(', ') || 'none'}`);
  const r = await buildNetworkReview(c.get('db'), parsed.data, { includeDemo: includeDemo(c) });
  return c.json(reviewJson(r));
});
