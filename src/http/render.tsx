import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { viewContext, type TViewContext } from '../views/context.js';
import { Layout } from '../views/layout.js';
import type { TMessageKey } from '../i18n/index.js';
import type { AppEnv } from './env.js';

/** Flash messages travel as `?flash=<key>` after a redirect; only known keys are shown. */
function flashOf(c: Context<AppEnv>): string | null {
  const key = c.req.query('flash');
  if (!key) return null;
  const text = c.get('t')(key as TMessageKey);
  return text === key ? null : text;
}

/**
 * Renders a full page in the layout. `body` receives the view context so pages can translate and format.
 */
export async function renderPage(
  c: Context<AppEnv>,
  title: string,
  body: Child | ((v: TViewContext) => Child),
  options: { status?: ContentfulStatusCode; wide?: boolean; scripts?: string[] } = {},
): Promise<Response> {
  const v = viewContext(c);
  const children = typeof body === 'function' ? (body as (v: TViewContext) => Child)(v) : body;
  const html = await (
    <Layout v={v} title={title} flash={flashOf(c)} wide={options.wide} scripts={options.scripts}>
      {children}
    </Layout>
  ).toString();
  return c.html(`<!doctype html>${html}`, options.status ?? 200);
}

/** Redirect after a successful POST, with an optional flash message key. */
export function redirectWithFlash(c: Context<AppEnv>, to: string, flash?: TMessageKey): Response {
  if (!flash) return c.redirect(to, 303);
  const sep = to.includes('?') ? '&' : '?';
  return c.redirect(`${to}${sep}flash=${encodeURIComponent(flash)}`, 303);
}
