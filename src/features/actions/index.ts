import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import type { TFeature } from '../../http/feature.js';
import { listLevers } from './catalogue.js';
import { api } from './api.js';
import { leverPage, leversPage } from './levers-pages.js';
import {
  createActionRoute,
  deleteActionRoute,
  editActionPage,
  fromLeverRoute,
  newActionPage,
  planPage,
  updateActionRoute,
} from './plan-pages.js';
import { seedDemoPlans } from './seed-demo-plans.js';
import { simulatePage } from './simulate-page.js';

export { listLevers, getLever, type TLever } from './catalogue.js';
export { pendingActionsForUser, actionStats, type TPendingAction, type TActionStats } from './action-stats.js';

const pages = new Hono<AppEnv>();
pages.get('/levers', leversPage);
pages.get('/levers/:slug', leverPage);
pages.get('/organisations/:id/simulate', simulatePage);
pages.get('/organisations/:id/plan', planPage);
pages.get('/organisations/:id/plan/new', newActionPage);
pages.post('/organisations/:id/plan', createActionRoute);
pages.post('/organisations/:id/plan/from-lever', fromLeverRoute);
pages.get('/organisations/:id/plan/:actionId/edit', editActionPage);
pages.post('/organisations/:id/plan/:actionId', updateActionRoute);
pages.post('/organisations/:id/plan/:actionId/delete', deleteActionRoute);

/** The actions feature: levers catalogue, simulation on a member's inventory, action plans. */
export const feature: TFeature = {
  name: 'actions',
  pages,
  api,
  sitemap: async () => ['/levers', ...listLevers().map((l) => `/levers/${l.slug}`)],
  seed: async ({ db, demo }) => {
    if (demo) await seedDemoPlans(db);
  },
};
export { organisationsWithPlanBy, memberActionSummary, type TMemberActionSummary } from './review-aggregates.js';
