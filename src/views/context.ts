import type { Context } from 'hono';
import type { AppEnv, TCurrentUser } from '../http/env.js';
import type { TFormatters, TLocale, TTranslate } from '../i18n/index.js';

/** What every view needs to render: language, translator, formatters, the user and the current path. */
export interface TViewContext {
  locale: TLocale;
  t: TTranslate;
  fmt: TFormatters;
  user: TCurrentUser | null;
  path: string;
  /** The full request URL's path and query, to build the language switch link. */
  url: URL;
}

export function viewContext(c: Context<AppEnv>): TViewContext {
  return {
    locale: c.get('locale'),
    t: c.get('t'),
    fmt: c.get('fmt'),
    user: c.get('user'),
    path: c.req.path,
    url: new URL(c.req.url),
  };
}
