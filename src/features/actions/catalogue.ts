import type { TCriterion, TTier } from '../../lca/index.js';
import { LEVER_SOURCES, type TQuantifiedLever } from '../../lca/levers/index.js';
import type { TDimensionId } from '../../referentials/maturity-grid.js';

export type TEffort = 'low' | 'medium' | 'high';
export const efforts: readonly TEffort[] = ['low', 'medium', 'high'];

/**
 * A lever of the catalogue. Texts live in i18n under `actions.lever.<slug>.{title,summary,how,gain,prerequisites}`;
 * this record holds what pages filter, link and compute on.
 */
export interface TLever {
  slug: string;
  tiers: readonly TTier[];
  criteria: readonly TCriterion[];
  effort: TEffort;
  /** The engine transformation that simulates it, when the lever can be quantified on an inventory. */
  quantified?: TQuantifiedLever;
  /** RGESN 2024 criterion numbers the lever helps validate. */
  rgesn: readonly string[];
  dimensions: readonly TDimensionId[];
  /** Workshop themes (`/workshops?theme=`). */
  workshopThemes: readonly string[];
  /** Training catalogue filters (`/trainings?…`). */
  trainings: readonly Record<string, string>[];
  /** Ids of `catalogueSources`: where the typical gain and the advice come from. */
  sources: readonly string[];
}

/** Sources cited by the catalogue (the levers' own figures and the factor set's are cited by their modules). */
export const catalogueSources: Record<string, { title: string; url: string; year: number }> = {
  'ademe-arcep-2022': {
    title: 'ADEME, Arcep — Évaluation de l’impact environnemental du numérique en France (2022, update 2023)',
    url: 'https://www.arcep.fr/la-regulation/grands-dossiers-thematiques-transverses/lempreinte-environnementale-du-numerique.html',
    year: 2023,
  },
  'ademe-refurbished-2022': { ...LEVER_SOURCES['ademe-refurbished-2022']!, url: 'https://librairie.ademe.fr/' },
  'rgesn-2024': {
    title: 'Arcep, Arcom — Référentiel général d’écoconception de services numériques (RGESN), 2024',
    url: 'https://ecoresponsable.numerique.gouv.fr/publications/referentiel-general-ecoconception/',
    year: 2024,
  },
  'dinum-purchasing': {
    title: 'DINUM (MiNumEco) — Guide pratique pour des achats numériques responsables',
    url: 'https://ecoresponsable.numerique.gouv.fr/publications/guide-pratique-achats-numeriques-responsables/',
    year: 2021,
  },
  'agec-2020': {
    title:
      'Loi n° 2020-105 du 10 février 2020 relative à la lutte contre le gaspillage et à l’économie circulaire (AGEC)',
    url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000041553759',
    year: 2020,
  },
  'uptime-2023': {
    title: 'Uptime Institute — Global Data Center Survey 2023 (average PUE 1.58)',
    url: 'https://uptimeinstitute.com/resources/research-and-reports/uptime-institute-global-data-center-survey-results-2023',
    year: 2023,
  },
  'uba-2021': {
    title: 'Umweltbundesamt — Green Cloud Computing (2021), server component model as used by Boavizta',
    url: 'https://www.umweltbundesamt.de/publikationen/green-cloud-computing',
    year: 2021,
  },
  ember: {
    title: 'Ember — electricity data (carbon intensity of electricity by country)',
    url: 'https://ember-energy.org/data/',
    year: 2024,
  },
  'swd-v4': {
    title: 'Sustainable Web Design model, version 4',
    url: 'https://sustainablewebdesign.org/estimating-digital-emissions/',
    year: 2024,
  },
  'dinum-skills-2024': {
    title: 'DINUM — référentiel de compétences numérique responsable (2024)',
    url: 'https://ecoresponsable.numerique.gouv.fr/',
    year: 2024,
  },
  'techcare-lever-assumption': { ...LEVER_SOURCES['techcare-lever-assumption']! },
};

/** The catalogue, in display order. Gains of quantified levers are computed on the member's own inventory. */
export const levers: readonly TLever[] = [
  {
    slug: 'extend-lifespan',
    tiers: ['terminals', 'network', 'datacenter'],
    criteria: ['gwp', 'adpe', 'wu', 'pe'],
    effort: 'low',
    quantified: 'extend-lifespan',
    rgesn: ['2.2', '2.4', '3.4'],
    dimensions: ['purchasing', 'endoflife'],
    workshopThemes: ['purchasing'],
    trainings: [{ audience: 'buyers' }],
    sources: ['ademe-arcep-2022'],
  },
  {
    slug: 'buy-refurbished',
    tiers: ['terminals'],
    criteria: ['gwp', 'adpe', 'wu', 'pe'],
    effort: 'low',
    quantified: 'refurbished',
    rgesn: [],
    dimensions: ['purchasing'],
    workshopThemes: ['purchasing'],
    trainings: [{ audience: 'buyers' }],
    sources: ['ademe-refurbished-2022'],
  },
  {
    slug: 'fewer-devices',
    tiers: ['terminals'],
    criteria: ['gwp', 'adpe', 'wu', 'pe'],
    effort: 'medium',
    quantified: 'fewer-devices',
    rgesn: [],
    dimensions: ['purchasing', 'awareness'],
    workshopThemes: ['purchasing'],
    trainings: [{ audience: 'managers' }],
    sources: ['ademe-arcep-2022'],
  },
  {
    slug: 'consolidate-servers',
    tiers: ['datacenter'],
    criteria: ['gwp', 'adpe', 'pe'],
    effort: 'high',
    quantified: 'consolidate-servers',
    rgesn: ['3.1', '3.2', '3.7'],
    dimensions: ['datacentres'],
    workshopThemes: ['datacentres'],
    trainings: [{ audience: 'ops' }],
    sources: ['uba-2021'],
  },
  {
    slug: 'improve-pue',
    tiers: ['datacenter'],
    criteria: ['gwp', 'adpe', 'pe'],
    effort: 'high',
    quantified: 'better-pue',
    rgesn: ['8.1', '8.3', '8.7'],
    dimensions: ['datacentres'],
    workshopThemes: ['datacentres'],
    trainings: [{ audience: 'ops' }],
    sources: ['uptime-2023'],
  },
  {
    slug: 'cleaner-cloud-region',
    tiers: ['cloud'],
    criteria: ['gwp', 'adpe', 'pe'],
    effort: 'medium',
    quantified: 'cloud-region',
    rgesn: ['8.5', '8.6', '8.10'],
    dimensions: ['datacentres'],
    workshopThemes: ['datacentres'],
    trainings: [{ audience: 'ops' }],
    sources: ['ember'],
  },
  {
    slug: 'switch-off-idle',
    tiers: ['terminals', 'network', 'datacenter', 'cloud'],
    criteria: ['gwp', 'adpe', 'pe'],
    effort: 'low',
    quantified: 'switch-off-idle',
    rgesn: ['3.7'],
    dimensions: ['awareness', 'datacentres'],
    workshopThemes: ['datacentres', 'training'],
    trainings: [{ audience: 'everyone' }],
    sources: ['ademe-arcep-2022'],
  },
  {
    slug: 'eco-design-services',
    tiers: ['terminals', 'cloud', 'transfer'],
    criteria: ['gwp', 'adpe', 'pe'],
    effort: 'high',
    rgesn: ['1.1', '2.2', '4.3', '5.2', '6.1', '6.2', '6.3', '7.1'],
    dimensions: ['ecodesign'],
    workshopThemes: ['ecodesign'],
    trainings: [{ audience: 'developers' }, { audience: 'designers' }],
    sources: ['rgesn-2024'],
  },
  {
    slug: 'reduce-data-transfer',
    tiers: ['transfer'],
    criteria: ['gwp'],
    effort: 'medium',
    quantified: 'reduce-transfer',
    rgesn: ['4.1', '5.2', '5.3', '6.2', '6.3'],
    dimensions: ['ecodesign'],
    workshopThemes: ['ecodesign'],
    trainings: [{ audience: 'developers' }],
    sources: ['swd-v4'],
  },
  {
    slug: 'reuse-end-of-life',
    tiers: ['terminals', 'network', 'datacenter'],
    criteria: ['gwp', 'adpe'],
    effort: 'medium',
    quantified: 'end-of-life-reuse',
    rgesn: ['2.7'],
    dimensions: ['endoflife'],
    workshopThemes: ['purchasing'],
    trainings: [{ audience: 'buyers' }],
    sources: ['agec-2020', 'techcare-lever-assumption'],
  },
  {
    slug: 'sustainable-purchasing',
    tiers: ['terminals', 'network', 'datacenter', 'cloud'],
    criteria: ['gwp', 'adpe', 'wu', 'pe'],
    effort: 'medium',
    rgesn: ['2.8', '8.2'],
    dimensions: ['purchasing'],
    workshopThemes: ['purchasing'],
    trainings: [{ audience: 'buyers' }],
    sources: ['dinum-purchasing', 'agec-2020'],
  },
  {
    slug: 'train-teams',
    tiers: [],
    criteria: [],
    effort: 'low',
    rgesn: ['1.3'],
    dimensions: ['awareness'],
    workshopThemes: ['training'],
    trainings: [{ audience: 'everyone' }, { audience: 'managers' }],
    sources: ['dinum-skills-2024'],
  },
  {
    slug: 'data-sobriety',
    tiers: ['datacenter', 'cloud'],
    criteria: ['gwp', 'adpe', 'pe'],
    effort: 'medium',
    rgesn: ['1.6', '5.8', '7.2', '8.8', '8.9'],
    dimensions: ['datacentres', 'ecodesign'],
    workshopThemes: ['datacentres', 'ecodesign'],
    trainings: [{ audience: 'data' }],
    sources: ['rgesn-2024'],
  },
  {
    slug: 'govern-and-measure',
    tiers: [],
    criteria: [],
    effort: 'medium',
    rgesn: ['1.3', '1.4', '1.5'],
    dimensions: ['strategy', 'measurement'],
    workshopThemes: ['strategy', 'measurement'],
    trainings: [{ audience: 'managers' }],
    sources: ['ademe-arcep-2022', 'rgesn-2024'],
  },
];

/** Every lever of the catalogue, in display order. */
export function listLevers(): readonly TLever[] {
  return levers;
}

/** One lever by slug, or undefined. */
export function getLever(slug: string): TLever | undefined {
  return levers.find((l) => l.slug === slug);
}

/** The catalogue lever that a quantified transformation belongs to. */
export function leverOfTransform(id: TQuantifiedLever): TLever {
  return levers.find((l) => l.quantified === id)!;
}
