import { Hono } from 'hono';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { onStatusLoss } from '../organisations/index.js';
import type { AppEnv } from '../../http/env.js';
import type { TFeature } from '../../http/feature.js';
import { trainingApi } from './api.js';
import { curriculaPages } from './routes-curricula.js';
import { moderationPages } from './routes-moderation.js';
import { offerPages } from './routes-offers.js';
import { pathPages } from './routes-paths.js';
import { skillsAdminPages } from './routes-skills-admin.js';
import { trainingPages } from './routes-trainings.js';
import { seedTraining } from './seed.js';
import type { TTrainingFilter } from './schemas.js';
import { listTrainings as listTrainingsPage, type TTraining } from './training-repository.js';

export { trainingStats, type TTrainingStats } from './curricula.js';
export { listOpenOffers } from './offers.js';
export { loadSkillsFramework } from './skills-store.js';
export type { TTraining, TTrainingFilter };

/**
 * The training catalogue for other features (e.g. knowledge's related resources, the dashboard): filters as on
 * /trainings; `limit` defaults to 20. Public data.
 */
export async function listTrainings(
  db: DB,
  filter: TTrainingFilter & { limit?: number; offset?: number } = {},
): Promise<TTraining[]> {
  const { limit, offset, ...f } = filter;
  return (await listTrainingsPage(db, f, { limit: limit ?? 20, offset: offset ?? 0 })).items;
}

// An organisation losing its partner or expert status: its trainings go offline, kept for the day it returns.
onStatusLoss('training', async (tx, loss) => {
  const rows = await tx
    .updateTable('trainings')
    .set({ unpublished_at: nowIso() })
    .where('organisation_id', '=', loss.organisationId)
    .where('unpublished_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
});

const pages = new Hono<AppEnv>();
pages.route('/', trainingPages);
pages.route('/', pathPages);
pages.route('/', curriculaPages);
pages.route('/', offerPages);
pages.route('/', skillsAdminPages);
pages.route('/', moderationPages);

/** The training feature: catalogue, learning paths, school curricula, internship offers, skills framework. */
export const feature: TFeature = {
  name: 'training',
  pages,
  api: trainingApi,
  uploads: [
    { path: /^\/admin\/skills$/, maxBytes: 6 * 1024 * 1024 },
    { path: /^\/organisations\/\d+\/trainings\/import$/, maxBytes: 6 * 1024 * 1024 },
  ],
  seed: seedTraining,
  sitemap: async (db) => {
    const rows = await db.selectFrom('trainings').select('id').orderBy('id').execute();
    return ['/trainings', '/learning-paths', '/offers', ...rows.map((r) => `/trainings/${r.id}`)];
  },
};
export { memberTrainingSummary, type TMemberTrainingSummary } from './review-aggregates.js';
export { getTraining } from './training-repository.js';
