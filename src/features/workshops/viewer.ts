import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/env.js';
import { defaultTimeZone, isValidTimeZone } from './time-zones.js';

const cookieName = 'techcare_tz';

/**
 * The zone the viewer reads times in: `?tz=` (remembered in a cookie), then the cookie, then Europe/Paris,
 * the network's home zone. Accounts carry no zone, so the choice lives with the browser.
 */
export function viewerZone(c: Context<AppEnv>): string {
  const asked = c.req.query('tz');
  if (asked && isValidTimeZone(asked)) {
    setCookie(c, cookieName, asked, {
      path: '/',
      sameSite: 'Lax',
      httpOnly: true,
      secure: c.get('secure'),
      maxAge: 365 * 86_400,
    });
    return asked;
  }
  const kept = getCookie(c, cookieName);
  return kept && isValidTimeZone(kept) ? kept : defaultTimeZone;
}
