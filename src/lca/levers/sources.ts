import type { TCitedRange, TSource } from '../index.js';

/** Sources of the figures the levers carry themselves (the engine's own figures cite the factor set's sources). */
export const LEVER_SOURCES: Record<string, TSource> = {
  'ademe-refurbished-2022': {
    title:
      'ADEME, « Évaluation de l’impact environnemental d’un ensemble de produits reconditionnés » (smartphones, tablettes, ordinateurs portables et fixes), September 2022',
    url: 'https://librairie.ademe.fr/',
    year: 2022,
    licence: 'ADEME publication; figures cited with attribution',
  },
  'techcare-lever-assumption': {
    title: 'Techcare assumption where no published figure exists; stated with the lever and in docs/methodology.md',
    url: '/methodology',
    year: 2026,
    licence: 'CC BY 4.0',
  },
};

/**
 * Share of a device's annual embodied impact avoided when a refurbished unit replaces a new one.
 *
 * - Smartphones: ADEME 2022 finds a refurbished smartphone's annual impact 77 % to 91 % lower than a new one's
 *   depending on the indicator, 87 % on climate change. We use 0.87 with 0.77–0.91 as the range.
 * - Laptops, desktops, tablets: ADEME 2022 gives about 27 kgCO2e avoided per year of use for a refurbished laptop.
 *   Divided by the annualised embodied GWP of a new laptop (techcare-2026.1: 181 kg over 5 years = 36.2 kg/year,
 *   0.75; techcare-2027.1, ADEME/Arcep 2022: 185.4 kg over 5 years = 37.1 kg/year, 0.73) that is ≈ 0.75 (our
 *   derivation, not an ADEME figure); range 0.6–0.87 (up to the smartphone figure).
 * - Servers and any other device: ADEME only extrapolated servers from laptops; we take a cautious 0.5 (0.3–0.75).
 * The same share is applied to every criterion (ADEME's spread across indicators is within the range above).
 */
export const REFURBISHED_REDUCTION: Record<string, TCitedRange> = {
  smartphone: { value: 0.87, low: 0.77, high: 0.91, source: 'ademe-refurbished-2022' },
  laptop: {
    value: 0.75,
    low: 0.6,
    high: 0.87,
    source: 'ademe-refurbished-2022',
    note: 'Techcare derivation from ADEME’s 27 kgCO2e avoided per year',
  },
  desktop: {
    value: 0.75,
    low: 0.6,
    high: 0.87,
    source: 'ademe-refurbished-2022',
    note: 'laptop figure applied to desktops',
  },
  tablet: {
    value: 0.75,
    low: 0.6,
    high: 0.87,
    source: 'ademe-refurbished-2022',
    note: 'laptop figure applied to tablets',
  },
  default: { value: 0.5, low: 0.3, high: 0.75, source: 'techcare-lever-assumption' },
};

/** The reduction share for a category (the `default` row when the category has no figure of its own). */
export function refurbishedReduction(category: string): TCitedRange {
  return REFURBISHED_REDUCTION[category] ?? REFURBISHED_REDUCTION.default!;
}
