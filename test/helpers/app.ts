import type { Hono } from 'hono';
import { loadConfig, type TConfig } from '../../src/config.js';
import type { DB } from '../../src/db/client.js';
import { createApp } from '../../src/http/app.js';
import type { AppEnv } from '../../src/http/env.js';

export const testOrigin = 'http://localhost';

/** A configuration for tests: no demo, no SMTP, quiet. */
export function testConfig(overrides: Record<string, string> = {}): TConfig {
  return loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    TECHCARE_DEMO: 'false',
    LOG_LEVEL: 'silent',
    TECHCARE_ADMIN_EMAIL: 'admin@example.org',
    TECHCARE_ADMIN_PASSWORD: 'admin-password-123',
    ...overrides,
  });
}

export function testApp(db: DB, overrides: Record<string, string> = {}): Hono<AppEnv> {
  return createApp({ db, config: testConfig(overrides) });
}

/**
 * A browser-like client for `app.request()`: keeps cookies, sends the Origin header the CSRF check expects, and
 * does not follow redirects (tests assert them).
 */
export class TestClient {
  cookies = new Map<string, string>();
  constructor(private app: Hono<AppEnv>) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    if (init.method && init.method !== 'GET' && !headers.has('origin')) headers.set('origin', testOrigin);
    const res = await this.app.request(`${testOrigin}${path}`, { ...init, headers });
    this.keepCookies(res);
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** Posts a urlencoded form; arrays become repeated fields. */
  post(path: string, form: Record<string, string | number | string[]> = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) {
      if (Array.isArray(v)) for (const x of v) body.append(k, x);
      else body.append(k, String(v));
    }
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  postMultipart(path: string, form: FormData): Promise<Response> {
    return this.request(path, { method: 'POST', body: form });
  }
}
