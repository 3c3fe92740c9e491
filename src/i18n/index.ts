import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en.js';
import { fr, type TMessageKey } from './fr.js';

export type TLocale = 'fr' | 'en';
export type { TMessageKey };
export const locales: readonly TLocale[] = ['fr', 'en'];
const catalogues: Record<TLocale, Record<TMessageKey, string>> = { fr, en };

/** Whether a string is a key of the catalogue (errors carry keys for people and plain English for logs). */
export function isMessageKey(s: string): s is TMessageKey {
  return Object.hasOwn(fr, s);
}

export type TTranslate = (key: TMessageKey, params?: Record<string, string | number>) => string;

/**
 * Messages that depend on a count are written in ICU message format (`{n, plural, one {# ligne} other {# lignes}}`),
 * so each language applies its own plural rules (French counts 0 and 1 as singular, English only 1) through
 * `Intl.PluralRules`. Every other message keeps plain `{name}` placeholders and skips the ICU parser, whose quoting
 * rules (apostrophes, `<tags>`) would otherwise apply to ordinary text. In an ICU message, counts are passed as
 * numbers (the plural needs the number; `#` and `{n}` are then formatted for the locale), years as strings.
 */
const icuArgument = /\{\s*\w+\s*,\s*(?:plural|selectordinal|select)\s*,/;
const compiled = new Map<string, IntlMessageFormat>();

function formatIcu(locale: TLocale, key: string, text: string, params: Record<string, string | number>): string {
  const cacheKey = `${locale}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = new IntlMessageFormat(text, locale === 'fr' ? 'fr-FR' : 'en-GB');
    compiled.set(cacheKey, message);
  }
  return String(message.format(params));
}

/** Whether a message chooses its wording by a count or a category (ICU `plural`/`select`). */
export function isIcuMessage(text: string): boolean {
  return icuArgument.test(text);
}

/** Returns the translator of a locale: `{name}` placeholders are replaced by params; ICU plurals follow the locale. */
export function translator(locale: TLocale): TTranslate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const text = catalogue[key] ?? fr[key] ?? key;
    if (isIcuMessage(text)) return formatIcu(locale, key, text, params ?? {});
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/** Picks the best supported locale from an Accept-Language header (French when nothing matches). */
export function localeFromAcceptLanguage(header: string | undefined): TLocale {
  if (!header) return 'fr';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'fr';
}

/** Formatting helpers bound to a locale. The engine never rounds; views round here. */
export function formatters(locale: TLocale) {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    number: (n: number, maximumFractionDigits = 0) => new Intl.NumberFormat(tag, { maximumFractionDigits }).format(n),
    /** Three significant digits: the right precision for footprints whose ranges span ±30 %. */
    significant: (n: number) => new Intl.NumberFormat(tag, { maximumSignificantDigits: 3 }).format(n),
    percent: (n: number, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits }).format(n),
    date: (iso: string | Date, timeZone = 'Europe/Paris') =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone }).format(
        typeof iso === 'string' ? new Date(iso) : iso,
      ),
    dateTime: (iso: string | Date, timeZone = 'Europe/Paris') =>
      // dateStyle cannot be combined with timeZoneName, so the parts are spelled out.
      new Intl.DateTimeFormat(tag, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }).format(typeof iso === 'string' ? new Date(iso) : iso),
    month: (year: number, month: number) =>
      new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, 1)),
      ),
  };
}
export type TFormatters = ReturnType<typeof formatters>;
