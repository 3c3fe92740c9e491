import { z } from 'zod';

/** Impact criteria, with PCR-SI codes in the factor set. Order matters: it indexes the engine's arrays. */
export const CRITERIA = ['gwp', 'adpe', 'wu', 'pe', 'ap', 'pm', 'ir'] as const;
export type TCriterion = (typeof CRITERIA)[number];
export const ZCriterion = z.enum(CRITERIA);

/** Life-cycle phases: manufacture, distribution, use, end of life. */
export const PHASES = ['BLD', 'DIS', 'USE', 'EOL'] as const;
export type TPhase = (typeof PHASES)[number];

/** Tiers of the information system (ADEME/Arcep split). */
export const TIERS = ['terminals', 'network', 'datacenter', 'cloud', 'transfer'] as const;
export type TTier = (typeof TIERS)[number];

export const UNITS: Record<TCriterion, string> = {
  gwp: 'kgCO2e',
  adpe: 'kgSbe',
  wu: 'm3 world-eq deprived',
  pe: 'MJ',
  ap: 'molH+e',
  pm: 'disease incidence',
  ir: 'kBqU235e',
};

export const ALLOCATIONS = ['amortised', 'purchase-year'] as const;
export type TAllocation = (typeof ALLOCATIONS)[number];

/** Where a parameter's value comes from. */
export type TProvenance = 'input' | 'default' | 'archetype';

/** A result for one criterion: low ≤ value ≤ high, in `unit`, never rounded. */
export const ZImpact = z.object({ value: z.number(), low: z.number(), high: z.number(), unit: z.string() });
export type TImpact = z.infer<typeof ZImpact>;
export type TImpacts = Partial<Record<TCriterion, TImpact>>;

const num = z.number().finite();
const pos = num.nonnegative();
/**
 * One inventory line, canonical column names, numbers already parsed. A plain serialisable object, so features
 * (levers, API) can build or transform lines and recompute.
 */
export const ZInventoryLine = z.object({
  category: z.string().min(1),
  quantity: pos.optional(),
  lifespan_years: num.positive().optional(),
  purchase_year: z.number().int().min(1950).max(2200).optional(),
  country: z.string().optional(),
  power_w: pos.optional(),
  hours_per_year: pos.max(8784).optional(),
  annual_kwh: pos.optional(),
  embodied_gwp_kg: pos.optional(),
  electricity_gwp_kg_per_kwh: pos.optional(),
  pue: num.min(1).max(5).optional(),
  cpu_units: pos.optional(),
  cpu_model: z.string().optional(),
  cpu_cores: pos.optional(),
  cpu_die_mm2: pos.optional(),
  ram_units: pos.optional(),
  ram_gb: pos.optional(),
  ram_density_gb_cm2: num.positive().optional(),
  ssd_units: pos.optional(),
  ssd_gb: pos.optional(),
  ssd_density_gb_cm2: num.positive().optional(),
  hdd_units: pos.optional(),
  psu_units: pos.optional(),
  psu_kg: pos.optional(),
  form_factor: z.enum(['rack', 'blade', 'tower']).optional(),
  cpu_load_pct: num.min(0).max(100).optional(),
  provider: z.string().optional(),
  instance_type: z.string().optional(),
  region: z.string().optional(),
  hours: pos.optional(),
  gigabytes: pos.optional(),
  transfer_model: z.enum(['swd', '1byte']).optional(),
  /** cloud_storage lines: the medium (energy per GB-hour differs). */
  storage_type: z.enum(['ssd', 'hdd']).optional(),
  /** Tags of cloud lines imported from a billing export (the provider's service and account, project or subscription). */
  service: z.string().optional(),
  account: z.string().optional(),
  site: z.string().optional(),
  entity: z.string().optional(),
  label: z.string().optional(),
});
export type TInventoryLine = z.infer<typeof ZInventoryLine>;

/** The numeric columns of an inventory line (used by readers to parse numbers). */
export const NUMERIC_COLUMNS = [
  'quantity',
  'lifespan_years',
  'purchase_year',
  'power_w',
  'hours_per_year',
  'annual_kwh',
  'embodied_gwp_kg',
  'electricity_gwp_kg_per_kwh',
  'pue',
  'cpu_units',
  'cpu_cores',
  'cpu_die_mm2',
  'ram_units',
  'ram_gb',
  'ram_density_gb_cm2',
  'ssd_units',
  'ssd_gb',
  'ssd_density_gb_cm2',
  'hdd_units',
  'psu_units',
  'psu_kg',
  'cpu_load_pct',
  'hours',
  'gigabytes',
] as const;
export const TEXT_COLUMNS = [
  'category',
  'country',
  'cpu_model',
  'form_factor',
  'provider',
  'instance_type',
  'region',
  'transfer_model',
  'site',
  'entity',
  'label',
  'storage_type',
  'service',
  'account',
] as const;
export type TColumn = (typeof NUMERIC_COLUMNS)[number] | (typeof TEXT_COLUMNS)[number];

/** A figure of the factor set: typical value with its low/high and the id of its source. */
export const ZCitedRange = z.object({
  value: num,
  low: num,
  high: num,
  source: z.string(),
  note: z.string().optional(),
});
export type TCitedRange = z.infer<typeof ZCitedRange>;

const perCrit = z.record(z.string(), ZCitedRange);
/** A source figure the factor-set build refused (impossible, or negative where a credit would hide a burden). */
export const ZQuarantined = z.object({
  criterion: z.string(),
  phase: z.string(),
  value: num,
  source: z.string(),
  reason: z.string(),
});
export const ZDeviceArchetype = z.object({
  tier: z.enum(TIERS),
  /** Manufacture (BLD) per criterion; a whole-life figure for criteria without `distribution`/`endOfLife`. */
  embodied: perCrit,
  /** Assembly and distribution (DIS), where the source splits the life cycle. */
  distribution: perCrit.optional(),
  /** End of life (EOL), where the source splits the life cycle. */
  endOfLife: perCrit.optional(),
  lifespanYears: ZCitedRange,
  /** Yearly use: either a yearly energy, or an average power over hours of use. */
  use: z
    .object({ powerW: ZCitedRange.optional(), hoursPerYear: ZCitedRange.optional(), annualKwh: ZCitedRange.optional() })
    .optional(),
  /** Why the archetype has no use phase (a reason shown with the zero), when that is its nature. */
  noUse: z.string().optional(),
  quarantined: z.array(ZQuarantined).optional(),
  note: z.string().optional(),
});
export type TQuarantined = z.infer<typeof ZQuarantined>;
export type TDeviceArchetype = z.infer<typeof ZDeviceArchetype>;

const trio = z.object({ gwp: num, pe: num, adpe: num });
export const ZServerModel = z.object({
  components: z.object({
    cpu: z.object({ perMm2: trio, fixed: trio, source: z.string() }),
    ram: z.object({ perCm2: trio, fixed: trio, source: z.string() }),
    ssd: z.object({ perCm2: trio, fixed: trio, source: z.string() }),
    hdd: z.object({ fixed: trio, source: z.string() }),
    motherboard: z.object({ fixed: trio, source: z.string() }),
    assembly: z.object({ fixed: trio, source: z.string() }),
    powerSupply: z.object({ perKg: trio, source: z.string() }),
    case: z.object({
      rack: trio,
      bladeServer: trio,
      bladeEnclosure16: trio,
      tower: trio,
      source: z.string(),
      note: z.string().optional(),
    }),
  }),
  defaults: z.object({
    cpuUnits: ZCitedRange,
    cpuCores: ZCitedRange,
    cpuDieMm2PerCore: ZCitedRange,
    ramUnits: ZCitedRange,
    ramGb: ZCitedRange,
    ramDensityGbCm2: ZCitedRange,
    ssdUnits: ZCitedRange,
    ssdGb: ZCitedRange,
    ssdDensityGbCm2: ZCitedRange,
    hddUnits: ZCitedRange,
    psuUnits: ZCitedRange,
    psuKg: ZCitedRange,
    cpuLoadPct: ZCitedRange,
    formFactor: z.string(),
  }),
  use: z.object({
    cpuCurve: z.object({ a: num, b: num, c: num, d: num, source: z.string(), note: z.string().optional() }),
    ramWattsPerGb: ZCitedRange,
    otherConsumptionRatio: ZCitedRange,
    hoursPerYear: ZCitedRange,
  }),
  defaultPue: ZCitedRange,
});
export type TServerModel = z.infer<typeof ZServerModel>;

export const ZCloudPlatform = z.object({
  vcpu: num.optional(),
  cpuUnits: num.optional(),
  cpuModel: z.string().optional(),
  cpuCores: num.optional(),
  cpuDieMm2: num.optional(),
  ramUnits: num.optional(),
  ramGb: num.optional(),
  ssdUnits: num.optional(),
  ssdGb: num.optional(),
  hddUnits: num.optional(),
  psuUnits: num.optional(),
  psuKg: num.optional(),
  gpuUnits: num.optional(),
});
export type TCloudPlatform = z.infer<typeof ZCloudPlatform>;
export interface TCloudInstance {
  vcpu: number;
  memoryGb: number;
  ssdGb: number;
  hddGb: number;
  gpuUnits: number;
  platform: string;
}
export interface TCloudProvider {
  pue: TCitedRange;
  minWattsPerVcpu: TCitedRange;
  maxWattsPerVcpu: TCitedRange;
}

export interface TSource {
  title: string;
  url: string;
  year: number;
  licence: string;
}

/** A complete factor set, as loaded by `src/data` (the engine never reads files). */
export interface TFactorSet {
  id: string;
  publishedAt: string;
  licence: string;
  description: string;
  criteria: Record<TCriterion, { unit: string; pcrsi: string; name: string }>;
  sources: Record<string, TSource>;
  devices: Record<string, TDeviceArchetype>;
  aliases: Record<string, string>;
  server: TServerModel;
  cloud: {
    providers: Record<string, TCloudProvider>;
    memoryKwhPerGbHour: TCitedRange;
    ssdWhPerTbHour: TCitedRange;
    hddWhPerTbHour: TCitedRange;
    utilisation: TCitedRange;
    platformLifespanYears: TCitedRange;
    defaultHoursPerYear: TCitedRange;
    /** `provider:instance` (lower case) → instance. */
    instances: Record<string, TCloudInstance>;
    /** `provider:platform` → platform components. */
    platforms: Record<string, TCloudPlatform>;
    /** `provider:region` (lower case) → ISO3 country. */
    regions: Record<string, string>;
  };
  electricity: {
    zones: Record<string, { name: string; alpha2?: string; factors: Partial<Record<TCriterion, TCitedRange>> }>;
    alternatives: Record<string, Record<string, Partial<Record<TCriterion, TCitedRange>>>>;
    /** Zone factors the build refused, with the reason (reported as gaps when a line uses the zone). */
    quarantined?: { zone: string; criterion: string; value: number; source: string; reason: string }[];
  };
  /**
   * Reference profiles: coherent choices of sources. The base devices and zones are those of the default profile;
   * another profile replaces some devices and zone factors.
   */
  profiles?: Record<string, TReferenceProfile>;
  /** Lower-case CPU model → cores and total die area (mm²). */
  cpuDies: Record<string, { cores?: number; threads?: number; dieMm2: number }>;
  transfer: Record<string, { model: string; version?: number; source: string; note?: string }>;
  defaults: { country: string; profile?: string; note?: string };
}

export interface TReferenceProfile {
  name: string;
  description: string;
  devices: Record<string, TDeviceArchetype>;
  electricity: Record<string, Partial<Record<TCriterion, TCitedRange>>>;
}

/** Options of a footprint computation. */
export const ZFootprintOptions = z.object({
  year: z.number().int(),
  country: z.string().optional(),
  allocation: z.enum(ALLOCATIONS).default('amortised'),
  criteria: z.array(ZCriterion).optional(),
  /** Per zone, which alternative electricity reference to use, e.g. `{ FRA: 'ademe' }`. */
  electricityVariants: z.record(z.string(), z.string()).optional(),
  /** Reference profile of the factor set (its default when not given). */
  profile: z.string().optional(),
  monteCarlo: z.object({ draws: z.number().int().positive(), seed: z.number().int() }).optional(),
  /** Keep at most this many warnings (a summary line tells how many were left out). */
  maxWarnings: z.number().int().positive().optional(),
});
export type TFootprintOptions = z.input<typeof ZFootprintOptions>;

/** Values a message needs (a cell as typed, a bound, a list of names), JSON-serialisable so results can be stored. */
export type TMessageParams = Record<string, string | number>;
/**
 * An error of one inventory line. The engine and the readers always set `code` and `params` (stable, see
 * `messages.ts`) and keep `message` as the English text; `code` is optional only for errors built elsewhere or
 * stored before codes existed, which formatters show through `message`.
 */
export interface TLineError {
  line: number;
  column: string;
  message: string;
  code?: string;
  params?: TMessageParams;
}
/** A warning (`line` 0 for a warning about the whole result); `code`/`params` as for `TLineError`. */
export interface TWarning {
  line: number;
  message: string;
  code?: string;
  params?: TMessageParams;
}

/** Why a cell of the result is zero or left out. */
export const GAP_CODES = [
  'no-factor',
  'no-use-profile',
  'no-use-by-nature',
  'fully-amortised',
  'purchased-another-year',
  'quarantined',
  'model-scope',
  'no-electricity-factor',
  'not-yet-purchased',
] as const;
export type TGapCode = (typeof GAP_CODES)[number];
export interface TGap {
  category: string;
  criterion: TCriterion;
  phase: TPhase;
  message: string;
  code?: TGapCode;
  units?: number;
}

/** The footprint result (the CLI's `--format json` contract). */
export interface TFootprintResult {
  methodology: {
    factorSet: string;
    profile?: string;
    allocation: TAllocation;
    year: number;
    country: string;
    electricityVariants?: Record<string, string>;
  };
  lines: number;
  units: number;
  total: TImpacts;
  byPhase: Record<TPhase, TImpacts>;
  byTier: Record<TTier, TImpacts>;
  byCategory: Record<string, TImpacts>;
  /** category → phase → criteria: the cells the csv and pcr-si formats need. */
  byCategoryPhase: Record<string, Partial<Record<TPhase, TImpacts>>>;
  energy: { useKwh: { value: number; low: number; high: number; unit: 'kWh' } };
  dataQuality: {
    defaultShare: number;
    provenance: Record<string, Partial<Record<TProvenance, number>>>;
    /**
     * Every cell counted as zero or left out, with its reason (`code`, see messages.ts) and how many units it
     * concerns: no silent zero.
     */
    gaps: TGap[];
  };
  warnings: TWarning[];
  monteCarlo?: { draws: number; seed: number } & Partial<Record<TCriterion, { p05: number; p50: number; p95: number }>>;
}
