import type { TCompiled, TCompiledDevice } from './compile.js';
import { cpuPowerAtLoad } from './compile.js';
import { makeParam, type TParam } from './params.js';
import { englishMessage, type TLineErrorCode, type TWarningCode } from './messages.js';
import { at } from './checked-index.js';
import {
  CRITERIA,
  type TAllocation,
  type TCloudInstance,
  type TCloudPlatform,
  type TCriterion,
  type TGapCode,
  type TInventoryLine,
  type TLineError,
  type TMessageParams,
  type TPhase,
  type TProvenance,
  type TTier,
} from './types.js';

const BLD = 0;
const DIS = 1;
const USE = 2;
const EOL = 3;
const GWP = 0;
const WU = 2;

/** What the accumulator offers the models: emitting terms, warnings, gaps and provenance. */
export interface TLineContext {
  compiled: TCompiled;
  year: number;
  allocation: TAllocation;
  country: string;
  wanted: Uint8Array;
  lineNo: number;
  /** A warning by code (messages.ts); its text is only built when the warning is kept. */
  warn(line: number, code: TWarningCode, params?: TMessageParams): void;
  warnOnce(key: string, line: number, code: TWarningCode, params?: TMessageParams | (() => TMessageParams)): void;
  /** Notes that the current line books a whole-life embodied figure in BLD (the `embodied-not-split` warning). */
  embodiedWhole(): void;
  /**
   * Notes a cell counted as zero or left out for `units` units of the current line (no silent zero): listed once per
   * category, criterion and phase with its reason, units added up.
   */
  gap(
    category: string,
    criterion: TCriterion,
    phase: TPhase,
    code: TGapCode,
    message: string | (() => string),
    units: number,
  ): void;
  /** While on, the terms of the current line count as resting on defaults (a parameter the user did not give). */
  defaultTerms(on: boolean): void;
  provenance(name: string, kind: TProvenance): void;
  /**
   * Adds a term coef × Π params^exps (× extra, when given) to criterion `crit`, phase `phase` of the current line.
   * `np`: how many entries of params/exps count (default: all).
   */
  term(
    crit: number,
    phase: number,
    coef: number,
    params: readonly TParam[],
    exps: readonly number[],
    extra?: TParam,
    np?: number,
  ): void;
  /** Adds use-phase energy (kWh) of the current line (`np` as for `term`). */
  energy(coef: number, params: readonly TParam[], exps: readonly number[], np?: number): void;
}

/** A checked line, ready to run (`runPreparedLine`); plain data, no closure, because this runs once per line. */
export interface TPreparedLine {
  errors: TLineError[];
  category: string;
  tier: TTier;
  quantity: number;
  kind: 'none' | 'device' | 'cloud' | 'transfer' | 'storage';
  line: TInventoryLine;
  zone: string;
  device?: TCompiledDevice;
  embodiedMode: 'amortise' | 'whole' | 'none';
  /** Cloud lines: the instance and its host platform, resolved once per provider and instance type. */
  cloud?: TResolvedCloud;
}

/** A cloud instance type resolved against the factor set (cached: inventories repeat a few instance types). */
interface TResolvedCloud {
  provider: string;
  inst: TCloudInstance;
  platformKey: string;
  platform: TCloudPlatform | undefined;
  embodied: Partial<Record<TCriterion, TParam>> | undefined;
  gpuKey: string;
}

const KEY_CACHE = new Map<string, string>();
/** Trimmed lower case, memoised (provider, instance type and region names repeat line after line). */
function normaliseKey(raw: string): string {
  const hit = KEY_CACHE.get(raw);
  if (hit !== undefined) return hit;
  const v = raw.trim().toLowerCase();
  if (KEY_CACHE.size < 10_000) KEY_CACHE.set(raw, v);
  return v;
}

const cloudCache = new WeakMap<TCompiled, Map<string, Map<string, TResolvedCloud | null>>>();
function resolveCloud(c: TCompiled, provider: string, type: string): TResolvedCloud | undefined {
  let byProvider = cloudCache.get(c);
  if (!byProvider) {
    byProvider = new Map();
    cloudCache.set(c, byProvider);
  }
  let byType = byProvider.get(provider);
  if (!byType) {
    byType = new Map();
    byProvider.set(provider, byType);
  }
  let hit = byType.get(type);
  if (hit === undefined) {
    const inst = c.fs.cloud.instances[`${provider}:${type}`];
    if (!inst) hit = null;
    else {
      const platformKey = `${provider}:${inst.platform}`;
      hit = {
        provider,
        inst,
        platformKey,
        platform: c.fs.cloud.platforms[platformKey],
        embodied: c.cloud.platformEmbodied.get(platformKey),
        gpuKey: `gpu:${platformKey}`,
      };
    }
    if (byType.size < 10_000) byType.set(type, hit);
  }
  return hit ?? undefined;
}
function resolveRegion(c: TCompiled, provider: string, region: string): string | undefined {
  return c.fs.cloud.regions[`${provider}:${normaliseKey(region)}`];
}

const EMPTY: readonly TParam[] = [];
const EMPTY_EXPS: readonly number[] = [];
const INV: readonly number[] = [-1];
const singles = new WeakMap<TParam, readonly TParam[]>();
/** A shared one-element array per parameter (no allocation per line). */
function single(p: TParam): readonly TParam[] {
  let a = singles.get(p);
  if (!a) {
    a = [p];
    singles.set(p, a);
  }
  return a;
}
/** A line error with its code, params and English message. */
function lineError(line: number, column: string, code: TLineErrorCode, params: TMessageParams = {}): TLineError {
  return { line, column, message: englishMessage('error', code, params), code, params };
}

const STATIC_GAP_EMBODIED = 'no embodied figure for this criterion in the factor set (for GWP, give embodied_gwp_kg)';
const STATIC_GAP_WU = 'no open water-use factor for electricity';

/** Emits the terms of a prepared line without errors. */
export function runPreparedLine(ctx: TLineContext, p: TPreparedLine): void {
  if (p.kind === 'device') runDevice(ctx, p);
  else if (p.kind === 'cloud') runCloud(ctx, p);
  else if (p.kind === 'transfer') runTransfer(ctx, p);
  else if (p.kind === 'storage') runStorage(ctx, p);
}

/**
 * A product of factors: numbers (inputs, constants) fold into the coefficient, parameters stay uncertain. Only the
 * first `n` entries of `params`/`exps` count: a reset sets `n` to 0 instead of truncating the arrays (truncating is
 * a runtime call in V8, measurable at a million lines).
 */
class Product {
  coef: number;
  n = 0;
  params: TParam[] = [];
  exps: number[] = [];
  constructor(coef: number) {
    this.coef = coef;
  }
  mul(x: number | TParam): this {
    if (typeof x === 'number') this.coef *= x;
    else {
      this.params[this.n] = x;
      this.exps[this.n++] = 1;
    }
    return this;
  }
  div(x: number | TParam): this {
    if (typeof x === 'number') this.coef /= x;
    else {
      this.params[this.n] = x;
      this.exps[this.n++] = -1;
    }
    return this;
  }
  /** Starts a new product in this object (scratch reuse: no allocation per line). */
  reset(coef: number): this {
    this.coef = coef;
    this.n = 0;
    return this;
  }
}

// Scratch products reused line after line. Safe because a product is consumed (its terms emitted, and the
// accumulator copies what it keeps) before the same scratch is reset again; the engine is synchronous.
const S0 = new Product(0);
const S1 = new Product(0);
/** Frozen: lines without errors share it, and nobody may push onto it. */
const NO_ERRORS = Object.freeze([]) as unknown as TLineError[];

const CATEGORY_CLEAN = /[\s\-./]+/g;
const categoryCache = new Map<string, string>();
/** Normalises a category: lower case, no accents, separators as `_` (memoised: inventories repeat a few names). */
export function normaliseCategory(raw: string): string {
  const hit = categoryCache.get(raw);
  if (hit !== undefined) return hit;
  const v = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(CATEGORY_CLEAN, '_');
  if (categoryCache.size < 10_000) categoryCache.set(raw, v);
  return v;
}

const choicesCache = new WeakMap<TCompiled, string>();
/** The categories a line may name, for the `unknown-category` fix (built once per compiled factor set). */
function categoryChoices(c: TCompiled): string {
  let v = choicesCache.get(c);
  if (v === undefined) {
    v = [...c.devices.keys(), 'cloud_instance', 'cloud_storage', 'data_transfer'].join(', ');
    choicesCache.set(c, v);
  }
  return v;
}

/** Whether a wanted criterion is among those of a mask (both indexed like CRITERIA). */
function wantsAny(wanted: Uint8Array, mask: Uint8Array): boolean {
  for (let i = 0; i < mask.length; i++) if (mask[i] && wanted[i]) return true;
  return false;
}

const POWER_BOUNDS: Record<TTier, number> = {
  terminals: 1500,
  network: 1000,
  datacenter: 5000,
  cloud: 5000,
  transfer: 5000,
};
const SERVER_SPEC_KEYS = [
  'cpu_units',
  'cpu_model',
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
  'form_factor',
] as const;

/**
 * Checks a line against the factor set and prepares its evaluation. `run()` emits the line's terms; it is only
 * called when there are no errors.
 */
export function evaluateLine(ctx: TLineContext, line: TInventoryLine, _stream = true): TPreparedLine {
  // One scratch array for every line: valid lines (nearly all) then share NO_ERRORS and allocate nothing.
  const scratch = SCRATCH_ERRORS;
  if (scratch.length) scratch.length = 0;
  const prepared = prepareLine(ctx, line, scratch);
  prepared.errors = scratch.length ? scratch.slice() : NO_ERRORS;
  return prepared;
}

const SCRATCH_ERRORS: TLineError[] = [];

function prepareLine(ctx: TLineContext, line: TInventoryLine, errors: TLineError[]): TPreparedLine {
  const c = ctx.compiled;
  const n = ctx.lineNo;
  const raw = normaliseCategory(line.category ?? '');
  const category = c.aliases.get(raw) ?? raw;
  const device = c.devices.get(category);
  const isCloud = category === 'cloud_instance';
  const isTransfer = category === 'data_transfer';
  const isStorage = category === 'cloud_storage';
  if (!device && !isCloud && !isTransfer && !isStorage) {
    errors.push(
      lineError(n, 'category', 'unknown-category', { value: String(line.category ?? ''), choices: categoryChoices(c) }),
    );
    return {
      errors,
      category,
      tier: 'terminals',
      quantity: 0,
      kind: 'none',
      line,
      zone: ctx.country,
      embodiedMode: 'none',
    };
  }
  const tier: TTier = isCloud || isStorage ? 'cloud' : isTransfer ? 'transfer' : (device as TCompiledDevice).tier;
  const quantity = line.quantity ?? 1;

  // Country of use → electricity factors.
  let zone = ctx.country;
  if (line.country !== undefined && line.country.trim() !== '') {
    const code = line.country.trim().toUpperCase();
    const z = code.length === 2 ? c.alpha2.get(code) : c.zones.has(code) ? code : undefined;
    if (!z) errors.push(lineError(n, 'country', 'unknown-country', { value: line.country }));
    else zone = z;
  }

  if (isCloud) return cloudLine(ctx, line, errors, category, tier, quantity, zone);
  if (isStorage) return storageLine(ctx, line, errors, category, tier, quantity, zone);
  if (isTransfer) return transferLine(ctx, line, errors, category, tier, quantity);
  const d = device as TCompiledDevice;

  // Allocation of the embodied phases to the reporting year.
  if (line.lifespan_years !== undefined && line.lifespan_years < 1)
    ctx.warn(n, 'lifespan-under-a-year', { value: line.lifespan_years });
  const lifespanValue = line.lifespan_years ?? d.lifespan.mode;
  let embodiedMode: 'amortise' | 'whole' | 'none' = 'amortise';
  let counted = true;
  if (line.purchase_year !== undefined && line.purchase_year > ctx.year) counted = false;
  else if (ctx.allocation === 'purchase-year') {
    if (line.purchase_year === undefined) ctx.warnOnce('no-purchase-year', n, 'purchase-year-missing');
    else embodiedMode = line.purchase_year === ctx.year ? 'whole' : 'none';
  } else if (line.purchase_year !== undefined && ctx.year - line.purchase_year >= lifespanValue) embodiedMode = 'none';
  if (line.power_w !== undefined && line.power_w > POWER_BOUNDS[tier])
    ctx.warn(n, 'power-above-bound', { value: line.power_w, bound: POWER_BOUNDS[tier], tier });
  if (!counted && !errors.length && ctx.wanted[GWP])
    ctx.gap(category, 'gwp', 'BLD', 'not-yet-purchased', 'bought after this year: not counted in it', quantity);
  if (errors.length || !counted)
    return { errors, category, tier, quantity: counted ? quantity : 0, kind: 'none', line, zone, embodiedMode };
  return { errors, category, tier, quantity, kind: 'device', line, zone, device: d, embodiedMode };
}

function emitEmbodied(
  ctx: TLineContext,
  mode: 'amortise' | 'whole' | 'none',
  lifespan: number | TParam,
  crit: number,
  p: Product,
): void {
  if (mode === 'none') return;
  if (mode === 'amortise') p.div(lifespan);
  ctx.term(crit, BLD, p.coef, p.params, p.exps, undefined, p.n);
}

function runDevice(ctx: TLineContext, prep: TPreparedLine): void {
  const c = ctx.compiled;
  const d = prep.device as TCompiledDevice;
  const { line, quantity, category, zone, embodiedMode } = prep;
  const neg = c.negativeFactors.get(d.id);
  if (neg) for (const x of neg) ctx.warnOnce(x.key, ctx.lineNo, 'negative-factor', x.params);
  const lifespan: number | TParam = line.lifespan_years ?? d.lifespan;
  ctx.provenance('lifespan_years', line.lifespan_years !== undefined ? 'input' : 'default');
  ctx.provenance('purchase_year', line.purchase_year !== undefined ? 'input' : 'default');
  const isServer = category === 'server';
  let bottomUp = false;
  if (isServer)
    for (const k of SERVER_SPEC_KEYS)
      if (line[k] !== undefined) {
        bottomUp = true;
        break;
      }
  // Whole-life embodied figures (archetype factors, embodied_gwp_kg) land in BLD: flagged for `embodied-not-split`.
  if (
    embodiedMode !== 'none' &&
    ((ctx.wanted[GWP] && line.embodied_gwp_kg !== undefined) || (!bottomUp && wantsAny(ctx.wanted, d.embodiedMask)))
  )
    ctx.embodiedWhole();
  // Without a purchase year, the share of the embodied impacts booked this year is itself a default.
  ctx.defaultTerms(line.purchase_year === undefined);
  if (bottomUp) serverEmbodied(ctx, line, quantity, embodiedMode, lifespan, category);
  else {
    for (let ci = 0; ci < CRITERIA.length; ci++) {
      const crit = at(CRITERIA, ci);
      if (!ctx.wanted[ci]) continue;
      const given = ci === GWP && line.embodied_gwp_kg !== undefined;
      const f = given ? undefined : d.embodied[crit];
      if (!given && !f) {
        const q = d.quarantined[crit];
        if (q) ctx.gap(category, crit, 'BLD', 'quarantined', q, quantity);
        else ctx.gap(category, crit, 'BLD', 'no-factor', STATIC_GAP_EMBODIED, quantity);
        continue;
      }
      if (embodiedMode === 'none') {
        amortisedGap(ctx, category, crit, d, quantity);
        continue;
      }
      if (given) {
        emitEmbodied(ctx, embodiedMode, lifespan, ci, S0.reset(quantity * (line.embodied_gwp_kg as number)));
        continue;
      }
      emitPhase(ctx, ci, BLD, embodiedMode, lifespan, quantity, f as TParam);
      // A number is the phase's ratio to the manufacture figure (same relative spread, one uncertain draw).
      const dis = d.distribution[crit];
      if (dis !== undefined)
        emitPhase(
          ctx,
          ci,
          DIS,
          embodiedMode,
          lifespan,
          typeof dis === 'number' ? quantity * dis : quantity,
          typeof dis === 'number' ? (f as TParam) : dis,
        );
      const eol = d.endOfLife[crit];
      if (eol !== undefined)
        emitPhase(
          ctx,
          ci,
          EOL,
          embodiedMode,
          lifespan,
          typeof eol === 'number' ? quantity * eol : quantity,
          typeof eol === 'number' ? (f as TParam) : eol,
        );
    }
  }
  ctx.defaultTerms(false);
  ctx.provenance('embodied_gwp', line.embodied_gwp_kg !== undefined ? 'input' : bottomUp ? 'default' : 'archetype');
  useLine(ctx, line, d, category, quantity, zone, isServer);
}

/** One embodied phase of an archetype: the factor over the lifespan (amortised) or whole (purchase year). */
function emitPhase(
  ctx: TLineContext,
  ci: number,
  phase: number,
  mode: 'amortise' | 'whole',
  lifespan: number | TParam,
  quantity: number,
  f: TParam,
): void {
  // Shared one-element arrays: no allocation per line.
  if (mode === 'whole') ctx.term(ci, phase, quantity, EMPTY, EMPTY_EXPS, f);
  else if (typeof lifespan === 'number') ctx.term(ci, phase, quantity / lifespan, EMPTY, EMPTY_EXPS, f);
  else ctx.term(ci, phase, quantity, single(lifespan), INV, f);
}

/** The zero of devices whose embodied impacts belong to other years (fully amortised, or bought another year). */
function amortisedGap(
  ctx: TLineContext,
  category: string,
  crit: TCriterion,
  d: TCompiledDevice,
  quantity: number,
): void {
  const byPurchase = ctx.allocation === 'purchase-year';
  const code: TGapCode = byPurchase ? 'purchased-another-year' : 'fully-amortised';
  const message = byPurchase
    ? 'embodied impacts are counted in the purchase year, another year than this one'
    : 'fully amortised: bought more than a lifespan before this year';
  ctx.gap(category, crit, 'BLD', code, message, quantity);
  if (d.distribution[crit] !== undefined) ctx.gap(category, crit, 'DIS', code, message, quantity);
  if (d.endOfLife[crit] !== undefined) ctx.gap(category, crit, 'EOL', code, message, quantity);
}

/** Use phase of devices and servers: energy × electricity factor of the country (× PUE for servers). */
function useLine(
  ctx: TLineContext,
  line: TInventoryLine,
  d: TCompiledDevice,
  category: string,
  quantity: number,
  zone: string,
  isServer: boolean,
): void {
  const c = ctx.compiled;
  const energy = S1.reset(quantity);
  if (line.annual_kwh !== undefined) {
    energy.mul(line.annual_kwh);
    ctx.provenance('annual_kwh', 'input');
  } else if (isServer && line.power_w === undefined) {
    // Server power model: CPUs on the load curve + RAM per GB, both × (1 + other-consumption ratio).
    const s = c.server;
    const hours: number | TParam = line.hours_per_year ?? s.hours;
    const cpu = S0.reset(quantity).mul(line.cpu_units ?? s.cpuUnits);
    if (line.cpu_load_pct !== undefined)
      cpu.mul(cpuPowerAtLoad(c.fs.server.use.cpuCurve, line.cpu_load_pct)).mul(s.otherFactor);
    else cpu.mul(s.cpuWattsDefaultLoad);
    cpu.mul(hours).div(1000);
    ctx.provenance('power_w', 'default');
    ctx.provenance('cpu_load_pct', line.cpu_load_pct !== undefined ? 'input' : 'default');
    emitUse(ctx, line, cpu.mul(line.pue ?? s.pue), category, zone, quantity);
    const ram = S0.reset(quantity)
      .mul(line.ram_units ?? s.ramUnits)
      .mul(line.ram_gb ?? s.ramGb)
      .mul(s.ramWattsPerGb)
      .mul(hours)
      .div(1000);
    emitUse(ctx, line, ram.mul(line.pue ?? s.pue), category, zone, quantity);
    ctx.provenance('pue', line.pue !== undefined ? 'input' : 'default');
    return;
  } else if (line.power_w === undefined && line.hours_per_year === undefined && !isServer && d.annualKwh) {
    // The source's yearly energy (ADEME/Arcep): the line says nothing of its own use.
    energy.mul(d.annualKwh);
    ctx.provenance('annual_kwh', 'default');
  } else {
    const power: number | TParam | undefined = line.power_w ?? (isServer ? undefined : d.power);
    const hours: number | TParam | undefined = line.hours_per_year ?? (isServer ? c.server.hours : d.hours);
    if (power === undefined || hours === undefined) {
      const byNature = d.noUse !== undefined && line.power_w === undefined && line.hours_per_year === undefined;
      for (const crit of CRITERIA) {
        if (byNature) ctx.gap(category, crit, 'USE', 'no-use-by-nature', d.noUse as string, quantity);
        else
          ctx.gap(
            category,
            crit,
            'USE',
            'no-use-profile',
            'no default use profile: give power_w and hours_per_year, or annual_kwh',
            quantity,
          );
      }
      return;
    }
    energy.mul(power).mul(hours).div(1000);
    ctx.provenance('power_w', line.power_w !== undefined ? 'input' : 'default');
    ctx.provenance('hours_per_year', line.hours_per_year !== undefined ? 'input' : 'default');
  }
  if (isServer) {
    energy.mul(line.pue ?? c.server.pue);
    ctx.provenance('pue', line.pue !== undefined ? 'input' : 'default');
  }
  emitUse(ctx, line, energy, category, zone, quantity);
}

function emitUse(
  ctx: TLineContext,
  line: TInventoryLine,
  energy: Product,
  category: string,
  zone: string,
  units: number,
): void {
  const c = ctx.compiled;
  const factors = c.zones.get(zone) ?? {};
  ctx.energy(energy.coef, energy.params, energy.exps, energy.n);
  ctx.provenance('country', line.country ? 'input' : 'default');
  ctx.provenance('electricity', line.electricity_gwp_kg_per_kwh !== undefined ? 'input' : 'default');
  for (let ci = 0; ci < CRITERIA.length; ci++) {
    if (!ctx.wanted[ci]) continue;
    const crit = at(CRITERIA, ci);
    if (ci === GWP && line.electricity_gwp_kg_per_kwh !== undefined) {
      ctx.term(ci, USE, energy.coef * line.electricity_gwp_kg_per_kwh, energy.params, energy.exps, undefined, energy.n);
      continue;
    }
    const f = factors[crit];
    if (!f) {
      const q = c.quarantinedZones.get(`${zone}:${crit}`);
      if (q) ctx.gap(category, crit, 'USE', 'quarantined', () => `electricity of ${zone}: ${q}`, units);
      else
        ctx.gap(
          category,
          crit,
          'USE',
          'no-electricity-factor',
          ci === WU ? STATIC_GAP_WU : 'no electricity factor for this criterion and country',
          units,
        );
      continue;
    }
    ctx.term(ci, USE, energy.coef, energy.params, energy.exps, f, energy.n);
  }
}

/** Bottom-up server manufacture (UBA 2021 constants): one term per component and criterion. */
function serverEmbodied(
  ctx: TLineContext,
  line: TInventoryLine,
  q: number,
  mode: 'amortise' | 'whole' | 'none',
  lifespan: number | TParam,
  category: string,
): void {
  const embodied = (crit: number, p: Product): void => {
    emitEmbodied(ctx, mode, lifespan, crit, p);
  };
  const c = ctx.compiled;
  const s = c.server;
  const k = c.fs.server.components;
  const cpuUnits = line.cpu_units ?? s.cpuUnits;
  let die: number | undefined = line.cpu_die_mm2;
  if (die === undefined && line.cpu_model) {
    const hit = c.fs.cpuDies[line.cpu_model.trim().toLowerCase()];
    if (hit) die = hit.dieMm2;
    else
      ctx.warnOnce(`cpu:${line.cpu_model}`, ctx.lineNo, 'cpu-model-unknown', {
        model: line.cpu_model,
        factorSet: c.fs.id,
      });
  }
  ctx.provenance('cpu_die_mm2', die !== undefined ? 'input' : 'default');
  const kase = line.form_factor === 'blade' ? null : line.form_factor === 'tower' ? k.case.tower : k.case.rack;
  for (const crit of ['gwp', 'pe', 'adpe'] as const) {
    const ci = CRITERIA.indexOf(crit);
    if (!ctx.wanted[ci]) continue;
    if (ci === GWP && line.embodied_gwp_kg !== undefined) {
      embodied(ci, S0.reset(q * line.embodied_gwp_kg));
      continue;
    }
    const cpuDie = S0.reset(q * k.cpu.perMm2[crit]).mul(cpuUnits);
    if (die !== undefined) cpuDie.mul(die);
    else cpuDie.mul(line.cpu_cores ?? s.cpuCores).mul(s.diePerCore);
    embodied(ci, cpuDie);
    embodied(ci, S0.reset(q * k.cpu.fixed[crit]).mul(cpuUnits));
    const ramUnits = line.ram_units ?? s.ramUnits;
    embodied(
      ci,
      S0.reset(q * k.ram.perCm2[crit])
        .mul(ramUnits)
        .mul(line.ram_gb ?? s.ramGb)
        .div(line.ram_density_gb_cm2 ?? s.ramDensity),
    );
    embodied(ci, S0.reset(q * k.ram.fixed[crit]).mul(ramUnits));
    const ssdUnits = line.ssd_units ?? s.ssdUnits;
    if (ssdUnits !== 0) {
      embodied(
        ci,
        S0.reset(q * k.ssd.perCm2[crit])
          .mul(ssdUnits)
          .mul(line.ssd_gb ?? s.ssdGb)
          .div(line.ssd_density_gb_cm2 ?? s.ssdDensity),
      );
      embodied(ci, S0.reset(q * k.ssd.fixed[crit]).mul(ssdUnits));
    }
    if (line.hdd_units) embodied(ci, S0.reset(q * k.hdd.fixed[crit]).mul(line.hdd_units));
    embodied(
      ci,
      S0.reset(q * k.powerSupply.perKg[crit])
        .mul(line.psu_units ?? s.psuUnits)
        .mul(line.psu_kg ?? s.psuKg),
    );
    const caseImpact = kase ? kase[crit] : k.case.bladeServer[crit] + k.case.bladeEnclosure16[crit] / 16;
    embodied(ci, S0.reset(q * (caseImpact + k.motherboard.fixed[crit] + k.assembly.fixed[crit])));
  }
  for (const crit of ['wu', 'ap', 'pm', 'ir'] as const)
    ctx.gap(category, crit, 'BLD', 'model-scope', 'the bottom-up server model (UBA 2021) has gwp, pe and adpe only', q);
  ctx.gap(category, 'gwp', 'EOL', 'model-scope', 'end of life is not in the UBA component constants', q);
}

function cloudLine(
  ctx: TLineContext,
  line: TInventoryLine,
  errors: TLineError[],
  category: string,
  tier: TTier,
  quantity: number,
  lineZone: string,
): TPreparedLine {
  const c = ctx.compiled;
  const n = ctx.lineNo;
  const provider = line.provider === undefined ? undefined : normaliseKey(line.provider);
  const type = line.instance_type === undefined ? undefined : normaliseKey(line.instance_type);
  if (!provider)
    errors.push(
      lineError(n, 'provider', 'cloud-provider-missing', { choices: Object.keys(c.fs.cloud.providers).join(', ') }),
    );
  if (!type) errors.push(lineError(n, 'instance_type', 'cloud-instance-type-missing'));
  const none: TPreparedLine = {
    errors,
    category,
    tier,
    quantity,
    kind: 'none',
    line,
    zone: lineZone,
    embodiedMode: 'none',
  };
  if (errors.length || !provider || !type) return none;
  const inst = resolveCloud(c, provider, type);
  if (!inst) {
    errors.push(
      lineError(n, 'instance_type', 'unknown-instance-type', {
        value: String(line.instance_type),
        provider,
        factorSet: c.fs.id,
      }),
    );
    return none;
  }
  let zone = lineZone;
  if (line.region) {
    const z = resolveRegion(c, provider, line.region);
    if (!z) errors.push(lineError(n, 'region', 'unknown-region', { value: line.region, provider, factorSet: c.fs.id }));
    else zone = z;
  } else ctx.warnOnce('cloud-no-region', n, 'cloud-no-region');
  if (errors.length) return none;
  return { errors, category, tier, quantity, kind: 'cloud', line, zone, embodiedMode: 'amortise', cloud: inst };
}

function runCloud(ctx: TLineContext, prep: TPreparedLine): void {
  const c = ctx.compiled;
  const n = ctx.lineNo;
  const { line, quantity, category, zone } = prep;
  const { provider, inst, platformKey, platform, embodied: embodiedParams, gpuKey } = prep.cloud as TResolvedCloud;
  {
    const hours: number | TParam = line.hours ?? c.fs.cloud.defaultHoursPerYear.value;
    ctx.provenance('hours', line.hours !== undefined ? 'input' : 'default');
    if (line.hours === undefined) ctx.warnOnce('cloud-no-hours', n, 'cloud-no-hours');
    if (inst.gpuUnits > 0)
      ctx.warnOnce(gpuKey, n, 'gpu-not-counted', () => ({
        instanceType: String(line.instance_type),
        factorSet: c.fs.id,
      }));
    const prov = c.fs.cloud.providers[provider] ? provider : 'default';
    const util = line.cpu_load_pct;
    ctx.provenance('cpu_load_pct', util !== undefined ? 'input' : 'default');
    ctx.provenance('platform', 'archetype');
    let vcpuW: number | TParam = c.cloud.vcpuWatts.get(prov) as TParam;
    const cp = c.fs.cloud.providers[prov];
    if (util !== undefined && cp) {
      const w = (mn: number, mx: number): number => mn + (util / 100) * (mx - mn);
      vcpuW = makeParam(
        `cloud.${prov}.vcpuWatts@${util}`,
        w(cp.minWattsPerVcpu.low, cp.maxWattsPerVcpu.low),
        w(cp.minWattsPerVcpu.value, cp.maxWattsPerVcpu.value),
        w(cp.minWattsPerVcpu.high, cp.maxWattsPerVcpu.high),
        'reference',
        'ccf',
      );
    }
    const pue = c.cloud.pue.get(prov) as TParam;
    // CPU, memory, SSD, HDD energy, each × PUE, emitted in that order.
    emitUse(
      ctx,
      line,
      S0.reset((quantity * inst.vcpu) / 1000)
        .mul(vcpuW)
        .mul(hours)
        .mul(pue),
      category,
      zone,
      quantity,
    );
    emitUse(
      ctx,
      line,
      S0.reset(quantity * inst.memoryGb)
        .mul(c.cloud.memoryKwhPerGbHour)
        .mul(hours)
        .mul(pue),
      category,
      zone,
      quantity,
    );
    if (inst.ssdGb)
      emitUse(
        ctx,
        line,
        S0.reset(quantity * inst.ssdGb)
          .mul(c.cloud.ssdKwhPerGbHour)
          .mul(hours)
          .mul(pue),
        category,
        zone,
        quantity,
      );
    if (inst.hddGb)
      emitUse(
        ctx,
        line,
        S0.reset(quantity * inst.hddGb)
          .mul(c.cloud.hddKwhPerGbHour)
          .mul(hours)
          .mul(pue),
        category,
        zone,
        quantity,
      );
    // Embodied: SCI share of the host platform = time share × resource (vCPU) share.
    if (!embodiedParams || !platform?.vcpu) {
      ctx.gap(category, 'gwp', 'BLD', 'no-factor', () => `no platform data for ${platformKey}`, quantity);
      return;
    }
    const share = (quantity * (inst.vcpu / platform.vcpu)) / 8760;
    for (let ci = 0; ci < CRITERIA.length; ci++) {
      if (!ctx.wanted[ci]) continue;
      const crit = at(CRITERIA, ci);
      const f = embodiedParams[crit];
      if (!f) {
        ctx.gap(category, crit, 'BLD', 'model-scope', 'the platform model has gwp, pe and adpe only', quantity);
        continue;
      }
      const p = S0.reset(share).mul(f).mul(hours).div(c.cloud.lifespan);
      ctx.term(ci, BLD, p.coef, p.params, p.exps, undefined, p.n);
    }
  }
}

/**
 * Cloud storage (a billed volume or bucket): energy = GB × hours × energy per GB-hour of the medium (CCF) × copies
 * kept (`quantity`, the provider's replication) × provider PUE; the region gives the electricity. The drives'
 * manufacture is not in CCF's storage coefficients: stated as a gap, not estimated.
 */
function storageLine(
  ctx: TLineContext,
  line: TInventoryLine,
  errors: TLineError[],
  category: string,
  tier: TTier,
  quantity: number,
  lineZone: string,
): TPreparedLine {
  const c = ctx.compiled;
  const n = ctx.lineNo;
  const provider = line.provider === undefined ? undefined : normaliseKey(line.provider);
  if (!provider)
    errors.push(
      lineError(n, 'provider', 'cloud-provider-missing', { choices: Object.keys(c.fs.cloud.providers).join(', ') }),
    );
  if (line.gigabytes === undefined) errors.push(lineError(n, 'gigabytes', 'storage-gigabytes-missing'));
  let zone = lineZone;
  if (provider && line.region) {
    const z = resolveRegion(c, provider, line.region);
    if (!z) errors.push(lineError(n, 'region', 'unknown-region', { value: line.region, provider, factorSet: c.fs.id }));
    else zone = z;
  }
  const kind = errors.length ? 'none' : 'storage';
  return { errors, category, tier, quantity, kind, line, zone, embodiedMode: 'none' };
}

function runStorage(ctx: TLineContext, prep: TPreparedLine): void {
  const c = ctx.compiled;
  const { line, quantity, category, zone } = prep;
  const provider = normaliseKey(line.provider as string);
  const prov = c.fs.cloud.providers[provider] ? provider : 'default';
  const hours: number | TParam = line.hours ?? c.fs.cloud.defaultHoursPerYear.value;
  ctx.provenance('hours', line.hours !== undefined ? 'input' : 'default');
  const perGbHour = line.storage_type === 'ssd' ? c.cloud.ssdKwhPerGbHour : c.cloud.hddKwhPerGbHour;
  emitUse(
    ctx,
    line,
    S0.reset(quantity * (line.gigabytes as number))
      .mul(perGbHour)
      .mul(hours)
      .mul(c.cloud.pue.get(prov) as TParam),
    category,
    zone,
    quantity,
  );
  for (const crit of CRITERIA)
    ctx.gap(
      category,
      crit,
      'BLD',
      'model-scope',
      'storage coefficients (CCF) cover the use of drives, not their manufacture',
      quantity,
    );
}

function transferLine(
  ctx: TLineContext,
  line: TInventoryLine,
  errors: TLineError[],
  category: string,
  tier: TTier,
  quantity: number,
): TPreparedLine {
  const n = ctx.lineNo;
  if (line.gigabytes === undefined) {
    errors.push(lineError(n, 'gigabytes', 'transfer-gigabytes-missing'));
    return { errors, category, tier, quantity, kind: 'none', line, zone: ctx.country, embodiedMode: 'none' };
  }
  return { errors, category, tier, quantity, kind: 'transfer', line, zone: ctx.country, embodiedMode: 'none' };
}

function runTransfer(ctx: TLineContext, prep: TPreparedLine): void {
  const { line, quantity, category } = prep;
  const gb = (line.gigabytes as number) * quantity;
  const t = ctx.compiled.transfer;
  {
    ctx.provenance('gigabytes', 'input');
    for (const crit of CRITERIA)
      if (crit !== 'gwp')
        ctx.gap(category, crit, 'USE', 'model-scope', 'the transfer models (SWD v4, OneByte) give GWP only', quantity);
    if (line.transfer_model === '1byte') {
      ctx.term(GWP, USE, gb * t.oneByteKgPerGb, [], []);
      return;
    }
    ctx.term(GWP, BLD, gb * t.swdEmbodiedKgPerGb, [], []);
    const scale =
      line.electricity_gwp_kg_per_kwh !== undefined ? line.electricity_gwp_kg_per_kwh / t.swdGridKgPerKwh : 1;
    ctx.term(GWP, USE, gb * t.swdOperationalKgPerGb * scale, [], []);
  }
}
