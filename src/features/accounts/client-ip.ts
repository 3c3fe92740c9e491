import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../../http/env.js';
import { clientAddress } from '../../http/middleware/rate-limit.js';

/**
 * The client address for rate limits: the proxy's X-Forwarded-For first hop when present, else the socket's
 * address. `app.request()` in tests has no socket, hence the fallback.
 */
export function clientIp(c: Context<AppEnv>): string {
  let socket = 'local';
  try {
    socket = getConnInfo(c).remote.address ?? 'local';
  } catch {
    // no Node socket (tests)
  }
  return clientAddress(c.req, socket);
}
