import { NUMERIC_COLUMNS, TEXT_COLUMNS, type TColumn } from '../lca/index.js';
import { normaliseHeader } from './read-table.js';

/**
 * Accepted header spellings per canonical column (compared after `normaliseHeader`: case, accents, spaces,
 * `-`, `_` ignored). French aliases first-class: inventories come from French organisations.
 */
export const COLUMN_ALIASES: Record<TColumn, string[]> = {
  category: ['category', 'catégorie', 'categorie', 'type', 'type d’équipement', 'équipement', 'equipment'],
  quantity: ['quantity', 'quantité', 'qty', 'qté', 'nombre', 'count', 'units'],
  lifespan_years: [
    'lifespan_years',
    'lifespan',
    'durée de vie',
    'durée de vie (ans)',
    'duree de vie annees',
    'lifetime',
  ],
  purchase_year: [
    'purchase_year',
    'année d’achat',
    "année d'achat",
    'annee achat',
    'purchase year',
    'date d’achat',
    "date d'achat",
    'purchase date',
  ],
  country: ['country', 'pays', 'pays d’utilisation', 'country of use'],
  power_w: ['power_w', 'power', 'puissance', 'puissance (w)', 'puissance w', 'watts'],
  hours_per_year: ['hours_per_year', 'heures par an', 'heures/an', 'hours per year', 'heures d’utilisation par an'],
  annual_kwh: ['annual_kwh', 'kwh par an', 'kwh/an', 'consommation annuelle (kwh)', 'consommation kwh', 'annual kwh'],
  embodied_gwp_kg: [
    'embodied_gwp_kg',
    'empreinte fabrication (kgco2e)',
    'gwp fabrication',
    'embodied gwp',
    'pcf',
    'empreinte carbone fabrication',
  ],
  electricity_gwp_kg_per_kwh: [
    'electricity_gwp_kg_per_kwh',
    'facteur électricité',
    'facteur d’émission électricité',
    'kgco2e/kwh',
  ],
  pue: ['pue'],
  cpu_units: ['cpu_units', 'processeurs', 'nombre de processeurs', 'cpus', 'sockets'],
  cpu_model: ['cpu_model', 'modèle de processeur', 'processeur', 'cpu'],
  cpu_cores: ['cpu_cores', 'cœurs', 'coeurs', 'cores', 'cœurs par processeur'],
  cpu_die_mm2: ['cpu_die_mm2', 'surface de puce (mm2)', 'die mm2', 'die area'],
  ram_units: ['ram_units', 'barrettes de ram', 'modules ram', 'ram modules'],
  ram_gb: ['ram_gb', 'ram (go)', 'ram go', 'go par barrette', 'ram'],
  ram_density_gb_cm2: ['ram_density_gb_cm2', 'densité ram'],
  ssd_units: ['ssd_units', 'nombre de ssd', 'ssd'],
  ssd_gb: ['ssd_gb', 'ssd (go)', 'capacité ssd', 'ssd go'],
  ssd_density_gb_cm2: ['ssd_density_gb_cm2', 'densité ssd'],
  hdd_units: ['hdd_units', 'nombre de disques durs', 'hdd', 'disques durs'],
  psu_units: ['psu_units', 'alimentations', 'nombre d’alimentations', 'power supplies'],
  psu_kg: ['psu_kg', 'poids alimentation (kg)', 'psu weight'],
  form_factor: ['form_factor', 'format', 'facteur de forme'],
  cpu_load_pct: ['cpu_load_pct', 'charge cpu (%)', 'charge cpu', 'utilisation cpu', 'cpu load', 'utilisation'],
  provider: ['provider', 'fournisseur', 'fournisseur cloud', 'cloud provider'],
  instance_type: ['instance_type', 'type d’instance', "type d'instance", 'instance'],
  region: ['region', 'région'],
  hours: ['hours', 'heures', 'heures d’instance', 'instance hours'],
  gigabytes: ['gigabytes', 'go', 'go transférés', 'gb', 'données transférées (go)'],
  transfer_model: ['transfer_model', 'modèle de transfert'],
  storage_type: ['storage_type', 'type de stockage'],
  service: ['cloud_service', 'service cloud'],
  account: ['account', 'compte cloud', 'cloud account'],
  site: ['site', 'lieu', 'location'],
  entity: ['entity', 'entité', 'entite', 'service', 'department', 'company'],
  label: ['label', 'libellé', 'libelle', 'nom', 'name', 'description'],
};

/**
 * Columns the reader keeps on the stored line although the engine does not use them: the device model of an
 * asset export (« Latitude 5440 »), so the inventory still says what each line is.
 */
export const KEPT_COLUMNS = ['model'] as const;
export type TKeptColumn = (typeof KEPT_COLUMNS)[number];
export const KEPT_COLUMN_ALIASES: Record<TKeptColumn, string[]> = {
  model: ['model', 'modèle', 'modele', 'device model', 'modèle d’équipement'],
};
/** Any column the reader fills: the engine's, and the kept ones. */
export type TReaderColumn = TColumn | TKeptColumn;

/** normalised header → canonical column. */
export const HEADER_INDEX: Map<string, TReaderColumn> = (() => {
  const m = new Map<string, TReaderColumn>();
  const all = [...Object.entries(COLUMN_ALIASES), ...Object.entries(KEPT_COLUMN_ALIASES)] as [
    TReaderColumn,
    string[],
  ][];
  for (const [col, list] of all) for (const a of list) if (!m.has(normaliseHeader(a))) m.set(normaliseHeader(a), col);
  return m;
})();

export const NUMERIC = new Set<string>(NUMERIC_COLUMNS);
export const TEXT = new Set<string>([...TEXT_COLUMNS, ...KEPT_COLUMNS]);

/** Bounds of numeric columns (what each expects is said in `messages.ts`, `COLUMN_HINTS`, in both languages). */
export const NUMERIC_RULES: Partial<
  Record<TReaderColumn, { min?: number; minExclusive?: boolean; max?: number; int?: boolean }>
> = {
  quantity: { min: 0 },
  lifespan_years: { min: 0, minExclusive: true },
  purchase_year: { min: 1950, max: 2200, int: true },
  power_w: { min: 0 },
  hours_per_year: { min: 0, max: 8784 },
  annual_kwh: { min: 0 },
  embodied_gwp_kg: { min: 0 },
  electricity_gwp_kg_per_kwh: { min: 0, max: 2 },
  pue: { min: 1, max: 5 },
  cpu_load_pct: { min: 0, max: 100 },
  ram_density_gb_cm2: { min: 0, minExclusive: true },
  ssd_density_gb_cm2: { min: 0, minExclusive: true },
};
