import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { TLogger } from '../../log.js';
import type { AppEnv } from '../env.js';

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is a plain token, else a new UUID), sends it back
 * in the `X-Request-Id` response header, hands the route a logger bound to it (`c.var.log`), and writes one log
 * line per request when the response is ready: method, path, status, duration, user.
 */
export function requestLog(logger: TLogger): MiddlewareHandler<AppEnv>[] {
  return [
    requestId({ limitLength: 128 }),
    async (c, next) => {
      const reqLog = logger.child({ req_id: c.get('requestId') });
      c.set('log', reqLog);
      const t0 = performance.now();
      await next();
      const status = c.res.status;
      const line = {
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round((performance.now() - t0) * 10) / 10,
        user: c.get('user')?.id,
      };
      if (status >= 500) reqLog.error(line, 'request');
      else reqLog.info(line, 'request');
    },
  ];
}
