/**
 * Builds the project's own factor set `techcare-2027.1` from the reference figures gathered under
 * ../shared/data/boavizta-2.4.1 and ../shared/data/ademe-arcep-2022 (used as a source of FIGURES only; each figure
 * below cites its original source). `techcare-2026.1` was written by the previous version of this script (see the
 * repository history) and stays shipped, unchanged, so stored results can be reproduced.
 *
 * Run once: `npx tsx scripts/data/build-factor-set.ts [path-to-boavizta-folder] [--ademe path-to-ademe-arcep-folder]`.
 * A published factor set is immutable: the script refuses to overwrite it unless `--force` is given (only before
 * publication). It checks every figure against physical and statistical bounds and quarantines the impossible ones
 * (they are listed in the factor set with the reason, and the engine reports them as gaps).
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { averageIntensity } from '@tgwf/co2';
import { ALPHA3_TO_ALPHA2 } from './iso-alpha2.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const force = args.includes('--force');
const ademeAt = args.indexOf('--ademe');
const ademeDir =
  ademeAt !== -1
    ? need(args[ademeAt + 1], 'the directory after --ademe')
    : join(here, '../../../shared/data/ademe-arcep-2022');
const src =
  args.find((a, i) => !a.startsWith('--') && (ademeAt === -1 || i !== ademeAt + 1)) ??
  join(here, '../../../shared/data/boavizta-2.4.1');
const ID = 'techcare-2027.1';
const out = join(here, '../../src/data/factor-sets', ID);
if (existsSync(join(out, 'factor-set.json')) && !force) {
  console.error(
    `${ID} is published and immutable; create a new factor set id instead (or --force before publication).`,
  );
  process.exit(1);
}
mkdirSync(out, { recursive: true });

type Range = { value: number; low: number; high: number; source: string; note?: string };
const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(join(src, file)), { columns: true, skip_empty_lines: true, bom: true });
/** A value the source files must hold; a missing one stops the build with its name rather than writing NaN. */
function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`source data: ${what} is missing`);
  return value;
}
const frNum = (s: string | undefined): number => Number(need(s, 'a number field').replace(',', '.'));
const r = (value: number, source: string, low = value, high = value, note?: string): Range => {
  const lo = Math.min(low, high, value);
  const hi = Math.max(low, high, value);
  return note ? { value, low: lo, high: hi, source, note } : { value, low: lo, high: hi, source };
};

/**
 * The band of a published figure given the other published estimates: centred on the figure followed (in ratio:
 * ÷ k to × k), its width the disagreement of all the sources, k = √(max / min). Centring keeps the headline value
 * the median of its own uncertainty (docs/methodology.md, "Central values"); the sources' own min and max are
 * written in the note.
 */
function centredRatio(value: number, others: number[]): number {
  const all = [value, ...others].filter((x) => x > 0);
  return value > 0 && all.length > 1 ? Math.sqrt(Math.max(...all) / Math.min(...all)) : 1;
}
const centred = (value: number, others: number[], source: string, note: string): Range => {
  const k = centredRatio(value, others);
  return r(
    value,
    source,
    value / k,
    value * k,
    k > 1 ? `${note}; band centred on the figure followed, ÷/× ${k.toFixed(2)}` : note,
  );
};

// 1. Sources: every figure refers to one of these ids.
const sources = {
  'ademe-base-impacts': {
    title: 'ADEME Base IMPACTS (NegaOctet subset of end-user devices), gathered by Boavizta',
    url: 'https://base-empreinte.ademe.fr/',
    year: 2021,
    licence: 'ADEME Base IMPACTS; indicator values publishable (CADA opinion 20203670)',
  },
  'ademe-arcep-2022': {
    title:
      'ADEME / Arcep, Évaluation de l’impact environnemental du numérique en France (2022, 2020 data), figures as published on impactco2.fr',
    url: 'https://impactco2.fr/outils/numerique',
    year: 2022,
    licence: 'Licence Ouverte / Etalab 2.0',
  },
  'boavizta-pcf': {
    title: 'Boavizta environmental-footprint-data: manufacturers’ product carbon footprints (median, p10–p90)',
    url: 'https://github.com/Boavizta/environmental-footprint-data',
    year: 2023,
    licence: 'figures cited as facts (repository MIT)',
  },
  ecodiag: {
    title: 'CNRS EcoInfo, Ecodiag emission factors for labs and schools',
    url: 'https://ecoinfo.cnrs.fr/ecodiag-calcul/',
    year: 2021,
    licence: 'figures cited as facts',
  },
  'boavizta-use': {
    title: 'Boavizta working group, default use profiles of end-user devices (BoaviztAPI 2.4.1 data)',
    url: 'https://github.com/Boavizta/boaviztapi',
    year: 2024,
    licence: 'figures cited as facts',
  },
  'ademe-lifespan': {
    title: 'ADEME, default lifespans of digital equipment (ADEME / Arcep 2022 study)',
    url: 'https://librairie.ademe.fr/',
    year: 2022,
    licence: 'Licence Ouverte / Etalab 2.0',
  },
  'uba-2021': {
    title: 'UBA (German Environment Agency), Green Cloud Computing, Texte 94/2021, component manufacture constants',
    url: 'https://www.umweltbundesamt.de/publikationen/green-cloud-computing',
    year: 2021,
    licence: 'public report, figures cited as facts',
  },
  'boavizta-defaults': {
    title:
      'Boavizta, BoaviztAPI component defaults (RAM 0.625 GB/cm², SSD 48.5 GB/cm², die 24.5 mm² per core, archetype Dell R740, CPU power curve, RAM W/GB, other-consumption ratio)',
    url: 'https://doc.api.boavizta.org/',
    year: 2024,
    licence: 'figures cited as facts',
  },
  'cpu-specs': {
    title: 'Public CPU specifications (TechPowerUp, WikiChip) compiled by Boavizta',
    url: 'https://www.techpowerup.com/cpu-specs/',
    year: 2024,
    licence: 'figures cited as facts',
  },
  'scarlat-2021': {
    title:
      'Scarlat et al., Quantification of the carbon intensity of electricity produced and used in Europe, Applied Energy 2022 (2019 data)',
    url: 'https://doi.org/10.1016/j.apenergy.2021.117901',
    year: 2021,
    licence: 'CC BY 4.0',
  },
  'ember-2020': {
    title: 'Ember, data explorer, electricity carbon intensity (2020 data)',
    url: 'https://ember-climate.org/data/data-explorer',
    year: 2020,
    licence: 'CC BY 4.0',
  },
  'ademe-base-impacts-elec': {
    title: 'ADEME Base IMPACTS, electricity mixes per country (2011 data), gathered by Boavizta',
    url: 'https://base-empreinte.ademe.fr/',
    year: 2011,
    licence: 'ADEME Base IMPACTS',
  },
  'boavizta-pe': {
    title: 'Boavizta, primary energy of electricity = ADPf / (1 − renewable share), renewable shares from IRENA (2016)',
    url: 'https://github.com/Boavizta/boaviztapi',
    year: 2016,
    licence: 'figures cited as facts',
  },
  'boavizta-world-avg': {
    title: 'Boavizta, world GWP of electricity = average of the countries of its table (2019–2020 data)',
    url: 'https://github.com/Boavizta/boaviztapi',
    year: 2020,
    licence: 'figures cited as facts',
  },
  'ademe-base-empreinte-fr': {
    title:
      'ADEME Base Empreinte® (release v23, 2023), « Électricité – 2022 – mix moyen – consommation », France continentale: 0.0520 kgCO2e/kWh, life cycle included',
    url: 'https://base-empreinte.ademe.fr/',
    year: 2023,
    licence: 'Licence Ouverte / Etalab 2.0',
  },
  'ember-co2js': {
    title:
      'Ember yearly electricity data, average grid intensity (combustion only), as shipped in CO2.js 0.19 (@tgwf/co2)',
    url: 'https://ember-climate.org/data/data-explorer/',
    year: 2024,
    licence: 'CC BY-SA 4.0 (Ember data); Apache-2.0 (CO2.js)',
  },
  'boavizta-ram-density': {
    title:
      'BoaviztAPI crowdsourced RAM manufacture data: mean of 11 RAM die densities, 0.625 to 2.375 GB/cm² (mean 1.2444)',
    url: 'https://github.com/Boavizta/boaviztapi',
    year: 2024,
    licence: 'figures cited as facts',
  },
  'boavizta-ssd-density': {
    title:
      'BoaviztAPI crowdsourced SSD manufacture data: mean of 19 NAND die densities published by TechInsights, The Memory Guy, SemiEngineering and Flash Memory Summit 2019, 16.4 to 128 GB/cm² (mean 54.88)',
    url: 'https://github.com/Boavizta/boaviztapi',
    year: 2024,
    licence: 'figures cited as facts',
  },
  'ieee-802-3-poe': {
    title:
      'IEEE 802.3af/at Power over Ethernet: power available at the powered device, class 2 up to 6.49 W, class 4 up to 25.5 W',
    url: 'https://standards.ieee.org/ieee/802.3/',
    year: 2009,
    licence: 'figures cited as facts',
  },
  ccf: {
    title: 'Cloud Carbon Footprint methodology coefficients (min/max W per vCPU, memory, storage, networking, PUE)',
    url: 'https://www.cloudcarbonfootprint.org/docs/methodology',
    year: 2023,
    licence: 'Apache-2.0',
  },
  sci: {
    title:
      'Green Software Foundation, Software Carbon Intensity (SCI) specification: embodied share M = TE × TR/EL × RR/TR',
    url: 'https://sci-guide.greensoftware.foundation/',
    year: 2024,
    licence: 'CC BY 4.0',
  },
  'cloud-instances': {
    title: 'Cloud providers’ documentation of instance types and host platforms, compiled by Boavizta',
    url: 'https://github.com/Boavizta/boaviztapi',
    year: 2024,
    licence: 'figures cited as facts',
  },
  'uptime-2023': {
    title: 'Uptime Institute, Global Data Center Survey 2023: average annual PUE 1.58',
    url: 'https://uptimeinstitute.com/resources/research-and-reports/uptime-institute-global-data-center-survey-results-2023',
    year: 2023,
    licence: 'figures cited as facts',
  },
  'swd-v4': {
    title: 'Sustainable Web Design model v4, as implemented by CO2.js 0.19 (@tgwf/co2)',
    url: 'https://sustainablewebdesign.org/estimating-digital-emissions/',
    year: 2024,
    licence: 'Apache-2.0 (CO2.js)',
  },
  onebyte: {
    title: 'The Shift Project, 1byte model, as implemented by CO2.js 0.19 (@tgwf/co2)',
    url: 'https://developers.thegreenwebfoundation.org/co2js/models/',
    year: 2018,
    licence: 'Apache-2.0 (CO2.js)',
  },
  'techcare-assumption': {
    title:
      'Techcare assumption where no open figure exists; stated in docs/methodology.md, to be replaced by a cited figure',
    url: 'docs/methodology.md',
    year: 2026,
    licence: 'CC BY 4.0',
  },
};

// 2. End-user devices and peripherals.
//    Default (profile `ademe-fr`): the ADEME/Arcep 2022 study for GWP, split into manufacture (BLD), assembly and
//    distribution (DIS) and end of life (EOL), its yearly use and its lifespans; the other criteria from ADEME Base
//    IMPACTS (whole-life figures, booked in BLD, said so by the engine). Profile `boavizta-eu` keeps Base IMPACTS
//    archetypes with BoaviztAPI use profiles.
const bi = rows('ademe_base_impacts_negaoctet.csv');
const biRow = (cat: string, type = ''): Record<string, string> => {
  const row = bi.find((x) => x.Category === cat && x.type === type);
  if (!row) throw new Error(`Base IMPACTS row ${cat}/${type} missing`);
  return row;
};
type Quarantined = { criterion: string; phase: string; value: number; source: string; reason: string };
const OTHER_CRITERIA: Record<string, string> = { adpe: 'ADPe', wu: 'WU', ap: 'AP', pm: 'PM', ir: 'IR' };
/**
 * The Base IMPACTS criteria other than GWP, with the relative spread of the GWP sources as low/high (assumption).
 * Negative values (every device's water use in this subset: end-of-life credits larger than the rest) are
 * quarantined: left out of totals, listed with the reason.
 */
function otherCriteria(
  row: Record<string, string>,
  loRatio: number,
  hiRatio: number,
  quarantined: Quarantined[],
): Record<string, Range> {
  const out: Record<string, Range> = {};
  for (const [c, col] of Object.entries(OTHER_CRITERIA)) {
    const v = frNum(row[col]);
    if (v < 0) {
      quarantined.push({
        criterion: c,
        phase: 'BLD',
        value: v,
        source: 'ademe-base-impacts',
        reason:
          'negative source value (end-of-life credit larger than manufacture and use of water): left out of totals',
      });
      continue;
    }
    out[c] = r(
      v,
      'ademe-base-impacts',
      v * loRatio,
      v * hiRatio,
      'low/high: relative spread of the GWP estimates (assumption)',
    );
  }
  return out;
}
/** Boavizta embodied (profile boavizta-eu): Base IMPACTS GWP with the other studies' spread, whole-life in BLD. */
function biEmbodied(
  row: Record<string, string>,
  gwpOthers: number[],
  spreadNote: string,
  quarantined: Quarantined[],
): Record<string, Range> {
  const gwp = frNum(row.GWP);
  const k = centredRatio(gwp, gwpOthers);
  return {
    gwp: centred(gwp, gwpOthers, 'ademe-base-impacts', spreadNote),
    ...otherCriteria(row, 1 / k, k, quarantined),
  };
}
const use = rows('user_terminal.csv');
function bzUse(id: string): { powerW: Range; hoursPerYear: Range; kwh: [number, number, number] } {
  const row = use.find((x) => x.id === id);
  if (!row) throw new Error(`use profile ${id} missing`);
  const [d = NaN, mn = d, mx = d] = need(row['USAGE.avg_power'], `USAGE.avg_power of ${id}`).split(';').map(Number);
  const ratio = Number(row['USAGE.use_time_ratio']);
  const h = 8760 * ratio;
  return {
    powerW: r(d, 'boavizta-use', mn, mx),
    hoursPerYear: r(h, 'boavizta-use', h, h, `8760 h × use ratio ${ratio}`),
    kwh: [(d * h) / 1000, (mn * h) / 1000, (mx * h) / 1000],
  };
}
const bzProfile = (id: string): { powerW: Range; hoursPerYear: Range } => {
  const u = bzUse(id);
  return { powerW: u.powerW, hoursPerYear: u.hoursPerYear };
};
const life = (value: number, source: string, low = value, high = value, note?: string): Range =>
  r(value, source, low, high, note);

/** ADEME's French electricity figure the study's yearly use (kgCO2e) is turned into kWh with (see docs/methodology.md). */
const FR_GWP = 0.052;
const ademe = new Map<string, Record<string, string>>();
for (const row of parse(readFileSync(join(ademeDir, 'devices-gwp.csv')), {
  columns: true,
  skip_empty_lines: true,
  bom: true,
}) as Record<string, string>[])
  ademe.set(need(row.slug, 'an ADEME slug'), row);
const num = (s: string | undefined): number => (s === undefined || s.trim() === '' ? 0 : Number(s));

interface TAdemeSpec {
  slug: string;
  tier: string;
  /** Other published whole-life GWP estimates (kgCO2e), for the range; empty: single source. */
  others: number[];
  spreadNote: string;
  /** Base IMPACTS row for the criteria beyond GWP. */
  bi?: [string, string?];
  /** BoaviztAPI use profile, for the range of the yearly energy. */
  bzUse?: string;
  /** Lifespan range and note, when other sources give one; lifespan when the study gives none. */
  lifeLow?: number;
  lifeHigh?: number;
  lifeNote?: string;
  lifeFallback?: Range;
  /** Why there is no use phase, when the study gives none and no other source applies. */
  noUse?: string;
}
const ademeSpecs: Record<string, TAdemeSpec> = {
  laptop: {
    slug: 'ordinateurportable',
    tier: 'terminals',
    others: [181, 175, 156, 339, 260],
    spreadNote:
      'low/high: min/max of Base IMPACTS 181 pro / 175 personal, Ecodiag 260, manufacturer PCF p10 156 – p90 339',
    bi: ['Laptop', 'pro'],
    bzUse: 'laptop-pro',
    lifeLow: 4,
    lifeNote: 'low: Boavizta professional laptop 35,040 h = 4 years',
  },
  desktop: {
    slug: 'ordinateurfixeprofessionnel',
    tier: 'terminals',
    others: [277, 268.1, 196, 490, 300],
    spreadNote:
      'low/high: min/max of Base IMPACTS 277, ADEME/Arcep personal 268.1, Ecodiag 300, manufacturer PCF p10 196 – p90 490',
    bi: ['Desktop', 'pro'],
    bzUse: 'desktop-pro',
  },
  desktop_consumer: {
    slug: 'ordinateurfixeparticulier',
    tier: 'terminals',
    others: [277, 211, 196, 490, 300],
    spreadNote:
      'low/high: min/max of Base IMPACTS 277, ADEME/Arcep professional 211, Ecodiag 300, manufacturer PCF p10 196 – p90 490',
    bi: ['Desktop', 'perso'],
    bzUse: 'desktop-perso',
  },
  monitor: {
    slug: 'ecran',
    tier: 'terminals',
    others: [64.7, 174, 520, 430],
    spreadNote: 'low/high: min/max of Base IMPACTS 64.7, Ecodiag 430, manufacturer PCF p10 174 – p90 520',
    bi: ['Monitor'],
    bzUse: 'monitor-default',
    lifeHigh: 6.6,
    lifeNote: 'high: Boavizta 57,816 h = 6.6 years',
  },
  smartphone: {
    slug: 'smartphone',
    tier: 'terminals',
    others: [84, 31, 77, 63],
    spreadNote: 'low/high: min/max of Base IMPACTS 84, Ecodiag 63, manufacturer PCF p10 31 – p90 77',
    bi: ['Smartphone'],
    bzUse: 'smartphone-default',
  },
  tablet: {
    slug: 'tabletteclassique',
    tier: 'terminals',
    others: [75.9, 48, 122],
    spreadNote: 'low/high: min/max of Base IMPACTS 75.9, manufacturer PCF p10 48 – p90 122',
    bi: ['Tablet'],
    bzUse: 'tablet-default',
  },
  tv: {
    slug: 'television',
    tier: 'terminals',
    others: [360, 152],
    spreadNote: 'low/high: min/max of Base IMPACTS 360 personal / 152 professional',
    bi: ['Television', 'perso'],
    bzUse: 'tv-perso',
  },
  box: {
    slug: 'box',
    tier: 'network',
    others: [36.1],
    spreadNote: 'low/high: min/max of Base IMPACTS 36.1',
    bi: ['Box'],
    bzUse: 'box-default',
  },
  external_hdd: {
    slug: 'disquedur',
    tier: 'terminals',
    others: [15.8],
    spreadNote: 'low/high: min/max of Base IMPACTS 15.8',
    bi: ['ExternalHHD'],
    bzUse: 'hdd-default',
    lifeFallback: life(5, 'boavizta-use', 5, 5, '43,800 h (the study gives no lifespan)'),
  },
  usb_stick: {
    slug: 'clefusb',
    tier: 'terminals',
    others: [6.25],
    spreadNote: 'low/high: min/max of Base IMPACTS 6.25',
    bi: ['USBStick'],
    bzUse: 'usb-stick-default',
    lifeFallback: life(5, 'boavizta-use', 5, 5, '43,800 h (the study gives no lifespan)'),
  },
  smart_speaker: {
    slug: 'enceintebluetooth',
    tier: 'terminals',
    others: [],
    spreadNote: 'single source: no published spread',
  },
  basic_phone: {
    slug: 'telephonebasique',
    tier: 'terminals',
    others: [],
    spreadNote: 'single source: no published spread',
  },
  vr_headset: { slug: 'casquevr', tier: 'terminals', others: [], spreadNote: 'single source: no published spread' },
  laptop_charger: {
    slug: 'alimentationordinateur',
    tier: 'terminals',
    others: [],
    spreadNote: 'single source: no published spread',
    lifeFallback: life(
      5,
      'techcare-assumption',
      4,
      5,
      'the study gives no lifespan: that of the laptop it comes with (assumption)',
    ),
    noUse: 'a power adapter’s losses are part of the yearly use of the device it powers',
  },
  phone_charger: {
    slug: 'alimentationsmartphone',
    tier: 'terminals',
    others: [],
    spreadNote: 'single source: no published spread',
    lifeFallback: life(
      2.5,
      'techcare-assumption',
      2.5,
      2.5,
      'the study gives no lifespan: that of the smartphone it comes with (assumption)',
    ),
    noUse: 'a power adapter’s losses are part of the yearly use of the device it powers',
  },
};

/** One ADEME/Arcep row as an archetype: GWP per phase, other criteria from Base IMPACTS, yearly use in kWh. */
function ademeDevice(id: string, spec: TAdemeSpec): Record<string, unknown> {
  const row = ademe.get(spec.slug);
  if (!row) throw new Error(`ADEME/Arcep row ${spec.slug} missing`);
  const bld = num(row.construction_kg);
  const dis = num(row.assembly_distribution_kg);
  const eol = num(row.end_of_life_kg);
  const total = bld + dis + eol;
  const k = centredRatio(total, spec.others);
  const lo = 1 / k;
  const hi = k;
  const phase = (v: number): Range =>
    r(
      v,
      'ademe-arcep-2022',
      v * lo,
      v * hi,
      spec.spreadNote +
        (k > 1 ? `; band centred on the ADEME/Arcep figure, ÷/× ${k.toFixed(2)}, the same in every phase` : ''),
    );
  const quarantined: Quarantined[] = [];
  const embodied: Record<string, Range> = { gwp: phase(bld) };
  if (spec.bi) Object.assign(embodied, otherCriteria(biRow(spec.bi[0], spec.bi[1] ?? ''), lo, hi, quarantined));
  const out: Record<string, unknown> = {
    tier: spec.tier,
    embodied,
    distribution: { gwp: phase(dis) },
    endOfLife: { gwp: phase(eol) },
  };
  const years = num(row.default_lifespan_years);
  out.lifespanYears =
    years > 0
      ? life(years, 'ademe-arcep-2022', spec.lifeLow ?? years, spec.lifeHigh ?? years, spec.lifeNote)
      : (spec.lifeFallback ??
        (() => {
          throw new Error(`${id}: no lifespan`);
        })());
  if (row.use_kg_per_year !== undefined && row.use_kg_per_year.trim() !== '') {
    const kwh = num(row.use_kg_per_year) / FR_GWP;
    const bz = spec.bzUse ? bzUse(spec.bzUse).kwh : undefined;
    const note =
      `the study’s ${row.use_kg_per_year} kgCO2e a year ÷ ${FR_GWP} kgCO2e/kWh (ADEME French mix)` +
      (bz
        ? `; spread: BoaviztAPI’s use profile gives ${bz[1].toFixed(1)} to ${bz[2].toFixed(1)} kWh`
        : '; single source');
    // Hours of use (BoaviztAPI) are kept so a line that gives its own power gets a yearly energy.
    out.use = {
      annualKwh: centred(kwh, bz ? [bz[1], bz[2]] : [], 'ademe-arcep-2022', note),
      ...(spec.bzUse ? { hoursPerYear: bzUse(spec.bzUse).hoursPerYear } : {}),
    };
  } else if (spec.bzUse) out.use = bzProfile(spec.bzUse);
  if (spec.noUse) out.noUse = spec.noUse;
  if (quarantined.length) out.quarantined = quarantined;
  return out;
}

const devices: Record<string, unknown> = {};
for (const [id, spec] of Object.entries(ademeSpecs)) devices[id] = ademeDevice(id, spec);
/** Whole-life Base IMPACTS archetypes (both profiles: ADEME/Arcep has no figure for these). */
function biDevice(
  tier: string,
  row: Record<string, string>,
  others: number[],
  note: string,
  lifespan: Range,
  useProfile?: { powerW: Range; hoursPerYear: Range },
): Record<string, unknown> {
  const quarantined: Quarantined[] = [];
  const embodied = biEmbodied(row, others, note, quarantined);
  return {
    tier,
    embodied,
    lifespanYears: lifespan,
    ...(useProfile ? { use: useProfile } : {}),
    ...(quarantined.length ? { quarantined } : {}),
  };
}
devices.external_ssd = biDevice(
  'terminals',
  biRow('ExternalSSD'),
  [],
  'single source: no published spread',
  life(5, 'boavizta-use', 5, 5, '43,800 h'),
  bzProfile('external-ssd-default'),
);
devices.server = biDevice(
  'datacenter',
  biRow('Server'),
  [1278, 726, 1946, 1300],
  'low/high: min/max of Base IMPACTS 3,660, Ecodiag 1,300, manufacturer PCF p10 726 – p90 1,946',
  life(4, 'ademe-lifespan', 4, 6, 'high: Boavizta cloud platforms 52,560 h = 6 years'),
);
// Peripherals and network gear without an ADEME/Arcep or Base IMPACTS row: cited embodied figures where one exists;
// the use figures are stated assumptions bounded by published limits (PoE classes), always on.
const always = (w: Range): { powerW: Range; hoursPerYear: Range } => ({
  powerW: w,
  hoursPerYear: r(8760, 'techcare-assumption', 8760, 8760, 'always on'),
});
// A 48-port switch as a 1U box of the UBA constants: rack case 150 + motherboard 66.1 + assembly 6.68 + one 1 kg
// power supply 24.3 kgCO2e; low without the case (a desktop switch), high with two 2.99 kg supplies.
const switchGwp = 150 + 66.1 + 6.68 + 24.3;
devices.network_switch = {
  tier: 'network',
  embodied: {
    gwp: r(
      switchGwp,
      'uba-2021',
      66.1 + 6.68 + 24.3,
      150 + 66.1 + 6.68 + 2 * 2.99 * 24.3,
      'derived: a 1U 48-port switch as rack case + motherboard + assembly + one 1 kg power supply of the UBA constants; low: no case; high: two 2.99 kg supplies',
    ),
    pe: r(
      2200 + 836 + 68.6 + 352,
      'uba-2021',
      836 + 68.6 + 352,
      2200 + 836 + 68.6 + 2 * 2.99 * 352,
      'derived as for GWP',
    ),
    adpe: r(
      0.0202 + 3.69e-3 + 1.41e-6 + 8.3e-3,
      'uba-2021',
      3.69e-3 + 1.41e-6 + 8.3e-3,
      0.0202 + 3.69e-3 + 1.41e-6 + 2 * 2.99 * 8.3e-3,
      'derived as for GWP',
    ),
  },
  lifespanYears: life(5, 'techcare-assumption', 3, 7),
  use: always(
    r(40, 'techcare-assumption', 20, 150, 'a 48-port access switch without PoE load (assumption); high: with PoE load'),
  ),
};
devices.printer = {
  tier: 'terminals',
  embodied: {
    gwp: r(
      130,
      'boavizta-pcf',
      90,
      150,
      'median and p10–p90 of manufacturers’ PCFs; Ecodiag gives 100 (+ consumables)',
    ),
  },
  lifespanYears: life(5, 'techcare-assumption', 3, 7),
  use: {
    annualKwh: r(
      50,
      'techcare-assumption',
      20,
      150,
      'an office laser printer’s yearly consumption, standby included (assumption, to be replaced by a cited figure)',
    ),
  },
};
devices.ip_phone = {
  tier: 'network',
  embodied: { gwp: r(17, 'ecodiag', 8.5, 25.5, 'low/high: ±50 % (assumption: single source)') },
  lifespanYears: life(5, 'techcare-assumption', 3, 7),
  use: always(
    r(
      3.5,
      'techcare-assumption',
      1.5,
      6.49,
      'high: IEEE 802.3af class 2 limit at the device; typical and low: assumption',
    ),
  ),
};
devices.wifi_access_point = {
  tier: 'network',
  embodied: { gwp: r(10, 'ecodiag', 5, 15, 'low/high: ±50 % (assumption: single source)') },
  lifespanYears: life(5, 'techcare-assumption', 3, 7),
  use: always(
    r(
      12,
      'techcare-assumption',
      5,
      25.5,
      'high: IEEE 802.3at class 4 limit at the device; typical and low: assumption',
    ),
  ),
};

/** Profile `boavizta-eu`: Base IMPACTS archetypes and BoaviztAPI use profiles for the devices ADEME/Arcep covers. */
const boaviztaDevices: Record<string, unknown> = {
  laptop: biDevice(
    'terminals',
    biRow('Laptop', 'pro'),
    [175, 185.4, 156, 339, 260],
    'low/high: min/max of Base IMPACTS 175–181, ADEME/Arcep 185.4, Ecodiag 260, manufacturer PCF p10 156 – p90 339',
    life(4, 'boavizta-use', 4, 5, 'Boavizta professional laptop 35,040 h = 4 years; high: ADEME 5'),
    bzProfile('laptop-pro'),
  ),
  desktop: biDevice(
    'terminals',
    biRow('Desktop', 'pro'),
    [211.0, 268.1, 196, 490, 300],
    'low/high: min/max of Base IMPACTS 277, ADEME/Arcep 211.0 pro / 268.1 personal, Ecodiag 300, manufacturer PCF p10 196 – p90 490',
    life(6, 'boavizta-use', 6, 6, '52,560 h'),
    bzProfile('desktop-pro'),
  ),
  monitor: biDevice(
    'terminals',
    biRow('Monitor'),
    [69.8, 174, 520, 430],
    'low/high: min/max of Base IMPACTS 64.7, ADEME/Arcep 69.8, Ecodiag 430, manufacturer PCF p10 174 – p90 520',
    life(6.6, 'boavizta-use', 6, 6.6, '57,816 h; low: ADEME 6'),
    bzProfile('monitor-default'),
  ),
  smartphone: biDevice(
    'terminals',
    biRow('Smartphone'),
    [85.3, 31, 77, 63],
    'low/high: min/max of Base IMPACTS 84, ADEME/Arcep 85.3, Ecodiag 63, manufacturer PCF p10 31 – p90 77',
    life(2.5, 'boavizta-use', 2.5, 2.5, '21,900 h'),
    bzProfile('smartphone-default'),
  ),
  tablet: biDevice(
    'terminals',
    biRow('Tablet'),
    [60.1, 48, 122],
    'low/high: min/max of Base IMPACTS 75.9, ADEME/Arcep 60.1, manufacturer PCF p10 48 – p90 122',
    life(3, 'boavizta-use', 3, 3, '26,280 h'),
    bzProfile('tablet-default'),
  ),
  tv: biDevice(
    'terminals',
    biRow('Television', 'pro'),
    [360, 387.6],
    'low/high: min/max of Base IMPACTS 152 pro / 360 personal, ADEME/Arcep 387.6',
    life(8, 'boavizta-use', 8, 8, '70,080 h'),
    bzProfile('tv-pro'),
  ),
  box: biDevice(
    'network',
    biRow('Box'),
    [63.0],
    'low/high: min/max of Base IMPACTS 36.1, ADEME/Arcep 63.0',
    life(5, 'boavizta-use', 5, 5, '43,800 h'),
    bzProfile('box-default'),
  ),
  external_hdd: biDevice(
    'terminals',
    biRow('ExternalHHD'),
    [],
    'single source: no published spread',
    life(5, 'boavizta-use', 5, 5, '43,800 h'),
    bzProfile('hdd-default'),
  ),
  usb_stick: biDevice(
    'terminals',
    biRow('USBStick'),
    [],
    'single source: no published spread',
    life(5, 'boavizta-use', 5, 5, '43,800 h'),
    bzProfile('usb-stick-default'),
  ),
};

const aliases: Record<string, string> = {
  ordinateur_portable: 'laptop',
  portable: 'laptop',
  notebook: 'laptop',
  pc_portable: 'laptop',
  ordinateur_fixe: 'desktop',
  pc_fixe: 'desktop',
  unite_centrale: 'desktop',
  workstation: 'desktop',
  ordinateur_fixe_professionnel: 'desktop',
  ordinateur_fixe_particulier: 'desktop_consumer',
  pc_fixe_particulier: 'desktop_consumer',
  consumer_desktop: 'desktop_consumer',
  ecran: 'monitor',
  ecran_d_ordinateur: 'monitor',
  screen: 'monitor',
  display: 'monitor',
  telephone: 'smartphone',
  mobile: 'smartphone',
  phone: 'smartphone',
  tablette: 'tablet',
  television: 'tv',
  televiseur: 'tv',
  imprimante: 'printer',
  telephone_ip: 'ip_phone',
  voip_phone: 'ip_phone',
  box_internet: 'box',
  routeur: 'box',
  router: 'box',
  switch: 'network_switch',
  commutateur: 'network_switch',
  commutateur_reseau: 'network_switch',
  borne_wifi: 'wifi_access_point',
  borne_wi_fi: 'wifi_access_point',
  access_point: 'wifi_access_point',
  wifi: 'wifi_access_point',
  serveur: 'server',
  instance_cloud: 'cloud_instance',
  cloud: 'cloud_instance',
  vm: 'cloud_instance',
  transfert: 'data_transfer',
  transfer: 'data_transfer',
  disque_externe: 'external_hdd',
  disque_dur_externe: 'external_hdd',
  cle_usb: 'usb_stick',
  ssd_externe: 'external_ssd',
  enceinte_connectee: 'smart_speaker',
  enceinte_bluetooth: 'smart_speaker',
  telephone_basique: 'basic_phone',
  feature_phone: 'basic_phone',
  casque_vr: 'vr_headset',
  casque_de_realite_virtuelle: 'vr_headset',
  alimentation_ordinateur: 'laptop_charger',
  chargeur_ordinateur: 'laptop_charger',
  alimentation_smartphone: 'phone_charger',
  chargeur_smartphone: 'phone_charger',
  chargeur_telephone: 'phone_charger',
};

// 3. Servers: UBA component constants (gwp, pe, adpe), Boavizta defaults and use model.
const server = {
  components: {
    cpu: {
      perMm2: { gwp: 0.0197, pe: 0.265, adpe: 5.87e-9 },
      fixed: { gwp: 9.14, pe: 156, adpe: 2.04e-2 },
      source: 'uba-2021',
    },
    ram: {
      perCm2: { gwp: 2.2, pe: 27.3, adpe: 6.3e-5 },
      fixed: { gwp: 5.22, pe: 74, adpe: 1.69e-3 },
      source: 'uba-2021',
    },
    ssd: {
      perCm2: { gwp: 2.2, pe: 27.3, adpe: 6.3e-5 },
      fixed: { gwp: 6.34, pe: 73.98, adpe: 5.63e-4 },
      source: 'uba-2021',
    },
    hdd: { fixed: { gwp: 31.11, pe: 276, adpe: 2.5e-4 }, source: 'uba-2021' },
    motherboard: { fixed: { gwp: 66.1, pe: 836, adpe: 3.69e-3 }, source: 'uba-2021' },
    assembly: { fixed: { gwp: 6.68, pe: 68.6, adpe: 1.41e-6 }, source: 'uba-2021' },
    powerSupply: { perKg: { gwp: 24.3, pe: 352, adpe: 8.3e-3 }, source: 'uba-2021' },
    case: {
      rack: { gwp: 150, pe: 2200, adpe: 0.0202 },
      bladeServer: { gwp: 30.9, pe: 435, adpe: 0.000672 },
      bladeEnclosure16: { gwp: 880, pe: 12700, adpe: 0.432 },
      tower: { gwp: 150, pe: 2200, adpe: 0.0202 },
      source: 'uba-2021',
      note: 'tower: no UBA constant, the rack case is used (assumption)',
    },
  },
  defaults: {
    cpuUnits: r(2, 'boavizta-defaults', 1, 2, 'archetype Dell R740'),
    cpuCores: r(24, 'boavizta-defaults', 8, 64),
    cpuDieMm2PerCore: r(
      24.5,
      'boavizta-defaults',
      16.6,
      40.4,
      'low/high: range of the per-core die area of server CPUs in the CPU table (assumption)',
    ),
    ramUnits: r(12, 'boavizta-defaults', 2, 24, 'archetype Dell R740'),
    ramGb: r(32, 'boavizta-defaults', 16, 64),
    ramDensityGbCm2: r(1.2444, 'boavizta-ram-density', 0.625, 2.375, 'mean of the dataset; low/high: its min and max'),
    ssdUnits: r(1, 'boavizta-defaults', 0, 2, 'archetype Dell R740'),
    ssdGb: r(400, 'boavizta-defaults', 100, 2000),
    ssdDensityGbCm2: r(54.88, 'boavizta-ssd-density', 16.4, 128, 'mean of the dataset; low/high: its min and max'),
    hddUnits: r(0, 'boavizta-defaults'),
    psuUnits: r(2, 'boavizta-defaults', 1, 2),
    psuKg: r(2.99, 'boavizta-defaults', 1, 5),
    cpuLoadPct: r(50, 'boavizta-defaults', 0, 100),
    formFactor: 'rack',
  },
  use: {
    cpuCurve: {
      a: 171.2,
      b: 0.0354,
      c: 36.89,
      d: -10.13,
      source: 'boavizta-defaults',
      note: 'P(load) = a·ln(b·(load% + c)) + d, per CPU',
    },
    ramWattsPerGb: r(0.284, 'boavizta-defaults'),
    otherConsumptionRatio: r(0.33, 'boavizta-defaults', 0.2, 0.6),
    hoursPerYear: r(8760, 'boavizta-defaults', 8760, 8760, 'always on'),
  },
  defaultPue: r(1.58, 'uptime-2023', 1.58, 1.58),
};

// 4. CPU die lookup: model → cores, total die area (mm²). Compact on purpose.
const cpuLines = ['model,cores,threads,die_mm2'];
for (const row of rows('cpu_specs.csv')) {
  const die = Number(row.total_die_size);
  const cores = Number(row.cores);
  if (!row.name || !Number.isFinite(die) || die <= 0) continue;
  cpuLines.push(
    `${JSON.stringify(row.name)},${Number.isFinite(cores) ? cores : ''},${Number(row.threads) || ''},${die}`,
  );
}
writeFileSync(join(out, 'cpu-dies.csv'), cpuLines.join('\n') + '\n');
const cpuByName = new Map<string, { cores: number; threads: number; die: number }>();
for (const row of rows('cpu_specs.csv'))
  cpuByName.set(need(row.name, 'a CPU name').toLowerCase(), {
    cores: Number(row.cores),
    threads: Number(row.threads),
    die: Number(row.total_die_size),
  });

// 5. Electricity per zone, every criterion the sources have (no water use: none of them gives it).
const mix = parse(readFileSync(join(src, 'electrical_mix.csv')), { bom: true }) as string[][];
const zoneCols = need(mix[0], 'the electrical mix header').slice(7);
const names = need(mix[1], 'the electrical mix zone names').slice(7);
const zones: Record<string, { name: string; alpha2?: string; factors: Record<string, Range> }> = {};
zoneCols.forEach((z, i) => {
  zones[z] = {
    name: need(names[i], `the name of zone ${z}`).trim(),
    ...(ALPHA3_TO_ALPHA2[z] ? { alpha2: ALPHA3_TO_ALPHA2[z] } : {}),
    factors: {},
  };
});
const critOf: Record<string, string> = { ap: 'ap', pm: 'pm', ir: 'ir', adpe: 'adpe', pe: 'pe' };
const gwpRows: { source: string; priority: number; values: string[] }[] = [];
for (const row of mix.slice(2)) {
  const code = row[6];
  const source = need(row[3], 'an electrical mix source');
  const srcId = source.includes('sciencedirect')
    ? 'scarlat-2021'
    : source.includes('ember')
      ? 'ember-2020'
      : source.startsWith('Average')
        ? 'boavizta-world-avg'
        : code === 'pe'
          ? 'boavizta-pe'
          : 'ademe-base-impacts-elec';
  if (code === 'gwp') {
    gwpRows.push({ source: srcId, priority: Number(row[4]), values: row.slice(7) });
    continue;
  }
  const crit = code === undefined ? undefined : critOf[code];
  if (!crit) continue;
  row.slice(7).forEach((v, i) => {
    if (v !== '' && Number.isFinite(Number(v)))
      need(zones[zoneCols[i] ?? ''], `zone column ${i + 7}`).factors[crit] = r(Number(v), srcId);
  });
}
gwpRows.sort((a, b) => a.priority - b.priority);
zoneCols.forEach((z, i) => {
  const found = gwpRows.filter((g) => g.values[i] !== '' && Number.isFinite(Number(g.values[i])));
  if (!found.length) return;
  const best =
    found.find((g) => g.source !== 'ademe-base-impacts-elec' && g.source !== 'boavizta-world-avg') ??
    need(found[0], `a GWP figure for ${z}`);
  // Low/high: spread between the two recent independent estimates where both exist (Scarlat 2019 data, Ember 2020).
  const recent = found
    .filter((g) => g.source === 'scarlat-2021' || g.source === 'ember-2020')
    .map((g) => Number(g.values[i]));
  const v = Number(best.values[i]);
  need(zones[z], `zone ${z}`).factors.gwp =
    recent.length > 1
      ? centred(
          v,
          recent,
          best.source,
          `spread: Scarlat 2019 data vs Ember 2020 (${Math.min(...recent)} to ${Math.max(...recent)})`,
        )
      : r(v, best.source);
});
// France (profile ademe-fr, the default): ADEME Base Empreinte, the reference of French carbon accounting (BEGES,
// Bilan Carbone). The other published figures give the spread: Ember's combustion-only intensity (CO2.js) below,
// Scarlat et al.'s consumption-based life-cycle figure (2019 data) above.
const france = need(zones.FRA, 'the FRA zone');
const scarlatFr = need(france.factors.gwp, 'the GWP of FRA');
const emberFr = need(averageIntensity.data.FRA, 'the CO2.js intensity of FRA') / 1000;
france.factors.gwp = centred(
  0.052,
  [emberFr, scarlatFr.value],
  'ademe-base-empreinte-fr',
  `spread: Ember ${emberFr} (combustion only, CO2.js 0.19) to Scarlat et al. ${scarlatFr.value} (2019 data)`,
);
// The world: a traceable published figure (Ember's world average as shipped in CO2.js) rather than an average of the
// table's countries; high: the life-cycle figures run about 10 % above combustion-only ones (assumption).
const emberWorld = need(averageIntensity.data.WORLD, 'the CO2.js world intensity') / 1000;
if (zones.WOR)
  zones.WOR.factors.gwp = r(
    emberWorld,
    'ember-co2js',
    emberWorld,
    emberWorld * 1.1,
    'high: +10 % for upstream emissions left out of a combustion-only figure (assumption)',
  );

// Bounds: impossible or implausible values are quarantined, not shipped. Delivered electricity needs at least
// 3.6 MJ of primary energy per kWh (the kWh itself); above 100 MJ/kWh no real grid exists. Acidification and
// particulate matter: more than 20 times the median zone (a grid burning only lignite reaches a few times the
// median, not hundreds). Low values are kept (hydro and geothermal grids are legitimately clean), and ionising
// radiation is not bounded by the median (nuclear grids sit legitimately hundreds of times above the others).
const quarantinedElectricity: { zone: string; criterion: string; value: number; source: string; reason: string }[] = [];
const median = (xs: number[]): number => {
  const s2 = [...xs].sort((a, b) => a - b);
  return need(s2[Math.floor(s2.length / 2)], 'a median of no values');
};
for (const crit of ['ap', 'pm']) {
  const m = median(
    Object.values(zones)
      .map((zn) => zn.factors[crit]?.value)
      .filter((x): x is number => x !== undefined && x > 0),
  );
  for (const [z, zn] of Object.entries(zones)) {
    const f = zn.factors[crit];
    if (!f) continue;
    if (f.value > 20 * m) {
      quarantinedElectricity.push({
        zone: z,
        criterion: crit,
        value: f.value,
        source: f.source,
        reason: `${(f.value / m).toPrecision(3)} times the median zone (${m.toPrecision(3)}): above 20 times`,
      });
      delete zn.factors[crit];
    }
  }
}
for (const [z, zn] of Object.entries(zones)) {
  const f = zn.factors.pe;
  if (f && (f.value < 3.6 || f.value > 100)) {
    quarantinedElectricity.push({
      zone: z,
      criterion: 'pe',
      value: f.value,
      source: f.source,
      reason:
        f.value < 3.6 ? 'below the physical floor of 3.6 MJ per kWh delivered' : 'above 100 MJ per kWh, no real grid',
    });
    delete zn.factors.pe;
  }
  for (const [c, f2] of Object.entries(zn.factors))
    if (!(f2.low <= f2.value && f2.value <= f2.high)) throw new Error(`${z}.${c}: range does not contain the value`);
}
const electricity = { zones, alternatives: {}, quarantined: quarantinedElectricity };
writeFileSync(join(out, 'electricity.json'), JSON.stringify(electricity, null, 1) + '\n');

// 6. Cloud: instances → platforms, platforms' components, regions → country.
const providers = ['aws', 'azure', 'gcp', 'ovhcloud', 'scaleway'];
const instLines = ['provider,instance,vcpu,memory_gb,ssd_gb,hdd_gb,gpu_units,platform'];
const instVcpu = new Map<string, number>();
for (const p of providers) {
  for (const row of rows(`cloud/${p}.csv`)) {
    instLines.push(
      [
        p,
        row.id,
        Number(row.vcpu),
        Number(row.memory),
        Number(row.ssd_storage) || 0,
        Number(row.hdd_storage) || 0,
        Number(row.gpu_units) || 0,
        row.platform,
      ].join(','),
    );
    instVcpu.set(`${p}:${row.id}`, Number(row.vcpu));
  }
}
writeFileSync(join(out, 'cloud-instances.csv'), instLines.join('\n') + '\n');
const providerOf: Record<string, string> = {
  AWS: 'aws',
  Azure: 'azure',
  GCP: 'gcp',
  OVHcloud: 'ovhcloud',
  Scaleway: 'scaleway',
};
const first = (s: string | undefined): number | undefined => {
  if (s === undefined || s === '') return undefined;
  const n = Number(String(s).split(';')[0]);
  return Number.isFinite(n) ? n : undefined;
};
const platforms: Record<string, unknown> = {};
for (const row of rows('server.csv')) {
  const provider = providerOf[row.manufacturer ?? ''];
  if (!provider) continue;
  const cpuName = row['CPU.name'] || undefined;
  const spec = cpuName ? cpuByName.get(cpuName.toLowerCase()) : undefined;
  const cpuUnits = first(row['CPU.units']) ?? 1;
  const threads = first(row['CPU.threads']) ?? (spec && spec.threads > 0 ? spec.threads : undefined);
  // Platform vCPU: the bare-metal instance of the same name when listed, else threads × CPUs.
  const vcpu = instVcpu.get(`${provider}:${row.id}`) ?? (threads ? threads * cpuUnits : undefined);
  // RAM: most rows give modules × GB per module. The Google Cloud rows give a count that is not a number of modules
  // (192 "units" of 768 GB for a host of 768 GB) with the host's total as the capacity: read more than 48 modules
  // (no two-socket board has more slots) as such a row, and take the total as 64 GB modules (assumption).
  let ramUnits = first(row['RAM.units']);
  let ramGb = first(row['RAM.capacity']);
  if (ramUnits !== undefined && ramGb !== undefined && ramUnits > 48) {
    ramUnits = Math.max(1, Math.ceil(ramGb / 64));
    ramGb = first(row['RAM.capacity'])! / ramUnits;
  }
  platforms[`${provider}:${row.id}`] = {
    vcpu,
    cpuUnits,
    cpuModel: cpuName,
    cpuCores: first(row['CPU.core_units']) ?? (spec && spec.cores > 0 ? spec.cores : undefined),
    cpuDieMm2: spec && spec.die > 0 ? spec.die : undefined,
    ramUnits,
    ramGb,
    ssdUnits: first(row['SSD.units']) ?? 0,
    ssdGb: first(row['SSD.capacity']) ?? 0,
    hddUnits: first(row['HDD.units']) ?? 0,
    psuUnits: first(row['POWER_SUPPLY.units']),
    psuKg: first(row['POWER_SUPPLY.unit_weight']),
    gpuUnits: first(row['GPU.units']) ?? 0,
  };
}
// Platforms without a known vCPU count take the largest instance placed on them.
for (const line of instLines.slice(1)) {
  const [p, , vcpu, , , , , platform] = line.split(',');
  const key = `${p}:${platform}`;
  const pl = platforms[key] as { vcpu?: number } | undefined;
  if (pl && (pl.vcpu === undefined || pl.vcpu < Number(vcpu))) pl.vcpu = Number(vcpu);
}
writeFileSync(join(out, 'cloud-platforms.json'), JSON.stringify({ source: 'cloud-instances', platforms }) + '\n');
const regLines = ['provider,region,country'];
for (const row of rows('cloud/regions.csv')) regLines.push([row.provider, row.region, row.usage_location].join(','));
writeFileSync(join(out, 'cloud-regions.csv'), regLines.join('\n') + '\n');

const cloud = {
  providers: {
    aws: { pue: r(1.135, 'ccf'), minWattsPerVcpu: r(0.74, 'ccf'), maxWattsPerVcpu: r(3.5, 'ccf') },
    gcp: { pue: r(1.1, 'ccf'), minWattsPerVcpu: r(0.71, 'ccf'), maxWattsPerVcpu: r(4.26, 'ccf') },
    azure: { pue: r(1.185, 'ccf'), minWattsPerVcpu: r(0.78, 'ccf'), maxWattsPerVcpu: r(3.76, 'ccf') },
    default: {
      pue: r(
        1.185,
        'techcare-assumption',
        1.1,
        1.58,
        'providers without a CCF figure (OVHcloud, Scaleway): highest CCF PUE, range up to the industry average',
      ),
      minWattsPerVcpu: r(0.74, 'techcare-assumption', 0.71, 0.78, 'range of the CCF providers'),
      maxWattsPerVcpu: r(3.84, 'techcare-assumption', 3.5, 4.26, 'mean and range of the CCF providers'),
    },
  },
  memoryKwhPerGbHour: r(0.000392, 'ccf'),
  ssdWhPerTbHour: r(1.2, 'ccf'),
  hddWhPerTbHour: r(0.65, 'ccf'),
  utilisation: r(0.5, 'ccf', 0.1, 0.9, 'CCF default 50%; low/high assumption'),
  platformLifespanYears: r(4, 'sci', 4, 6, 'CCF/SCI 4 years; high: Boavizta 6 years'),
  defaultHoursPerYear: r(8760, 'techcare-assumption', 8760, 8760, 'an instance line without hours runs all year'),
};

const transfer = {
  swd: {
    model: 'swd',
    version: 4,
    source: 'swd-v4',
    note: 'computed by @tgwf/co2; data centre and network segments counted, the end-user device segment is left out because devices are counted in the terminals tier',
  },
  onebyte: { model: '1byte', source: 'onebyte' },
};

const factorSet = {
  id: ID,
  publishedAt: '2026-12-04',
  licence: 'CC BY 4.0 for the compilation; each figure keeps the licence of its source',
  description: 'Techcare reference factor set: end-user devices, servers, electricity, cloud and data transfer.',
  criteria: {
    gwp: { unit: 'kgCO2e', pcrsi: 'GWP', name: 'Climate change' },
    adpe: { unit: 'kgSbe', pcrsi: 'ADPe', name: 'Abiotic resources, minerals and metals' },
    wu: { unit: 'm3 world-eq deprived', pcrsi: 'WU', name: 'Water use (scarcity-weighted, AWARE)' },
    pe: { unit: 'MJ', pcrsi: 'PE', name: 'Primary energy' },
    ap: { unit: 'molH+e', pcrsi: 'AP', name: 'Acidification' },
    pm: { unit: 'disease incidence', pcrsi: 'PM', name: 'Particulate matter' },
    ir: { unit: 'kBqU235e', pcrsi: 'IR', name: 'Ionising radiation' },
  },
  sources,
  devices,
  aliases,
  server,
  cloud,
  transfer,
  profiles: {
    'ademe-fr': {
      name: 'ADEME (France)',
      description:
        'French reference practice: ADEME/Arcep 2022 device figures split by phase with their yearly use and lifespans, ADEME Base Empreinte electricity for France, ADEME Base IMPACTS for the criteria beyond climate change.',
      devices: {},
      electricity: {},
    },
    'boavizta-eu': {
      name: 'Boavizta (Europe)',
      description:
        'ADEME Base IMPACTS archetypes as whole-life figures, BoaviztAPI use profiles (power × hours), and the European study of Scarlat et al. (2019 data) for French electricity.',
      devices: boaviztaDevices,
      electricity: {
        FRA: {
          gwp: centred(
            scarlatFr.value,
            [emberFr, 0.052],
            scarlatFr.source,
            `spread: Ember ${emberFr} (combustion only), ADEME Base Empreinte 0.052`,
          ),
        },
      },
    },
  },
  defaults: {
    country: 'FRA',
    profile: 'ademe-fr',
    note: 'default place of use when a line gives none; default reference profile',
  },
};
writeFileSync(join(out, 'factor-set.json'), JSON.stringify(factorSet, null, 1) + '\n');
console.log(`wrote ${out}`);
