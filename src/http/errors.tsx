import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatters, translator, type TMessageKey } from '../i18n/index.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';

/** An error a service raises for the user: a status and an i18n key; routes turn it into a page or JSON. */
export class AppError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    public readonly code: string,
    message: string,
    public readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

/** An `AppError` whose message is already written for the reader (translated): the error page shows it. */
export class UserFacingError extends AppError {
  constructor(status: AppError['status'], code: string, public readonly userText: string) {
    super(status, code, userText);
  }
}

export const forbidden = (what = 'forbidden') => new AppError(403, 'forbidden', what);
export const notFound = (what = 'not found') => new AppError(404, 'not_found', what);

/** JSON error body of the API contract: `{"error":{"code","message","details"}}`. */
export function apiError(c: Context<AppEnv>, status: ContentfulStatusCode, code: string, message: string, details: unknown[] = []): Response {
  return c.json({ error: { code, message, details } }, status);
}

const pageKeys: Record<number, [TMessageKey, TMessageKey]> = {
  400: ['error.badRequest.title', 'error.badRequest.text'],
  401: ['error.forbidden.title', 'error.loginRequired'],
  403: ['error.forbidden.title', 'error.forbidden.text'],
  404: ['error.notFound.title', 'error.notFound.text'],
  409: ['error.badRequest.title', 'error.badRequest.text'],
  413: ['error.badRequest.title', 'error.tooLarge.text'],
  422: ['error.badRequest.title', 'error.badRequest.text'],
  429: ['error.tooMany.title', 'error.tooMany.text'],
  500: ['error.server.title', 'error.server.text'],
};

/** An error page in the user's language; never a stack trace. */
export function errorPage(c: Context<AppEnv>, status: ContentfulStatusCode, detail?: string): Promise<Response> {
  // The locale middleware may not have run (e.g. an error inside it): fall back to French.
  if (!c.get('t')) {
    c.set('locale', 'fr');
    c.set('t', translator('fr'));
    c.set('fmt', formatters('fr'));
  }
  if (c.get('user') === undefined) c.set('user', null);
  const [title, text] = pageKeys[status] ?? pageKeys[500]!;
  const t = c.get('t');
  return renderPage(
    c,
    t(title),
    <section class="error-page">
      <h1>{t(title)}</h1>
      <p>{detail ?? t(text)}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </section>,
    { status },
  );
}

/** The app-wide error handler: API paths answer JSON, pages answer an error page. */
export async function handleError(err: Error, c: Context<AppEnv>): Promise<Response> {
  const isApi = c.req.path.startsWith('/api/');
  if (err instanceof AppError) {
    if (isApi) return apiError(c, err.status, err.code, err.message, err.details);
    if (err.status === 401) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    return errorPage(c, err.status, err instanceof UserFacingError ? err.userText : undefined);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (isApi) return apiError(c, status, status === 413 ? 'payload_too_large' : 'http_error', err.message || 'error');
    return errorPage(c, status);
  }
  console.error(`[error] ${c.req.method} ${c.req.path}:`, err);
  if (isApi) return apiError(c, 500, 'internal', 'Internal error');
  return errorPage(c, 500);
}
