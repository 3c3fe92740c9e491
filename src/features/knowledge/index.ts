import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import type { TFeature } from '../../http/feature.js';
import { nowIso } from '../../db/client.js';
import { onStatusLoss } from '../organisations/index.js';
import { knowledgeApi } from './api.js';
import { experiencePages } from './pages-experience.js';
import { moderationPages } from './pages-moderation.js';
import { resourcePages } from './pages-resources.js';
import { maxUploadBytes } from './constants.js';
import { seedKnowledge } from './seed.js';
import { sendScheduledDigest } from './send-monthly-digest.js';
import { sweepOrphanRows, sweepOrphanUploads } from './sweep-orphan-uploads.js';
import { relatedResources as findRelated } from './find-related-resources.js';
import { RelatedResources as RelatedSection } from './related-resources.js';

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
// An organisation losing its partner or expert status: its published resources and reports go back to review
// (offline, kept), where an administrator may publish them again.
onStatusLoss('knowledge', async (tx, loss) => {
  const now = nowIso();
  const resources = await tx
    .updateTable('knowledge_resources')
    .set({ status: 'pending', updated_at: now })
    .where('organisation_id', '=', loss.organisationId)
    .where('status', '=', 'published')
    .returning('id')
    .execute();
  const reports = await tx
    .updateTable('knowledge_reports')
    .set({ status: 'pending', updated_at: now })
    .where('organisation_id', '=', loss.organisationId)
    .where('status', '=', 'published')
    .returning('id')
    .execute();
  return resources.length + reports.length;
});

export const feature: TFeature = {
  name: 'knowledge',
  pages,
  api: knowledgeApi,
  uploads: [{ path: /^\/resources(\/\d+\/edit)?$/, maxBytes: maxUploadBytes + 1024 * 1024 }],
  sitemap: async (db) => {
    const published = await db
      .selectFrom('knowledge_resources')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    const reports = await db
      .selectFrom('knowledge_reports')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return [
      '/resources',
      '/experience',
      ...published.map((r) => `/resources/${r.id}`),
      ...reports.map((r) => `/experience/${r.id}`),
    ];
  },
  seed: seedKnowledge,
  // Resources appear next to the levers, workshops and trainings they are tagged with: those features sit below
  // knowledge in the layer order, so their pages receive this section instead of importing it.
  contributes: {
    relatedResources: async (db, v, subject, options) =>
      RelatedSection({ v, items: await findRelated(db, subject), ...options }),
  },
  // The digest of the current month goes out once per member (a unique mark per member and month), so an hourly
  // timer on every instance is safe: after the first run of the month, later runs find nothing left to send.
  // The sweep removes files no resource references any more (organisations deleted with their resources, crashes
  // between a file and its row) and the comments, tags and index entries of deleted documents.
  jobs: [
    {
      name: 'monthly-digest',
      everyMs: 60 * 60_000,
      run: ({ db, config, now }) => sendScheduledDigest(db, config, now),
    },
    {
      name: 'knowledge-sweep',
      everyMs: 60 * 60_000,
      run: async ({ db, config, now }) => ({
        files: await sweepOrphanUploads(db, config, now),
        rows: await sweepOrphanRows(db),
      }),
    },
  ],
};
