import type { TFactorSet, TInventoryLine } from '../../lca/index.js';
import {
  canonicalCategory,
  leverTransform,
  QUANTIFIED_LEVERS,
  type TLeverApplication,
  type TQuantifiedLever,
} from '../../lca/levers/index.js';
import type { TTranslate } from '../../i18n/index.js';
import type { TFieldErrors } from '../../http/forms.js';

/**
 * The simulation form (GET, so a simulation is a shareable link and needs no JavaScript). Field names:
 * `<lever>=on` turns a lever on; `<lever>.categories` (repeated), `<lever>.years`, `.pct`, `.share`, `.reduction`,
 * `.pue`, `.provider`, `.region`, `.second` hold its parameters. Percentages are typed 0–100.
 */
export type TSimValues = Record<string, string[]>;

/** Which parameter fields each lever shows, with their defaults (what the form is pre-filled with). */
export const leverFields: Record<TQuantifiedLever, Record<string, string>> = {
  'extend-lifespan': { current: '', years: '6' },
  refurbished: { share: '30', reduction: '' },
  'fewer-devices': { pct: '10' },
  'consolidate-servers': { pct: '30' },
  'better-pue': { pue: '1.3' },
  'cloud-region': { provider: '', region: '' },
  'switch-off-idle': { pct: '20' },
  'reduce-transfer': { pct: '20' },
  'end-of-life-reuse': { share: '50', second: '2' },
};
/** Levers whose parameters include the categories they act on. */
export const withCategories: readonly TQuantifiedLever[] = [
  'extend-lifespan',
  'refurbished',
  'fewer-devices',
  'switch-off-idle',
  'end-of-life-reuse',
];

/** The canonical categories of the inventory that a lever can act on. */
export function categoriesFor(fs: TFactorSet, lines: readonly TInventoryLine[], lever: TQuantifiedLever): string[] {
  const cats = new Set(lines.map((l) => canonicalCategory(fs, l.category)));
  const devices = [...cats].filter((c) => Object.prototype.hasOwnProperty.call(fs.devices, c));
  if (lever === 'switch-off-idle') return [...devices, ...(cats.has('cloud_instance') ? ['cloud_instance'] : [])];
  return devices;
}

/** The cloud providers present in the inventory. */
export function providersOf(lines: readonly TInventoryLine[]): string[] {
  return [...new Set(lines.filter((l) => l.provider).map((l) => l.provider!.trim().toLowerCase()))].sort();
}

const first = (v: TSimValues, name: string): string => (v[name]?.[0] ?? '').trim();
const num = (s: string): number => (s === '' ? Number.NaN : Number(s.replace(',', '.')));

/** Turns the form into lever parameters (engine units: shares 0–1). */
function paramsOf(lever: TQuantifiedLever, v: TSimValues): Record<string, unknown> {
  const f = (n: string) => first(v, `${lever}.${n}`);
  const categories = (v[`${lever}.categories`] ?? []).filter(Boolean);
  switch (lever) {
    case 'extend-lifespan':
      return { categories, years: num(f('years')), ...(f('current') !== '' ? { current: num(f('current')) } : {}) };
    case 'refurbished':
      return {
        categories,
        share: num(f('share')) / 100,
        ...(f('reduction') !== '' ? { reduction: num(f('reduction')) / 100 } : {}),
      };
    case 'fewer-devices':
      return { categories, reduction: num(f('pct')) / 100 };
    case 'consolidate-servers':
      return { reduction: num(f('pct')) / 100 };
    case 'better-pue':
      return { pue: num(f('pue')) };
    case 'cloud-region':
      return { provider: f('provider'), region: f('region') };
    case 'switch-off-idle':
      return { categories, reduction: num(f('pct')) / 100 };
    case 'reduce-transfer':
      return { reduction: num(f('pct')) / 100 };
    case 'end-of-life-reuse':
      return { categories, share: num(f('share')) / 100, secondLifeYears: num(f('second')) };
  }
}

/**
 * Reads the levers turned on and validates their parameters against the factor set. Errors are keyed by the
 * lever (`f-<lever>` is its fieldset, whose legend is the lever's title) and say the fix, in the user's language; the
 * page's error summary prefixes each with the lever's title, so the messages do not repeat it.
 */
export function parseSimulationForm(
  fs: TFactorSet,
  v: TSimValues,
  t: TTranslate,
): { applications: TLeverApplication[]; errors: TFieldErrors } {
  const applications: TLeverApplication[] = [];
  const errors: TFieldErrors = {};
  for (const lever of QUANTIFIED_LEVERS) {
    if (first(v, lever) !== 'on') continue;
    const params = paramsOf(lever, v);
    if (withCategories.includes(lever) && !(params.categories as string[]).length) {
      errors[lever] = t('actions.sim.error.categories');
      continue;
    }
    try {
      leverTransform(fs, lever, params);
      applications.push({ lever, params });
    } catch (e) {
      errors[lever] =
        e instanceof RangeError
          ? t('actions.sim.error.region', {
              region: String(params.region ?? ''),
              provider: String(params.provider ?? ''),
            })
          : t('actions.sim.error.param');
    }
  }
  return { applications, errors };
}
