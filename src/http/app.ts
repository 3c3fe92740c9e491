import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import type { TConfig } from '../config.js';
import type { DB } from '../db/client.js';
import { feature as accounts } from '../features/accounts/index.js';
import { feature as actions } from '../features/actions/index.js';
import { feature as admin } from '../features/admin/index.js';
import { feature as directory } from '../features/directory/index.js';
import { feature as footprint } from '../features/footprint/index.js';
import { feature as knowledge } from '../features/knowledge/index.js';
import { feature as manifesto } from '../features/manifesto/index.js';
import { feature as maturity } from '../features/maturity/index.js';
import { feature as organisations } from '../features/organisations/index.js';
import { feature as review } from '../features/review/index.js';
import { feature as site } from '../features/site/index.js';
import { feature as training } from '../features/training/index.js';
import { feature as workshops } from '../features/workshops/index.js';
import { apiAuth } from './api-kit.js';
import type { AppEnv } from './env.js';
import { errorPage, handleError, apiError } from './errors.js';
import { gatherContributions, type TFeature } from './feature.js';
import { localeMiddleware } from './middleware/locale.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders, transportAndCacheHeaders } from './middleware/security-headers.js';
import { sessionMiddleware } from './middleware/session.js';
import { openApiDocument } from './openapi.js';
import { sitemapRoutes } from './sitemap.js';
import { asset } from '../views/assets.js';
import { loggerFor, type TLogger } from '../log.js';

/** Every feature, in seed order: organisations before manifesto before the features that use them. */
export const features: TFeature[] = [
  site,
  accounts,
  organisations,
  manifesto,
  directory,
  admin,
  footprint,
  maturity,
  workshops,
  training,
  actions,
  knowledge,
  review,
];

/** Largest request body of any route that takes no file (forms, JSON): uploads declare their own (`uploads`). */
export const DEFAULT_BODY_BYTES = 1024 * 1024;
/** Path segments that are ids must fit PostgreSQL's integer: a longer number names nothing (404, not a 500). */
const MAX_ID = 2_147_483_647;

/**
 * Composes the application. It never listens: main.ts serves it and tests call `app.request()`.
 */
export function createApp(deps: { db: DB; config: TConfig; logger?: TLogger }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const contributions = gatherContributions(features);
  app.use('*', ...requestLog(deps.logger ?? loggerFor(deps.config)));

  app.use('*', async (c, next) => {
    c.set('db', deps.db);
    c.set('config', deps.config);
    c.set('contributions', contributions);
    const forwardedProto = deps.config.TRUST_PROXY ? c.req.header('x-forwarded-proto') : undefined;
    const proto = forwardedProto ?? new URL(c.req.url).protocol.replace(':', '');
    c.set('secure', proto === 'https');
    await next();
  });
  app.use('*', securityHeaders);
  app.use('*', transportAndCacheHeaders);
  // Request bodies: small everywhere, larger only on the routes that take a file.
  const tooLarge = (c: Context<AppEnv>) =>
    c.req.path.startsWith('/api/')
      ? apiError(c, 413, 'payload_too_large', 'Request body too large')
      : errorPage(c, 413);
  const limits = features
    .flatMap((f) => f.uploads ?? [])
    .map((u) => ({ path: u.path, check: bodyLimit({ maxSize: u.maxBytes, onError: tooLarge as never }) }));
  const smallBody = bodyLimit({ maxSize: DEFAULT_BODY_BYTES, onError: tooLarge as never });
  app.use('*', (c, next) => {
    const upload = c.req.method === 'POST' ? limits.find((l) => l.path.test(c.req.path)) : undefined;
    return (upload?.check ?? smallBody)(c, next);
  });
  // A number too large to be an id (e.g. /resources/99999999999999999999) is a 404 before any query runs.
  app.use('*', async (c, next) => {
    for (const segment of c.req.path.split('/')) {
      if (/^\d{10,}$/.test(segment) && Number(segment) > MAX_ID)
        return c.req.path.startsWith('/api/') ? apiError(c, 404, 'not_found', 'No such resource') : errorPage(c, 404);
    }
    await next();
  });

  app.get('/static/:name', (c) => {
    const a = asset(c.req.param('name'));
    if (!a) return c.notFound();
    return c.body(new Uint8Array(a.body), 200, {
      'Content-Type': a.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  // The JSON API: bearer tokens, never cookies, so it needs no CSRF check.
  const api = new Hono<AppEnv>();
  api.use('*', localeMiddleware);
  api.use('*', apiAuth);
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  for (const f of features) if (f.api) api.route('/', f.api);
  app.route('/api/v1', api);

  // Pages: session cookie, CSRF (Origin check on every unsafe request), language.
  const pages = new Hono<AppEnv>();
  pages.use('*', csrf());
  pages.use('*', localeMiddleware);
  pages.use('*', sessionMiddleware);
  pages.route('/', sitemapRoutes(features));
  for (const f of features) if (f.pages) pages.route('/', f.pages);
  app.route('/', pages);

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? apiError(c as never, 404, 'not_found', 'No such API resource')
      : errorPage(c as never, 404),
  );
  app.onError((err, c) => handleError(err, c as never));
  return app;
}
