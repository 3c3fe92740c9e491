import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatters, isMessageKey, translator, type TMessageKey } from '../i18n/index.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';
import { log } from '../log.js';

/**
 * An error a service raises for the user. `code` is stable for API clients; `message` is for logs and the API;
 * `userMessage` is the catalogue key that tells a person what happened (given explicitly, or the message itself
 * when it is a key), shown on the error page with what to do next.
 */
export class AppError extends Error {
  public readonly userMessage: TMessageKey | undefined;
  public readonly userParams: Record<string, string | number> | undefined;
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    public readonly code: string,
    message: string,
    public readonly details: unknown[] = [],
    user?: { key: TMessageKey; params?: Record<string, string | number> },
  ) {
    super(message);
    this.userMessage = user?.key ?? (isMessageKey(message) ? message : undefined);
    this.userParams = user?.params;
  }
}

/** An `AppError` whose message is already written for the reader (translated): the error page shows it. */
export class UserFacingError extends AppError {
  constructor(
    status: AppError['status'],
    code: string,
    public readonly userText: string,
  ) {
    super(status, code, userText);
  }
}

export const forbidden = (what = 'forbidden') => new AppError(403, 'forbidden', what);
export const notFound = (what = 'not found') => new AppError(404, 'not_found', what);

/** Where the problem types of the API are described: `<PROBLEM_TYPE_BASE><code>` (the API page lists them). */
export const PROBLEM_TYPE_BASE = '/api/v1/problems/';

/** The `title` of a problem: the same short English phrase for every occurrence of a status (RFC 9457 §3.1.3). */
const problemTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** One entry of a problem's `errors`: which field (or file line and column) is wrong, and why. */
export interface TProblemFieldError {
  field: string;
  path?: string;
  line?: number;
  message: string;
  [extra: string]: unknown;
}

/**
 * Turns the details a service or a validator gives (zod issues `{path, message}`, file errors `{line, column,
 * message}`, anything else) into the `errors` list of a problem: every entry names its field.
 */
function fieldErrors(details: unknown[]): TProblemFieldError[] {
  return details.map((d) => {
    if (d === null || typeof d !== 'object') return { field: '', message: String(d) };
    const item = d as Record<string, unknown>;
    const path = typeof item.path === 'string' ? item.path : Array.isArray(item.path) ? item.path.join('.') : undefined;
    const field =
      typeof item.field === 'string' ? item.field : (path ?? (typeof item.column === 'string' ? item.column : ''));
    const message = typeof item.message === 'string' ? item.message : '';
    return { ...item, field, ...(path !== undefined ? { path } : {}), message };
  });
}

/**
 * The one builder of API error responses: an RFC 9457 problem (`application/problem+json`) with `type`, `title`,
 * `status`, `detail`, `instance` (the request path), the extension members `code` and `errors`, and, for clients of
 * the first v1 contract, `error: {code, message, details}`. Callers give an English `message` written for
 * developers, never an exception's own text; a 500 carries no details, and unexpected errors reach it only
 * through `handleError` with a generic text, so no stack or internal message reaches a client.
 */
export function apiError(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details: unknown[] = [],
): Response {
  const safe = { code, message, details: status >= 500 ? [] : details };
  const body = {
    type: `${PROBLEM_TYPE_BASE}${safe.code}`,
    title: problemTitles[status] ?? 'Error',
    status,
    detail: safe.message,
    instance: c.req.path,
    code: safe.code,
    errors: fieldErrors(safe.details),
    error: { code: safe.code, message: safe.message, details: safe.details },
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  return c.body(JSON.stringify(body), status, headers);
}

/** Per status: the page title, what happened (unless the error says it better), and what to do next. */
const pageKeys: Record<number, [TMessageKey, TMessageKey, TMessageKey?]> = {
  400: ['error.badRequest.title', 'error.server.text', 'error.badRequest.todo'],
  401: ['error.forbidden.title', 'error.loginRequired'],
  403: ['error.forbidden.title', 'error.forbidden.text'],
  404: ['error.notFound.title', 'error.notFound.text', 'error.notFound.todo'],
  409: ['error.conflict.title', 'error.conflict.text', 'error.conflict.todo'],
  413: ['error.badRequest.title', 'error.tooLarge.text'],
  415: ['error.badRequest.title', 'error.server.text', 'error.badRequest.todo'],
  422: ['error.unprocessable.title', 'error.unprocessable.text', 'error.unprocessable.todo'],
  429: ['error.tooMany.title', 'error.tooMany.text'],
  500: ['error.server.title', 'error.server.text'],
};

/** The previous page when it is one of ours (the Referer of the same origin), for a "back" link. */
function previousPage(c: Context<AppEnv>): string | undefined {
  const referer = c.req.header('referer');
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    const here = new URL(c.req.url);
    if (from.origin !== here.origin || (from.pathname === here.pathname && from.search === here.search))
      return undefined;
    return from.pathname + from.search;
  } catch {
    return undefined;
  }
}

/**
 * An error page in the user's language; never a stack trace. It says what happened (the error's own message
 * when it has one for people) and what to do next, with a link back when the previous page is ours.
 */
export function errorPage(c: Context<AppEnv>, status: ContentfulStatusCode, err?: AppError): Promise<Response> {
  // The locale middleware may not have run (e.g. an error inside it): fall back to French.
  if (!c.get('t')) {
    c.set('locale', 'fr');
    c.set('t', translator('fr'));
    c.set('fmt', formatters('fr'));
  }
  if (c.get('user') === undefined) c.set('user', null);
  const [title, text, todo] = pageKeys[status] ?? pageKeys[500]!;
  const t = c.get('t');
  const back = todo ? previousPage(c) : undefined;
  return renderPage(
    c,
    t(title),
    <section class="error-page">
      <h1>{t(title)}</h1>
      <p>
        {err instanceof UserFacingError
          ? err.userText
          : err?.userMessage
            ? t(err.userMessage, err.userParams)
            : t(text)}
      </p>
      {todo && (
        <>
          <h2>{t('error.whatToDo')}</h2>
          <p>{t(todo)}</p>
        </>
      )}
      <ul class="error-links">
        {back && (
          <li>
            <a href={back}>{t('error.back')}</a>
          </li>
        )}
        <li>
          <a href="/">{t('error.backHome')}</a>
        </li>
      </ul>
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
    return errorPage(c, err.status, err);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (isApi)
      return apiError(
        c,
        status,
        status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'http_error',
        err.message || 'error',
      );
    return errorPage(c, status);
  }
  // An unexpected error: its stack goes to the log under the request's id, never to the page.
  (c.get('log') ?? log).error({ err, method: c.req.method, path: c.req.path }, 'unhandled error');
  if (isApi) return apiError(c, 500, 'internal', 'Internal error');
  return errorPage(c, 500);
}
