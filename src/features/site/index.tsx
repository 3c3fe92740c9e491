import { Hono } from 'hono';
import { sql } from 'kysely';
import { dialectOf } from '../../db/client.js';
import type { AppEnv } from '../../http/env.js';
import type { TFeature } from '../../http/feature.js';
import { apiDocsPage, commonProblems } from './api-docs-page.js';
import { homePage } from './home-page.js';

const pages = new Hono<AppEnv>();

pages.get('/', (c) => homePage(c));
pages.get('/developers', (c) => apiDocsPage(c));

/**
 * The `type` of every API problem is `/api/v1/problems/<code>`: opened in a browser, it leads to the explanation
 * of that code on the API page (or to the list of problems for a code the page does not describe).
 */
const api = new Hono<AppEnv>();
const described = new Set<string>(commonProblems.map(([code]) => code));
api.get('/problems/:code{[a-z0-9_]+}', (c) => {
  const code = c.req.param('code');
  return c.redirect(`/developers#${described.has(code) ? `problem-${code}` : 'problem-types'}`, 303);
});

/** Liveness and database reachability, for load balancers and operators. */
pages.get('/healthz', async (c) => {
  const db = c.get('db');
  const database = dialectOf(db);
  try {
    await sql`select 1`.execute(db);
    return c.json({ status: 'ok', database });
  } catch {
    return c.json({ status: 'error', database }, 503);
  }
});

/** The public home page, the API guide, the health check. The site map lives in http/ because it gathers every feature. */
export const feature: TFeature = {
  name: 'site',
  pages,
  api,
  sitemap: async () => ['/', '/signup', '/login', '/developers'],
};
