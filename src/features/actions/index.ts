import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.js';
import type { TFeature } from '../../http/feature.js';
import { documentApi, pagination, setPaginationHeaders } from '../../http/api-kit.js';
import { translator } from '../../i18n/index.js';
import { TIERS } from '../../lca/index.js';
import { listLevers } from './catalogue.js';
import { leverPage, leversPage, filterLevers } from './levers-pages.js';
import { createActionRoute, deleteActionRoute, editActionPage, fromLeverRoute, newActionPage, planPage, updateActionRoute } from './plan-pages.js';
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

const ZLeverQuery = z.object({
  tier: z.enum(TIERS).optional(),
  effort: z.enum(['low', 'medium', 'high']).optional(),
  dimension: z.string().optional(),
  lang: z.enum(['fr', 'en']).optional(),
});
const ZLeverOut = z.object({
  slug: z.string(), title: z.string(), summary: z.string(), effort: z.string(), tiers: z.array(z.string()), criteria: z.array(z.string()),
  quantified: z.boolean(), rgesn: z.array(z.string()), dimensions: z.array(z.string()), url: z.string(),
});

const api = new Hono<AppEnv>();
documentApi({ method: 'get', path: '/levers', summary: 'The levers catalogue (public), filterable by tier, effort and maturity dimension', tag: 'actions', auth: false, query: ZLeverQuery, response: z.array(ZLeverOut) });
api.get('/levers', (c) => {
  const q = ZLeverQuery.safeParse(c.req.query());
  const filter = q.success ? q.data : {};
  const t = translator(filter.lang ?? c.get('locale') ?? 'fr');
  const all = filterLevers(filter as Parameters<typeof filterLevers>[0]);
  const { page, perPage, offset } = pagination(c);
  setPaginationHeaders(c, all.length, page, perPage);
  return c.json(all.slice(offset, offset + perPage).map((l) => ({
    slug: l.slug, title: t(`actions.lever.${l.slug}.title` as never), summary: t(`actions.lever.${l.slug}.summary` as never), effort: l.effort,
    tiers: [...l.tiers], criteria: [...l.criteria], quantified: !!l.quantified, rgesn: [...l.rgesn], dimensions: [...l.dimensions], url: `/levers/${l.slug}`,
  })));
});

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
