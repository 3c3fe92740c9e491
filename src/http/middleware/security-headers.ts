import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.js';

/**
 * A strict Content-Security-Policy: no inline script or style anywhere, only our own files. SVG charts use
 * presentation attributes, which CSP does not restrict.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
  },
  referrerPolicy: 'strict-origin-when-cross-origin',
  crossOriginEmbedderPolicy: false,
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  // Sent by `transportAndCacheHeaders` only when the request came over HTTPS (a browser ignores it over http, and
  // a development server on http://localhost must not be pinned to HTTPS).
  strictTransportSecurity: false,
});

/**
 * HSTS over HTTPS only, and `Cache-Control: no-store` on every private response: anything answered to a signed-in
 * user or an API token, and any response that sets a cookie (login, logout, language), so no shared or browser
 * cache keeps a page with someone's data. Responses that chose their own caching (static files) keep it.
 */
export const transportAndCacheHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.get('secure')) c.res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  const isPrivate = Boolean(c.get('user')) || c.get('authVia') === 'token' || c.res.headers.has('set-cookie');
  if (isPrivate && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
});
