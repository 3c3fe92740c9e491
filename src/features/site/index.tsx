import { Hono } from 'hono';
import { sql } from 'kysely';
import { dialectOf } from '../../db/client.js';
import type { AppEnv } from '../../http/env.js';
import type { TFeature } from '../../http/feature.js';
import { homePage } from './home-page.js';

const pages = new Hono<AppEnv>();

pages.get('/', (c) => homePage(c));

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

/** The public home page, the health check. The site map lives in http/ because it gathers every feature. */
export const feature: TFeature = {
  name: 'site',
  pages,
  sitemap: async () => ['/', '/signup', '/login'],
};
