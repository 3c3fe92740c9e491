import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { nowIso } from '../db/client.js';
import type { AppEnv } from './env.js';
import { AppError, apiError } from './errors.js';
import { MAX_PAGE } from './forms.js';
import { loadCurrentUser } from './middleware/session.js';
import { hashSecret } from './tokens.js';

/** One documented API operation; the registry is turned into /api/v1/openapi.json. */
export interface TApiDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path under /api/v1, e.g. `/workshops/{id}/registrations`. */
  path: string;
  summary: string;
  tag: string;
  auth: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Alternative body: a file upload in multipart/form-data (field `file`). */
  fileUpload?: boolean;
  /** The success body. Its status is 201 when `responses` describes a 201, else 200. */
  response?: z.ZodType;
  /** A paginated list: `page` and `per_page` are documented, and the `Link` and `X-Total-Count` headers. */
  list?: boolean;
  responses?: Record<number, string>;
}

export const apiRegistry: TApiDoc[] = [];

/** Registers an operation in the OpenAPI document (call at module load, beside the route). */
export function documentApi(doc: TApiDoc): void {
  apiRegistry.push(doc);
}

/**
 * Authenticates API calls with `Authorization: Bearer <token>` (personal API tokens). No header: a visitor,
 * allowed on public reads. A wrong or revoked token: 401 at once, never a silent visitor.
 */
export const apiAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  c.set('user', null);
  c.set('authVia', null);
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return apiError(c, 401, 'invalid_token', 'Expected "Authorization: Bearer <token>"');
    const db = c.get('db');
    const token = await db
      .selectFrom('api_tokens')
      .select(['id', 'user_id'])
      .where('token_hash', '=', hashSecret(match[1]!))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const user = token ? await loadCurrentUser(db, token.user_id) : null;
    if (!token || !user) return apiError(c, 401, 'invalid_token', 'Unknown, revoked or disabled token');
    await db.updateTable('api_tokens').set({ last_used_at: nowIso() }).where('id', '=', token.id).execute();
    c.set('user', user);
    c.set('authVia', 'token');
  }
  await next();
});

/** The `errors` of a problem from a failed zod parse: the field each issue is about, and why. */
export function zodFieldErrors(error: z.ZodError): { field: string; path: string; message: string }[] {
  return error.issues.map((i) => ({ field: i.path.join('.'), path: i.path.join('.'), message: i.message }));
}

export const ZPagination = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});

/** Reads `?page=&per_page=`; a bad value is a 400 with details. */
export function pagination(c: Context<AppEnv>): { page: number; perPage: number; offset: number } {
  const parsed = ZPagination.safeParse({
    page: c.req.query('page') || undefined,
    per_page: c.req.query('per_page') || undefined,
  });
  if (!parsed.success) {
    throw new AppError(
      400,
      'invalid_input',
      `page must be an integer from 1 to ${MAX_PAGE}, per_page from 1 to 100`,
      zodFieldErrors(parsed.error),
    );
  }
  const { page, per_page } = parsed.data;
  return { page, perPage: per_page, offset: (page - 1) * per_page };
}

/** Sets the RFC 8288 `Link` header (first, prev, next, last) and `X-Total-Count` for a paginated list. */
export function setPaginationHeaders(c: Context<AppEnv>, total: number, page: number, perPage: number): void {
  const last = Math.max(1, Math.ceil(total / perPage));
  const url = new URL(c.req.url);
  const at = (p: number) => {
    url.searchParams.set('page', String(p));
    url.searchParams.set('per_page', String(perPage));
    return `<${url.pathname}${url.search}>`;
  };
  const links = [`${at(1)}; rel="first"`, `${at(last)}; rel="last"`];
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`);
  c.header('Link', links.join(', '));
  c.header('X-Total-Count', String(total));
}

/** Validates query or JSON input of an API call; on failure answers 400 with the zod issues as details. */
export function parseApiInput<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  input: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    response: apiError(c, 400, 'invalid_input', 'The request is not valid', zodFieldErrors(parsed.error)),
  };
}
