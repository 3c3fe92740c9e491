import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { clientAddress } from '../../http/middleware/rate-limit.js';

/** The client address used by the login, sign-up and reset rate limits. */
export function clientIp(c: Context<AppEnv>): string {
  return clientAddress(c);
}
