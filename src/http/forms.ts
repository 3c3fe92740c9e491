import type { Context } from 'hono';
import type { z } from 'zod';
import { fr } from '../i18n/fr.js';
import type { TMessageKey, TTranslate } from '../i18n/index.js';
import type { AppEnv } from './env.js';
import { UserFacingError } from './errors.js';

export type TFieldErrors = Record<string, string>;

function isMessageKey(s: string): s is TMessageKey {
  return Object.prototype.hasOwnProperty.call(fr, s);
}

/**
 * Turns a zod issue into a sentence in the user's language. A schema may carry an i18n key as its message
 * (e.g. `.min(1, 'form.required')`); otherwise the issue's code picks a generic sentence.
 */
export function issueMessage(issue: z.core.$ZodIssue, t: TTranslate): string {
  if (isMessageKey(issue.message)) {
    return t(issue.message, {
      min: String((issue as { minimum?: unknown }).minimum ?? ''),
      max: String((issue as { maximum?: unknown }).maximum ?? ''),
    });
  }
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? t('form.required')
        : issue.origin === 'string'
          ? t('form.tooShort', { min: String(issue.minimum) })
          : t('form.invalid');
    case 'too_big':
      return issue.origin === 'string' ? t('form.tooLong', { max: String(issue.maximum) }) : t('form.invalid');
    case 'invalid_format':
      return issue.format === 'email'
        ? t('form.invalidEmail')
        : issue.format === 'url'
          ? t('form.invalidUrl')
          : t('form.invalid');
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? t('form.required') : t('form.invalid');
    default:
      return t('form.invalid');
  }
}

/** Validates any object against a schema; field errors are keyed by the first path segment. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  t: TTranslate,
): { ok: true; data: z.infer<S> } | { ok: false; errors: TFieldErrors } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: TFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issueMessage(issue, t);
  }
  return { ok: false, errors };
}

/**
 * Reads a submitted form (urlencoded or multipart) into plain values: repeated fields become arrays, empty
 * strings stay empty so schemas can say "required". Files are kept as File objects.
 */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string | string[] | File>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[] | File> = {};
  for (const [k, v] of Object.entries(body)) {
    const key = k.endsWith('[]') ? k.slice(0, -2) : k;
    if (Array.isArray(v)) out[key] = v.filter((x): x is string => typeof x === 'string');
    else if (k.endsWith('[]') && typeof v === 'string') out[key] = [v];
    else out[key] = v as string | File;
  }
  return out;
}

/** Parses the submitted form against a schema in one call. */
export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S) {
  const values = await readForm(c);
  return { values, result: validate(schema, values, c.get('t')) };
}

/** Highest page number a list accepts: beyond it no list has rows, and offsets would overflow the databases. */
export const MAX_PAGE = 10_000;

/**
 * The `?page=` of a paginated page: missing or empty means 1; anything but an integer from 1 to `MAX_PAGE` is a
 * 400 (never a database error). Pages past the last one are the caller's to clamp.
 */
export function pageParam(c: Context<AppEnv>): number {
  const raw = c.req.query('page');
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
    throw new UserFacingError(400, 'invalid_page', c.get('t')('error.badPage', { max: MAX_PAGE }));
  }
  return Number(raw);
}
