import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { formatters, localeFromAcceptLanguage, translator, type TLocale } from '../../i18n/index.js';
import type { AppEnv } from '../env.js';

const cookieName = 'techcare_lang';

/**
 * Chooses the page language: `?lang=` switches; otherwise the cookie; otherwise Accept-Language on a first visit;
 * French by default. `?lang=` is remembered only when it answers with a page: downloading an English template or
 * export (`template.xlsx?lang=en`) must not switch the whole interface for good.
 */
export const localeMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const asked = c.req.query('lang');
  let locale: TLocale;
  if (asked === 'fr' || asked === 'en') {
    locale = asked;
  } else {
    const saved = getCookie(c, cookieName);
    locale = saved === 'fr' || saved === 'en' ? saved : localeFromAcceptLanguage(c.req.header('accept-language'));
  }
  c.set('locale', locale);
  c.set('t', translator(locale));
  c.set('fmt', formatters(locale));
  await next();
  const answeredWithPage = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
  if ((asked === 'fr' || asked === 'en') && answeredWithPage && getCookie(c, cookieName) !== asked) {
    setCookie(c, cookieName, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'Lax', httpOnly: true });
  }
  c.header('Content-Language', locale);
  c.header('Vary', 'Accept-Language, Cookie', { append: true });
});
