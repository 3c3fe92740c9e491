import type { TFeature } from '../../http/feature.js';
import { api } from './api.js';
import { cloudApi } from './cloud-api.js';
import { cloudPages } from './cloud-routes.js';
import { MAX_CLOUD_UPLOAD_BYTES } from './import-cloud-billing.js';
import { MAX_UPLOAD_BYTES, failStaleImports } from './import-inventory.js';
import { pages } from './routes.js';
import { seedDemoFootprints } from './seed-demo.js';

export {
  getInventoryLines,
  getFootprintResult,
  getFootprintSettings,
  listMeasuredYears,
  footprintAggregates,
  footprintResultsQuery,
  getStoredResult,
  type TFootprintAggregates,
} from './queries.js';
export type { TFootprintSettings } from './settings.js';
export { engineOptions } from './compute.js';

/**
 * The organisation's footprint: yearly inventories (upload, form, copy), stored results per factor set and
 * settings, comparison and trajectory, exports, the JSON API, and the public methodology page.
 */
// Cloud billing exports (issue 18) live in their own files; they are mounted with the footprint's pages and API.
pages.route('/', cloudPages);
api.route('/', cloudApi);

export const feature: TFeature = {
  name: 'footprint',
  pages,
  api,
  // Inventory files and JSON lines: the file cap, plus room for the multipart envelope.
  uploads: [
    { path: /^\/organisations\/\d+\/footprint\/\d{4}\/imports$/, maxBytes: MAX_UPLOAD_BYTES + 1024 * 1024 },
    { path: /^\/api\/v1\/organisations\/\d+\/inventories\/\d{4}$/, maxBytes: MAX_UPLOAD_BYTES + 1024 * 1024 },
    { path: /^\/organisations\/\d+\/footprint\/\d{4}\/cloud-billing$/, maxBytes: MAX_CLOUD_UPLOAD_BYTES + 1024 * 1024 },
    { path: /^\/api\/v1\/organisations\/\d+\/cloud-billing\/\d{4}$/, maxBytes: MAX_CLOUD_UPLOAD_BYTES + 1024 * 1024 },
  ],
  sitemap: async () => ['/methodology'],
  jobs: [{ name: 'footprint.stale-imports', everyMs: 30_000, run: ({ db, now }) => failStaleImports(db, now) }],
  seed: async ({ db, demo }) => {
    // Imports left running by a dead process never committed: their heartbeat stopped, so they are marked failed
    // (and the job below catches those whose process died less than a heartbeat timeout before this start).
    await failStaleImports(db);
    if (demo) await seedDemoFootprints(db);
  },
};
export {
  footprintReviewTotals,
  deviceLifespanQuery,
  measuredMemberCount,
  benchmarkDeviceCategories,
  type TFootprintReviewTotals,
  type TReviewScope,
} from './review-aggregates.js';
