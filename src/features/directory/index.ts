import type { TFeature } from '../../http/feature.js';
import { api } from './api.js';
import { pages } from './routes.js';
import { signatorySlugs } from './search-directory.js';

export { publicProfile, searchDirectory, ZDirectoryFilter, type TDirectoryFilter } from './search-directory.js';
export { descriptionOf, OrganisationCard } from './views.js';

/** The public directory of signatories, the founding partners' section and the organisations API. */
export const feature: TFeature = {
  name: 'directory',
  pages,
  api,
  sitemap: async (db) => ['/directory', '/partners', ...(await signatorySlugs(db)).map((s) => `/directory/${s}`)],
};
