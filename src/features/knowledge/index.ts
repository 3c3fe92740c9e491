import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import type { TFeature } from '../../http/feature.js';
import { knowledgeApi } from './api.js';
import { experiencePages } from './pages-experience.js';
import { moderationPages } from './pages-moderation.js';
import { resourcePages } from './pages-resources.js';
import { maxUploadBytes } from './constants.js';
import { seedKnowledge } from './seed.js';
import { currentMonth, sendMonthlyDigest } from './send-monthly-digest.js';
import { sweepOrphanRows, sweepOrphanUploads } from './sweep-orphan-uploads.js';

export { relatedResources, type TRelatedResource } from './find-related-resources.js';
export { RelatedResources } from './related-resources.js';
export { experienceReportsForLever, type TReportSummary } from './list-experience-reports.js';
export { sendMonthlyDigest, currentMonth } from './send-monthly-digest.js';
export { sweepOrphanUploads } from './sweep-orphan-uploads.js';

const pages = new Hono<AppEnv>();
pages.route('/', resourcePages);
pages.route('/', experiencePages);
pages.route('/', moderationPages);

/**
 * Knowledge sharing: the resource library (/resources), experience reports (/experience), comments and their
 * moderation (/admin/resources), and the monthly digest (/admin/digest, /digest/unsubscribe/:token).
 */
export const feature: TFeature = {
  name: 'knowledge',
  pages,
  api: knowledgeApi,
  uploads: [{ path: /^\/resources(\/\d+\/edit)?$/, maxBytes: maxUploadBytes + 1024 * 1024 }],
  sitemap: async (db) => {
    const published = await db.selectFrom('knowledge_resources').select('id').where('status', '=', 'published').orderBy('id', 'desc').limit(500).execute();
    const reports = await db.selectFrom('knowledge_reports').select('id').where('status', '=', 'published').orderBy('id', 'desc').limit(500).execute();
    return ['/resources', '/experience', ...published.map((r) => `/resources/${r.id}`), ...reports.map((r) => `/experience/${r.id}`)];
  },
  seed: seedKnowledge,
  // The digest of the current month goes out once per member (a unique mark per member and month), so an hourly
  // timer on every instance is safe: after the first run of the month, later runs find nothing left to send.
  // The sweep removes files no resource references any more (organisations deleted with their resources, crashes
  // between a file and its row) and the comments, tags and index entries of deleted documents.
  jobs: [
    { name: 'monthly-digest', everyMs: 60 * 60_000, run: ({ db, config }) => sendMonthlyDigest(db, config, currentMonth()) },
    { name: 'knowledge-sweep', everyMs: 60 * 60_000, run: async ({ db, config, now }) => ({ files: await sweepOrphanUploads(db, config, now), rows: await sweepOrphanRows(db) }) },
  ],
};
