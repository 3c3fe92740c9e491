/**
 * Reference cases: published figures the footprint engine must reproduce. One data row per case: where the figure
 * was published, what is computed, the inventory line(s) and options given to the engine, the published value and
 * the tolerance. Run by `reference-cases.test.ts`; `print-table.ts` writes the table of docs/methodology.md
 * ("Validation against published references") from the same rows.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { co2 } from '@tgwf/co2';
import { getFactorSet, latestFactorSetId } from '../../src/data/index.js';
import {
  computeFootprint,
  type TFootprintOptions,
  type TFootprintResult,
  type TInventoryLine,
} from '../../src/lca/index.js';
import { defined } from '../helpers/defined.js';

/** The reporting year of every case (purchase-year cases buy their item in it). */
export const YEAR = 2026;

/** What is read from the engine's result. `embodied` = BLD + DIS + EOL; `useKwh` = energy of the use phase. */
export type TMeasure = 'total' | 'BLD' | 'DIS' | 'USE' | 'EOL' | 'embodied' | 'useKwh';

export interface TSourceRef {
  short: string;
  citation: string;
  url: string;
}

export interface TReferenceCase {
  id: string;
  source: TSourceRef;
  /** What is computed, in words. */
  computes: string;
  /** Factor set id (the newest when left out). */
  factorSet?: string;
  lines: TInventoryLine[];
  /** Engine options; `year` is always YEAR. GWP only unless said. */
  options?: Omit<TFootprintOptions, 'year'>;
  measure: TMeasure;
  /** When given, the engine value is (measure(lines) − measure(minus)) ÷ per: isolates one coefficient. */
  minus?: TInventoryLine[];
  per?: number;
  /** The published value, in the unit of the measure (kgCO2e, or kWh for `useKwh`). */
  expected: number;
  /** `value` (default): the engine value within the tolerance; `within-range`: expected inside the engine's low–high. */
  check?: 'value' | 'within-range';
  /** Relative tolerance (0.02 unless `toleranceReason` says why not). */
  tolerance: number;
  toleranceReason?: string;
  /** Why the engine is known to differ from the published figure (the test then bounds the measured gap). */
  knownDifference?: { reason: string; bound: number };
}

export interface TCaseResult {
  value: number;
  low: number;
  high: number;
  difference: number;
  pass: boolean;
}

const DEFAULT_TOLERANCE = 0.02;

// ---------------------------------------------------------------------------------------------------------------
// Sources
const S = {
  ademeArcep: {
    short: 'ADEME/Arcep 2022',
    citation:
      'ADEME / Arcep, « Évaluation de l’impact environnemental du numérique en France et analyse prospective » (2022, 2020 data), device figures as published by ADEME’s Impact CO2 (repository incubateur-ademe/impactco2, src/data/categories/numerique.json, commit 00ff7a27); Licence Ouverte / Etalab 2.0. Copy: test/fixtures/reference/ademe-arcep-2022',
    url: 'https://impactco2.fr/outils/numerique',
  },
  baseImpacts: {
    short: 'ADEME Base IMPACTS',
    citation:
      'ADEME Base IMPACTS (NegaOctet subset of end-user devices), GWP per unit, whole life, as distributed in the BoaviztAPI 2.4.1 data file ademe_base_impacts_negaoctet.csv',
    url: 'https://github.com/Boavizta/boaviztapi',
  },
  boaviztaUse: {
    short: 'BoaviztAPI use profiles',
    citation:
      'Boavizta, BoaviztAPI 2.4.1 default use profiles (user_terminal.csv: laptop-pro 75 W, monitor 55 W, use ratio 0.3) and the BoaviztAPI use formula power × 8,760 h × use ratio × electricity factor',
    url: 'https://doc.api.boavizta.org/',
  },
  uba: {
    short: 'UBA 2021 + BoaviztAPI',
    citation:
      'Umweltbundesamt, Green Cloud Computing, Texte 94/2021: server component manufacture constants (CPU 0.0197 kg/mm² + 9.14, RAM 2.20 kg/cm² + 5.22, SSD 2.20 kg/cm² + 6.34, PSU 24.3 kg/kg, rack case 150, motherboard 66.1, assembly 6.68), with the BoaviztAPI Dell R740 archetype (2 CPUs, 400 mm², 12 × 32 GB at 0.625 GB/cm², 1 × 400 GB SSD at 48.5 GB/cm², 2 × 2.99 kg PSU)',
    url: 'https://www.umweltbundesamt.de/publikationen/green-cloud-computing',
  },
  boaviztaServerUse: {
    short: 'BoaviztAPI server use',
    citation:
      'Boavizta, BoaviztAPI server use model: CPU power a·ln(b·(load + c)) + d with a 171.2, b 0.0354, c 36.89, d −10.13; RAM 0.284 W/GB; other consumption +33 %',
    url: 'https://doc.api.boavizta.org/',
  },
  ccf: {
    short: 'Cloud Carbon Footprint',
    citation:
      'Cloud Carbon Footprint methodology: W per vCPU AWS 0.74–3.5, GCP 0.71–4.26, Azure 0.78–3.76 at average utilisation 50 %, memory 0.000392 kWh per GB-hour, SSD 1.2 Wh per TB-hour, PUE AWS 1.135, GCP 1.1, Azure 1.185',
    url: 'https://www.cloudcarbonfootprint.org/docs/methodology',
  },
  swd: {
    short: 'SWD v4',
    citation:
      'Sustainable Web Design model v4 (2024): per GB, operational data centre 0.055 + network 0.059 kWh, embodied data centre 0.012 + network 0.013 kWh, global grid 494 gCO2e/kWh (user-device segment left out: devices are counted in the terminals tier)',
    url: 'https://sustainablewebdesign.org/estimating-digital-emissions/',
  },
  co2js: {
    short: 'CO2.js 0.19',
    citation: 'The Green Web Foundation, CO2.js 0.19.0 (@tgwf/co2), computed here for 1 GB (10⁹ bytes), grid not green',
    url: 'https://developers.thegreenwebfoundation.org/co2js/overview/',
  },
  oneByte: {
    short: 'The Shift Project 1byte',
    citation:
      'The Shift Project, 1byte model (Lean ICT, 2019): per byte, data centre 7.2e-11 kWh, network mean of fixed wired 4.29e-10, Wi-Fi 1.52e-10, 4G 8.84e-10 kWh; 519 gCO2e/kWh (constants as shipped in CO2.js 0.19)',
    url: 'https://theshiftproject.org/en/lean-ict-2/',
  },
  sci: {
    short: 'SCI + UBA 2021',
    citation:
      'Green Software Foundation, Software Carbon Intensity specification: embodied share = host manufacture × (instance vCPU ÷ host vCPU) × hours ÷ lifespan (4 years); host manufacture by the UBA 2021 component constants (Texte 94/2021) on the host described by AWS (m5.metal: 96 vCPU, 2 × Intel Xeon Platinum 8175M of 615.4 mm², 12 × 32 GB) and BoaviztAPI’s mean RAM density 1.2444 GB/cm²',
    url: 'https://sci-guide.greensoftware.foundation/',
  },
  ecodiag: {
    short: 'Ecodiag (CNRS EcoInfo)',
    citation:
      'CNRS EcoInfo, Ecodiag emission factors for labs and schools (embodied GWP per unit: printer 100, IP phone 17, Wi-Fi access point 10 kgCO2e)',
    url: 'https://ecoinfo.cnrs.fr/ecodiag-calcul/',
  },
  baseEmpreinte: {
    short: 'ADEME Base Empreinte',
    citation:
      'ADEME Base Empreinte® (v23, 2023), « Électricité – 2022 – mix moyen – consommation », France continentale: 0.0520 kgCO2e/kWh, life cycle included',
    url: 'https://base-empreinte.ademe.fr/',
  },
  scarlat: {
    short: 'Scarlat et al. 2022',
    citation:
      'Scarlat, Prussi, Padella, Quantification of the carbon intensity of electricity produced and used in Europe, Applied Energy 305 (2022) 117901, 2019 data: France 0.098, Germany 0.422 kgCO2e/kWh (consumption, life cycle)',
    url: 'https://doi.org/10.1016/j.apenergy.2021.117901',
  },
} satisfies Record<string, TSourceRef>;

// ---------------------------------------------------------------------------------------------------------------
// 1. ADEME / Arcep 2022: every row of the device file, default profile ademe-fr, within 1 %.
const here = dirname(fileURLToPath(import.meta.url));
/** One row of the ADEME/Arcep device file (numbers per unit, kgCO2e; empty cells read as absent). */
export interface TAdemeRow {
  slug: string;
  name: string;
  construction: number;
  distribution: number;
  endOfLife: number;
  usePerYear?: number;
  lifespan?: number;
}
const cell = (s: string | undefined): number | undefined =>
  s === undefined || s.trim() === '' ? undefined : Number(s);
export const ademeRows: TAdemeRow[] = (
  parse(readFileSync(join(here, '../fixtures/reference/ademe-arcep-2022/devices-gwp.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[]
).map((r) => ({
  slug: defined(r.slug, 'an ADEME/Arcep slug'),
  name: defined(r.name_fr, `the name of ${r.slug}`),
  construction: cell(r.construction_kg) ?? 0,
  distribution: cell(r.assembly_distribution_kg) ?? 0,
  endOfLife: cell(r.end_of_life_kg) ?? 0,
  usePerYear: cell(r.use_kg_per_year),
  lifespan: cell(r.default_lifespan_years),
}));

/** ADEME/Arcep row → Techcare category (the mapping of the factor-set build). */
export const ADEME_CATEGORY: Record<string, string> = {
  ordinateurportable: 'laptop',
  ordinateurfixeprofessionnel: 'desktop',
  ordinateurfixeparticulier: 'desktop_consumer',
  ecran: 'monitor',
  smartphone: 'smartphone',
  tabletteclassique: 'tablet',
  television: 'tv',
  box: 'box',
  disquedur: 'external_hdd',
  clefusb: 'usb_stick',
  enceintebluetooth: 'smart_speaker',
  telephonebasique: 'basic_phone',
  casquevr: 'vr_headset',
  alimentationordinateur: 'laptop_charger',
  alimentationsmartphone: 'phone_charger',
};
const ADEME_TOLERANCE = {
  tolerance: 0.01,
  toleranceReason: '1 %: issue 13 requires the ADEME/Arcep rows to be reproduced within 1 % by the default profile',
};

function ademeCases(): TReferenceCase[] {
  const out: TReferenceCase[] = [];
  for (const row of ademeRows) {
    const category = ADEME_CATEGORY[row.slug];
    if (!category) throw new Error(`ADEME/Arcep row ${row.slug} has no Techcare category`);
    const embodied = row.construction + row.distribution + row.endOfLife;
    if (row.lifespan !== undefined) {
      out.push({
        id: `ademe-arcep-yearly-${category}`,
        source: S.ademeArcep,
        computes: `${row.name}: yearly footprint of one unit in France = (${row.construction} + ${row.distribution} + ${row.endOfLife}) / ${row.lifespan} + ${row.usePerYear ?? 0}`,
        lines: [{ category, quantity: 1 }],
        measure: 'total',
        expected: embodied / row.lifespan + (row.usePerYear ?? 0),
        ...ADEME_TOLERANCE,
      });
    } else {
      out.push({
        id: `ademe-arcep-embodied-${category}`,
        source: S.ademeArcep,
        computes: `${row.name}: embodied footprint of one unit bought in the reporting year (the study gives no lifespan) = ${row.construction} + ${row.distribution} + ${row.endOfLife}`,
        lines: [{ category, quantity: 1, purchase_year: YEAR }],
        options: { allocation: 'purchase-year' },
        measure: 'embodied',
        expected: embodied,
        ...ADEME_TOLERANCE,
      });
    }
  }
  // Per phase for a few rows: BLD = construction / lifespan, DIS, EOL likewise, USE = yearly use.
  for (const slug of ['ordinateurportable', 'ecran', 'television']) {
    const row = ademeRows.find((r) => r.slug === slug);
    if (!row || row.lifespan === undefined) throw new Error(`ADEME/Arcep row ${slug} missing`);
    const category = defined(ADEME_CATEGORY[slug], `the category of ${slug}`);
    const phases: [TMeasure, number, string][] = [
      ['BLD', row.construction / row.lifespan, `construction ${row.construction} / ${row.lifespan}`],
      ['DIS', row.distribution / row.lifespan, `assembly and distribution ${row.distribution} / ${row.lifespan}`],
      ['EOL', row.endOfLife / row.lifespan, `end of life ${row.endOfLife} / ${row.lifespan}`],
      ['USE', row.usePerYear ?? 0, `yearly use ${row.usePerYear}`],
    ];
    for (const [measure, expected, what] of phases) {
      out.push({
        id: `ademe-arcep-${measure.toLowerCase()}-${category}`,
        source: S.ademeArcep,
        computes: `${row.name}, phase ${measure}: ${what}`,
        lines: [{ category, quantity: 1 }],
        measure,
        expected,
        ...ADEME_TOLERANCE,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Base IMPACTS and BoaviztAPI (profile boavizta-eu), UBA server model.
const bz = { profile: 'boavizta-eu' } as const;
const buy = (category: string, extra: Partial<TInventoryLine> = {}): TInventoryLine[] => [
  { category, quantity: 1, purchase_year: YEAR, ...extra },
];
const baseImpacts: [string, number, string][] = [
  ['laptop', 181, 'Laptop, pro'],
  ['desktop', 277, 'Desktop, pro'],
  ['monitor', 64.7, 'Monitor'],
  ['smartphone', 84, 'Smartphone'],
  ['tablet', 75.9, 'Tablet'],
  ['tv', 152, 'Television, pro'],
  ['box', 36.1, 'Box'],
  ['external_hdd', 15.8, 'ExternalHHD'],
  ['usb_stick', 6.25, 'USBStick'],
];
const uba = {
  cpu: 2 * (400 * 0.0197 + 9.14),
  ram: 12 * ((32 / 0.625) * 2.2 + 5.22),
  ssd: (400 / 48.5) * 2.2 + 6.34,
  psu: 2 * 2.99 * 24.3,
  rest: 150 + 66.1 + 6.68,
};
const r740: TInventoryLine = {
  category: 'server',
  quantity: 1,
  cpu_units: 2,
  cpu_die_mm2: 400,
  ram_units: 12,
  ram_gb: 32,
  ssd_units: 1,
  ssd_gb: 400,
  psu_units: 2,
  psu_kg: 2.99,
  form_factor: 'rack',
  purchase_year: YEAR,
  annual_kwh: 0,
};
const cpuAt50 = 171.2 * Math.log(0.0354 * (50 + 36.89)) - 10.13;
const r740UseKwh = (((2 * cpuAt50 + 12 * 32 * 0.284) * 1.33 * 8760) / 1000) * 1.5;

function boaviztaCases(): TReferenceCase[] {
  const out: TReferenceCase[] = baseImpacts.map(([category, gwp, row]) => ({
    id: `base-impacts-${category}`,
    source: S.baseImpacts,
    computes: `Base IMPACTS row ${row}: whole-life GWP of one unit bought in the reporting year (profile boavizta-eu)`,
    lines: buy(category),
    options: { ...bz, allocation: 'purchase-year' },
    measure: 'embodied',
    expected: gwp,
    tolerance: DEFAULT_TOLERANCE,
  }));
  out.push(
    {
      id: 'base-impacts-external_ssd',
      source: S.baseImpacts,
      computes:
        'Base IMPACTS row ExternalSSD: whole-life GWP of one unit bought in the reporting year (default profile: ADEME/Arcep has no such row)',
      lines: buy('external_ssd'),
      options: { allocation: 'purchase-year' },
      measure: 'embodied',
      expected: 109,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'base-impacts-server',
      source: S.baseImpacts,
      computes:
        'Base IMPACTS row Server: whole-life GWP of a server given without specification, bought in the reporting year',
      lines: buy('server', { annual_kwh: 0 }),
      options: { allocation: 'purchase-year' },
      measure: 'embodied',
      expected: 3660,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'boavizta-laptop-embodied-yearly',
      source: S.baseImpacts,
      computes:
        'Professional laptop, profile boavizta-eu: Base IMPACTS 181 kgCO2e over BoaviztAPI’s 35,040 h = 4 years',
      lines: [{ category: 'laptop', quantity: 1 }],
      options: bz,
      measure: 'BLD',
      expected: 181 / 4,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'boavizta-laptop-use',
      source: S.boaviztaUse,
      computes:
        'Professional laptop, profile boavizta-eu: yearly use 75 W × 8,760 h × 0.3 × 0.098 kgCO2e/kWh (France, Scarlat)',
      lines: [{ category: 'laptop', quantity: 1 }],
      options: bz,
      measure: 'USE',
      expected: ((75 * 8760 * 0.3) / 1000) * 0.098,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'boavizta-monitor-use',
      source: S.boaviztaUse,
      computes: 'Monitor, profile boavizta-eu: yearly use 55 W × 8,760 h × 0.3 × 0.098 kgCO2e/kWh',
      lines: [{ category: 'monitor', quantity: 1 }],
      options: bz,
      measure: 'USE',
      expected: ((55 * 8760 * 0.3) / 1000) * 0.098,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'uba-dell-r740-manufacture-2026.1',
      source: S.uba,
      factorSet: 'techcare-2026.1',
      computes: `Dell R740 archetype, manufacture GWP by components: CPU ${uba.cpu.toFixed(2)} + RAM ${uba.ram.toFixed(2)} + SSD ${uba.ssd.toFixed(2)} + PSU ${uba.psu.toFixed(2)} + case, motherboard, assembly ${uba.rest.toFixed(2)} (factor set 2026.1)`,
      lines: [r740],
      options: { allocation: 'purchase-year' },
      measure: 'BLD',
      expected: uba.cpu + uba.ram + uba.ssd + uba.psu + uba.rest,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'uba-dell-r740-manufacture',
      source: S.uba,
      computes:
        'Dell R740 archetype, manufacture GWP by components, with BoaviztAPI’s archetype densities given on the line (2027.1 defaults to the mean densities of the crowdsourced data instead)',
      lines: [{ ...r740, ram_density_gb_cm2: 0.625, ssd_density_gb_cm2: 48.5 }],
      options: { allocation: 'purchase-year' },
      measure: 'BLD',
      expected: uba.cpu + uba.ram + uba.ssd + uba.psu + uba.rest,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'boavizta-server-use-energy',
      source: S.boaviztaServerUse,
      computes: `2 CPUs at 50 % load (${cpuAt50.toFixed(2)} W each) + 384 GB × 0.284 W, × 1.33, × 8,760 h × PUE 1.5 = yearly kWh`,
      lines: [
        {
          category: 'server',
          quantity: 1,
          cpu_units: 2,
          ram_units: 12,
          ram_gb: 32,
          cpu_load_pct: 50,
          pue: 1.5,
          embodied_gwp_kg: 0,
        },
      ],
      measure: 'useKwh',
      expected: r740UseKwh,
      tolerance: DEFAULT_TOLERANCE,
    },
  );
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Cloud Carbon Footprint coefficients (one instance-hour; kWh at the meter × PUE).
const cloud = (provider: string, instance_type: string, region: string): TInventoryLine[] => [
  { category: 'cloud_instance', quantity: 1, provider, instance_type, region, hours: 1 },
];
const m5MetalManufacture =
  2 * (615.4 * 0.0197 + 9.14) + 12 * ((32 / 1.2444) * 2.2 + 5.22) + 2 * 2.99 * 24.3 + 150 + 66.1 + 6.68;
const vcpuW = (min: number, max: number): number => min + 0.5 * (max - min);
function ccfCases(): TReferenceCase[] {
  return [
    {
      id: 'ccf-aws-vcpu-hour',
      source: S.ccf,
      computes:
        'AWS, one vCPU-hour at 50 %: (0.74 + 0.5 × (3.5 − 0.74)) W × PUE 1.135, isolated as (c5.xlarge − m5.large) ÷ 2 (same memory, 2 vCPU apart)',
      lines: cloud('aws', 'c5.xlarge', 'eu-west-3'),
      minus: cloud('aws', 'm5.large', 'eu-west-3'),
      per: 2,
      measure: 'useKwh',
      expected: (vcpuW(0.74, 3.5) / 1000) * 1.135,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'ccf-memory-gb-hour',
      source: S.ccf,
      computes:
        'AWS, one GB of memory for an hour: 0.000392 kWh × PUE 1.135, isolated as (r5.large − m5.large) ÷ 8 (same vCPU, 8 GB apart)',
      lines: cloud('aws', 'r5.large', 'eu-west-3'),
      minus: cloud('aws', 'm5.large', 'eu-west-3'),
      per: 8,
      measure: 'useKwh',
      expected: 0.000392 * 1.135,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'ccf-aws-m5.large-hour',
      source: S.ccf,
      computes: 'AWS m5.large (2 vCPU, 8 GB), one hour: (2 × 2.12 W ÷ 1000 + 8 × 0.000392) × 1.135 kWh',
      lines: cloud('aws', 'm5.large', 'eu-west-3'),
      measure: 'useKwh',
      expected: ((2 * vcpuW(0.74, 3.5)) / 1000 + 8 * 0.000392) * 1.135,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'ccf-aws-m5.large-paris-gwp',
      source: S.ccf,
      computes:
        'AWS m5.large in eu-west-3 (Paris), one hour: CCF kWh × 0.052 kgCO2e/kWh (France, ADEME Base Empreinte, default profile)',
      lines: cloud('aws', 'm5.large', 'eu-west-3'),
      measure: 'USE',
      expected: ((2 * vcpuW(0.74, 3.5)) / 1000 + 8 * 0.000392) * 1.135 * 0.052,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'sci-aws-m5.large-embodied-hour',
      source: S.sci,
      computes:
        'AWS m5.large, one hour, embodied share: (2 × (615.4 × 0.0197 + 9.14) + 12 × (32 ÷ 1.2444 × 2.2 + 5.22) + 2 × 2.99 × 24.3 + 150 + 66.1 + 6.68) × 2 ÷ 96 ÷ 35,040 h',
      lines: cloud('aws', 'm5.large', 'eu-west-3'),
      measure: 'BLD',
      expected: (m5MetalManufacture * 2) / 96 / (4 * 8760),
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'ccf-gcp-n2-standard-2-hour',
      source: S.ccf,
      computes:
        'GCP n2-standard-2 (2 vCPU, 8 GB), one hour: (2 × (0.71 + 0.5 × 3.55) W ÷ 1000 + 8 × 0.000392) × 1.1 kWh',
      lines: cloud('gcp', 'n2-standard-2', 'europe-west9'),
      measure: 'useKwh',
      expected: ((2 * vcpuW(0.71, 4.26)) / 1000 + 8 * 0.000392) * 1.1,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'ccf-azure-d2s_v3-hour',
      source: S.ccf,
      computes:
        'Azure Standard_D2s_v3 (2 vCPU, 8 GB, 16 GB SSD), one hour: (2 × (0.78 + 0.5 × 2.98) W ÷ 1000 + 8 × 0.000392 + 0.016 TB × 1.2 Wh ÷ 1000) × 1.185 kWh',
      lines: cloud('azure', 'standard_d2s_v3', 'francecentral'),
      measure: 'useKwh',
      expected: ((2 * vcpuW(0.78, 3.76)) / 1000 + 8 * 0.000392 + 16 * 1.2e-6) * 1.185,
      tolerance: DEFAULT_TOLERANCE,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Data transfer: SWD v4 published constants, and CO2.js itself for 1 GB.
const swdSegments = new co2({ model: 'swd', version: 4, results: 'segment' }).perByte(1e9, false) as Record<
  string,
  number
>;
const segment = (name: string): number => defined(swdSegments[name], `the CO2.js SWD segment ${name}`);
const oneByteGrams = new co2({ model: '1byte' }).perByte(1e9, false) as number;
const GB: TInventoryLine[] = [{ category: 'data_transfer', gigabytes: 1 }];
function transferCases(): TReferenceCase[] {
  return [
    {
      id: 'swd-v4-per-gb',
      source: S.swd,
      computes: '1 GB, SWD v4 data centre + network: (0.055 + 0.059 + 0.012 + 0.013) kWh × 0.494 kgCO2e/kWh',
      lines: GB,
      measure: 'total',
      expected: (0.055 + 0.059 + 0.012 + 0.013) * 0.494,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'swd-v4-operational-per-gb',
      source: S.swd,
      computes: '1 GB, SWD v4 operational share (booked in USE): (0.055 + 0.059) × 0.494',
      lines: GB,
      measure: 'USE',
      expected: (0.055 + 0.059) * 0.494,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'swd-v4-embodied-per-gb',
      source: S.swd,
      computes: '1 GB, SWD v4 embodied share (booked in BLD): (0.012 + 0.013) × 0.494',
      lines: GB,
      measure: 'BLD',
      expected: (0.012 + 0.013) * 0.494,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'swd-v4-co2js-per-gb',
      source: S.co2js,
      computes: '1 GB, SWD v4 as CO2.js computes it: data centre + network, operational + embodied segments (g ÷ 1000)',
      lines: GB,
      measure: 'total',
      expected:
        (segment('dataCenterOperationalCO2e') +
          segment('networkOperationalCO2e') +
          segment('dataCenterEmbodiedCO2e') +
          segment('networkEmbodiedCO2e')) /
        1000,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'onebyte-co2js-per-gb',
      source: S.co2js,
      computes: '1 GB, OneByte as CO2.js computes it (perByte(10⁹) g ÷ 1000)',
      lines: [{ category: 'data_transfer', gigabytes: 1, transfer_model: '1byte' }],
      measure: 'total',
      expected: oneByteGrams / 1000,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'onebyte-per-gb',
      source: S.oneByte,
      computes: '1 GB, OneByte: 10⁹ × (7.2e-11 + (4.29e-10 + 1.52e-10 + 8.84e-10) ÷ 3) kWh × 0.519 kgCO2e/kWh',
      lines: [{ category: 'data_transfer', gigabytes: 1, transfer_model: '1byte' }],
      measure: 'total',
      expected: 1e9 * (7.2e-11 + (4.29e-10 + 1.52e-10 + 8.84e-10) / 3) * 0.519,
      tolerance: DEFAULT_TOLERANCE,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Ecodiag embodied figures.
function ecodiagCases(): TReferenceCase[] {
  const opts = { allocation: 'purchase-year' } as const;
  return [
    {
      id: 'ecodiag-printer-in-range',
      source: S.ecodiag,
      computes:
        'Printer: Ecodiag’s 100 kgCO2e lies inside the engine’s embodied low–high (the typical value is the manufacturers’ median 130)',
      lines: buy('printer', { annual_kwh: 0 }),
      options: opts,
      measure: 'embodied',
      expected: 100,
      check: 'within-range',
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'ecodiag-ip-phone',
      source: S.ecodiag,
      computes: 'IP phone: embodied GWP of one unit bought in the reporting year',
      lines: buy('ip_phone'),
      options: opts,
      measure: 'embodied',
      expected: 17,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'ecodiag-wifi-access-point',
      source: S.ecodiag,
      computes: 'Wi-Fi access point: embodied GWP of one unit bought in the reporting year',
      lines: buy('wifi_access_point'),
      options: opts,
      measure: 'embodied',
      expected: 10,
      tolerance: DEFAULT_TOLERANCE,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Electricity factors (GWP of 1 kWh used in the country).
const KWH = (country?: string): TInventoryLine[] => [
  { category: 'laptop', quantity: 1, annual_kwh: 1, embodied_gwp_kg: 0, ...(country ? { country } : {}) },
];
function electricityCases(): TReferenceCase[] {
  return [
    {
      id: 'electricity-fr-ademe-fr',
      source: S.baseEmpreinte,
      computes: '1 kWh used in France, default profile ademe-fr',
      lines: KWH(),
      measure: 'USE',
      expected: 0.052,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'electricity-fr-boavizta-eu',
      source: S.scarlat,
      computes: '1 kWh used in France, profile boavizta-eu',
      lines: KWH(),
      options: bz,
      measure: 'USE',
      expected: 0.098,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'electricity-de',
      source: S.scarlat,
      computes: '1 kWh used in Germany (both profiles)',
      lines: KWH('DEU'),
      measure: 'USE',
      expected: 0.422,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'electricity-fr-2026.1',
      source: S.scarlat,
      factorSet: 'techcare-2026.1',
      computes: '1 kWh used in France, factor set 2026.1 (kept for reproducibility)',
      lines: KWH(),
      measure: 'USE',
      expected: 0.098,
      tolerance: DEFAULT_TOLERANCE,
    },
    {
      id: 'electricity-fr-2026.1-ademe-variant',
      source: S.baseEmpreinte,
      factorSet: 'techcare-2026.1',
      computes:
        '1 kWh used in France, factor set 2026.1 with the ADEME variant chosen (electricityVariants FRA = ademe)',
      lines: KWH(),
      options: { electricityVariants: { FRA: 'ademe' } },
      measure: 'USE',
      expected: 0.052,
      tolerance: DEFAULT_TOLERANCE,
    },
  ];
}

export const referenceCases: TReferenceCase[] = [
  ...ademeCases(),
  ...boaviztaCases(),
  ...ccfCases(),
  ...transferCases(),
  ...ecodiagCases(),
  ...electricityCases(),
];

// ---------------------------------------------------------------------------------------------------------------
// Evaluation
type TTriple = { value: number; low: number; high: number };
const ZERO: TTriple = { value: 0, low: 0, high: 0 };
function read(r: TFootprintResult, m: TMeasure): TTriple {
  if (m === 'useKwh') return r.energy.useKwh;
  if (m === 'total') return r.total.gwp ?? ZERO;
  if (m === 'embodied') {
    const parts = (['BLD', 'DIS', 'EOL'] as const).map((p) => r.byPhase[p].gwp ?? ZERO);
    return {
      value: parts.reduce((s, x) => s + x.value, 0),
      low: parts.reduce((s, x) => s + x.low, 0),
      high: parts.reduce((s, x) => s + x.high, 0),
    };
  }
  return r.byPhase[m].gwp ?? ZERO;
}
const run = (c: TReferenceCase, lines: TInventoryLine[]): TFootprintResult =>
  computeFootprint(getFactorSet(c.factorSet ?? latestFactorSetId), lines, {
    criteria: ['gwp'],
    ...c.options,
    year: YEAR,
  });

/** Runs one case through the engine: its value, low–high, relative difference to the published value, and verdict. */
export function evaluateCase(c: TReferenceCase): TCaseResult {
  let t = read(run(c, c.lines), c.measure);
  if (c.minus) {
    const m = read(run(c, c.minus), c.measure);
    const per = c.per ?? 1;
    t = { value: (t.value - m.value) / per, low: (t.low - m.low) / per, high: (t.high - m.high) / per };
  }
  const difference = (t.value - c.expected) / c.expected;
  const pass =
    c.check === 'within-range'
      ? t.low <= c.expected && c.expected <= t.high
      : Math.abs(difference) <= (c.knownDifference?.bound ?? c.tolerance);
  return { ...t, difference, pass };
}
