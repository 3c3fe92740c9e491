import type { TFeature } from '../../http/feature.js';
import { api } from './api.js';
import { pages } from './routes.js';
import { reviewYears } from './review-years.js';

export { publicFactsOf, type TPublicFacts } from './public-facts.js';
export { PublicFactsView } from './public-facts-view.js';
export { buildNetworkReview, type TNetworkReview } from './build-network-review.js';
export { MIN_GROUP } from './suppression.js';

/**
 * The annual review: the network's public review of each year (charts, tables, CSV/JSON/PDF, API), each member's
 * yearly report with its anonymous peer benchmark, and what members choose to make public.
 */
export const feature: TFeature = {
  name: 'review',
  pages,
  api,
  // Demo organisations never decide which years are listed: the sitemap is for the real network.
  sitemap: async (db) => {
    const years = await reviewYears(db, false);
    return years.length ? ['/review', ...years.map((y) => `/review/${y}`)] : ['/review'];
  },
};
