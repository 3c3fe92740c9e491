import { Hono } from 'hono';
import { documentApi } from '../../http/api-kit.js';
import type { AppEnv } from '../../http/env.js';
import { apiError } from '../../http/errors.js';
import { buildNetworkReview } from './build-network-review.js';
import { presentReview, ZReviewOut } from './presenters.js';
import { reviewYears } from './review-years.js';
import { includeDemo } from './routes.js';
import { ZReviewYear } from './schemas.js';

documentApi({
  method: 'get',
  path: '/reviews/{year}',
  summary: "The network's annual review: aggregates only, figures about fewer than 5 members withheld (null)",
  tag: 'review',
  auth: false,
  response: ZReviewOut,
  responses: { 404: 'No review for that year (before the first signatory, or in the future)' },
});

export const api = new Hono<AppEnv>();

api.get('/reviews/:year', async (c) => {
  const parsed = ZReviewYear.safeParse(c.req.param('year'));
  if (!parsed.success)
    return apiError(c, 400, 'invalid_input', 'year must be a four-digit year', [
      { path: 'year', message: 'expected an integer between 2000 and 2100' },
    ]);
  const years = await reviewYears(c.get('db'), includeDemo(c));
  if (!years.includes(parsed.data))
    return apiError(
      c,
      404,
      'not_found',
      `No review for ${parsed.data}; available years: ${years.join(', ') || 'none'}`,
    );
  const r = await buildNetworkReview(c.get('db'), parsed.data, { includeDemo: includeDemo(c) });
  return c.json(presentReview(r));
});
