import { getFactorSet } from '../../data/index.js';
import type { TLocale } from '../../i18n/index.js';

// The factor set names its electricity zones in English, keyed by ISO 3166-1 alpha-3 code, and records each zone's
// alpha-2 code (from the build script's ISO table). Intl names regions from their alpha-2 code or UN M.49 number:
// the world and Europe take their M.49 numbers; codes with no current region (SCG Serbia and Montenegro, ANT
// Netherlands Antilles) keep the data set's name.
const M49: Record<string, string> = { WOR: '001', EEE: '150' };
const NO_CURRENT_REGION = new Set(['SCG', 'ANT']);

function regionOf(code: string): string | undefined {
  if (NO_CURRENT_REGION.has(code)) return undefined;
  return M49[code] ?? getFactorSet().electricity.zones[code]?.alpha2;
}

const displayNames = new Map<TLocale, Intl.DisplayNames>();

/** The name of an electricity zone (alpha-3 code) in the reader's language; `fallback` when Intl has none. */
export function countryName(code: string, locale: TLocale, fallback: string): string {
  const region = regionOf(code);
  if (!region) return fallback;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale === 'fr' ? 'fr-FR' : 'en-GB'], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  return names.of(region) ?? fallback;
}
