/**
 * Category names → canonical codes. An inventory may name a category by its code (`laptop`), by one of the factor
 * set's aliases (`ordinateur portable`, `notebook`) or by the label this platform shows in either language
 * (« Commutateur réseau », "Wi-Fi access point"). Lines are stored with the code, so every year, breakdown and
 * comparison counts one category under one name whatever the language of the file.
 */
import { getFactorSet } from '../../data/index.js';
import { translator, type TLocale, type TMessageKey } from '../../i18n/index.js';
import { normaliseCategory } from '../../lca/index.js';

/** Key used to compare names: the engine's normalisation, without stray separators (« fixe (particulier) »). */
export function categoryKey(raw: string): string {
  return normaliseCategory(raw)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const indexes = new Map<string, Map<string, string>>();

/** Every category code a line may name with this factor set: its device archetypes, cloud instances, transfers. */
export function categoryCodes(factorSetId: string): string[] {
  return [...Object.keys(getFactorSet(factorSetId).devices), 'cloud_instance', 'cloud_storage', 'data_transfer'];
}

function indexOf(factorSetId: string): Map<string, string> {
  let index = indexes.get(factorSetId);
  if (index) return index;
  index = new Map();
  const fs = getFactorSet(factorSetId);
  const codes = categoryCodes(factorSetId);
  const known = new Set(codes);
  // Codes first, then the platform's labels, then the factor set's aliases: a label never hides a code.
  for (const code of codes) index.set(categoryKey(code), code);
  for (const locale of ['fr', 'en'] as TLocale[]) {
    const t = translator(locale);
    for (const code of codes) {
      const key = `footprint.category.${code}` as TMessageKey;
      const label = t(key);
      if (label !== key) {
        const k = categoryKey(label);
        if (!index.has(k)) index.set(k, code);
      }
    }
  }
  for (const [alias, code] of Object.entries(fs.aliases)) {
    const k = categoryKey(alias);
    if (known.has(code) && !index.has(k)) index.set(k, code);
  }
  indexes.set(factorSetId, index);
  return index;
}

/** The canonical code of a category name, or undefined when the factor set does not know it. */
export function resolveCategory(factorSetId: string, raw: string): string | undefined {
  let index: Map<string, string>;
  try {
    index = indexOf(factorSetId);
  } catch {
    return undefined;
  } // A factor set no longer shipped: names stay as they are.
  return index.get(categoryKey(raw));
}

/** The category codes with their label in `locale`, for hints: « laptop « Ordinateur portable », … ». */
export function categoryChoicesText(factorSetId: string, locale: TLocale): string {
  const t = translator(locale);
  return categoryCodes(factorSetId)
    .map((code) => {
      const key = `footprint.category.${code}` as TMessageKey;
      const label = t(key);
      if (label === key) return code;
      return locale === 'fr' ? `${code} «\u00a0${label}\u00a0»` : `${code} "${label}"`;
    })
    .join(', ');
}
