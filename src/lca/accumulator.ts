import { compileFactorSet, type TCompiled } from './compile.js';
import { defaultProfileOf, withProfile } from './profiles.js';
import { evaluateLine, runPreparedLine, type TLineContext } from './models.js';
import type { TParam } from './params.js';
import { englishMessage, type TWarningCode } from './messages.js';
import { centredTriangular, mulberry32, percentile } from './prng.js';
import { at } from './checked-index.js';
import {
  CRITERIA,
  PHASES,
  TIERS,
  UNITS,
  ZFootprintOptions,
  type TCriterion,
  type TFactorSet,
  type TFootprintOptions,
  type TFootprintResult,
  type TImpacts,
  type TInventoryLine,
  type TLineError,
  type TPhase,
  type TProvenance,
  type TTier,
  type TWarning,
  type TAllocation,
  type TMessageParams,
} from './types.js';

const NC = CRITERIA.length;
const NP = PHASES.length;
const CELLS = NC * NP * 3;

/** Sums per (criterion, phase): value, low, high in `sums`; 1 in `seen` once a term landed in the cell. */
interface TCells {
  sums: Float64Array;
  seen: Uint8Array;
}
interface TGroup extends TCells {
  whole: boolean;
}

const emptyCells = (): TCells => ({ sums: new Float64Array(CELLS), seen: new Uint8Array(NC * NP) });

/** Adds one term's value and interval to cell `i` (the three slots from `i`; a cell never misses, so 0 is no-op). */
function addInterval(sums: Float64Array, i: number, v: number, lo: number, hi: number): void {
  sums[i] = (sums[i] ?? 0) + v;
  sums[i + 1] = (sums[i + 1] ?? 0) + lo;
  sums[i + 2] = (sums[i + 2] ?? 0) + hi;
}

/** Adds the cells of `from` into `into` (a cell is seen when either saw it). */
function addCells(into: TCells, from: TCells): void {
  from.sums.forEach((x, i) => {
    into.sums[i] = (into.sums[i] ?? 0) + x;
  });
  from.seen.forEach((x, i) => {
    if (x) into.seen[i] = 1;
  });
}

/** One merged Monte Carlo term: coef × Π params^exps, for one criterion. */
interface TMcTerm {
  crit: number;
  coef: number;
  params: readonly TParam[];
  exps: readonly number[];
}

/** A streaming footprint: add lines one by one (constant memory in the number of lines), then read `result()`. */
export interface TFootprintAccumulator {
  /** Adds one line; returns its errors (nothing is added when there are errors). `lineNo` is the file line. */
  add(line: TInventoryLine, lineNo?: number): TLineError[];
  /** Number of errors seen so far; a result must not be published when it is not zero. */
  readonly errorCount: number;
  /** The result of the lines added so far. */
  result(): TFootprintResult;
}

/** Creates a streaming accumulator for one factor set and set of options. */
export function createFootprintAccumulator(factorSet: TFactorSet, options: TFootprintOptions): TFootprintAccumulator {
  const opts = ZFootprintOptions.parse(options);
  const profile = opts.profile ?? defaultProfileOf(factorSet);
  const compiled: TCompiled = compileFactorSet(withProfile(factorSet, opts.profile), opts.electricityVariants ?? {});
  const country = (opts.country ?? factorSet.defaults.country).toUpperCase();
  const wanted = new Uint8Array(NC);
  for (const c of opts.criteria ?? CRITERIA) wanted[CRITERIA.indexOf(c)] = 1;
  const maxWarnings = opts.maxWarnings ?? 10_000;

  const byTier = Object.fromEntries(TIERS.map((t) => [t, emptyCells()])) as Record<TTier, TCells>;
  /** Per category: sums, cells seen, and whether a line booked a whole-life embodied figure in BLD. */
  const byCategory = new Map<string, TGroup>();
  let energyValue = 0;
  let energyLow = 0;
  let energyHigh = 0;
  let gwpAbs = 0;
  let gwpDefaultAbs = 0;
  // Counters per parameter name: [input, default, archetype] (a typed array per name, nothing allocated per line).
  const provenance = new Map<string, Float64Array>();
  const warnings: TWarning[] = [];
  let warningsLeftOut = 0;
  const onceWarned = new Set<string>();
  const gaps: TFootprintResult['dataQuality']['gaps'] = [];
  /** Per category: index + 1 of each (criterion, phase) gap in `gaps` (0: none yet). */
  const gapSeen = new Map<string, Int32Array>();
  let lines = 0;
  let units = 0;
  let errorCount = 0;
  const mc = opts.monteCarlo ? new Map<string, TMcTerm>() : undefined;

  let cur: TGroup | undefined;
  let curTier: TCells | undefined;
  let curLineDefaultAbs = 0;
  let curLineAbs = 0;
  let curForceDefault = false;

  const warn = (line: number, code: TWarningCode, params: TMessageParams = {}): void => {
    if (warnings.length < maxWarnings)
      warnings.push({ line, message: englishMessage('warning', code, params), code, params });
    else warningsLeftOut++;
  };

  const ctx: TLineContext = {
    compiled,
    year: opts.year,
    allocation: opts.allocation as TAllocation,
    country,
    wanted,
    warn,
    warnOnce(key, line, code, params) {
      if (onceWarned.has(key)) return;
      onceWarned.add(key);
      warn(line, code, typeof params === 'function' ? params() : params);
    },
    embodiedWhole() {
      if (cur) cur.whole = true;
    },
    gap(category, criterion, phase, code, message, units) {
      // Called for every line lacking a figure: an index per category keeps it cheap, the message is built once.
      const ci = CRITERIA.indexOf(criterion);
      if (!wanted[ci]) return;
      let seen = gapSeen.get(category);
      if (!seen) {
        seen = new Int32Array(NC * NP);
        gapSeen.set(category, seen);
      }
      const k = ci * NP + PHASES.indexOf(phase);
      const recorded = seen[k] ?? 0;
      if (recorded) {
        const g = at(gaps, recorded - 1);
        g.units = (g.units ?? 0) + units;
        return;
      }
      gaps.push({
        category,
        criterion,
        phase,
        code,
        message: typeof message === 'function' ? message() : message,
        units,
      });
      seen[k] = gaps.length;
    },
    defaultTerms(on) {
      curForceDefault = on;
    },
    provenance(name, kind) {
      let p = provenance.get(name);
      if (!p) {
        p = new Float64Array(3);
        provenance.set(name, p);
      }
      const slot = kind === 'input' ? 0 : kind === 'default' ? 1 : 2;
      p[slot] = (p[slot] ?? 0) + 1;
    },
    energy(coef, params, exps, n) {
      // Same interval product as termInterval, without its result array (once or more per line).
      let v = coef;
      let lo = coef;
      let hi = coef;
      const np = n ?? params.length;
      for (let k = 0; k < np; k++) {
        const p = at(params, k);
        let a: number;
        let b: number;
        // v × (1/mode), not v / mode: bit for bit the arithmetic of termInterval, so results do not move.
        if (exps[k] === 1) {
          a = p.low;
          b = p.high;
          v *= p.mode;
        } else {
          a = 1 / p.high;
          b = 1 / p.low;
          v *= 1 / p.mode;
        }
        const x1 = lo * a;
        const x2 = lo * b;
        const x3 = hi * a;
        const x4 = hi * b;
        lo = Math.min(x1, x2, x3, x4);
        hi = Math.max(x1, x2, x3, x4);
      }
      energyValue += v;
      energyLow += lo;
      energyHigh += hi;
    },
    term(crit, phase, coef, params, exps, extra, n) {
      if (!wanted[crit] || !cur || !curTier) return;
      // Interval product inlined (no array per term): this runs several times per line.
      let v = coef;
      let lo = coef;
      let hi = coef;
      let dflt = curForceDefault;
      const np = n ?? params.length;
      for (let k = 0; k <= np; k++) {
        const p = k < np ? params[k] : extra;
        if (p === undefined) break;
        let a: number;
        let b: number;
        if (k === np || exps[k] === 1) {
          a = p.low;
          b = p.high;
          v *= p.mode;
        } else {
          a = 1 / p.high;
          b = 1 / p.low;
          v /= p.mode;
        }
        if (lo >= 0 && a >= 0) {
          lo *= a;
          hi *= b;
        } else {
          const x1 = lo * a;
          const x2 = lo * b;
          const x3 = hi * a;
          const x4 = hi * b;
          lo = Math.min(x1, x2, x3, x4);
          hi = Math.max(x1, x2, x3, x4);
        }
        if (p.kind !== 'reference') dflt = true;
      }
      const i = (crit * NP + phase) * 3;
      addInterval(cur.sums, i, v, lo, hi);
      cur.seen[crit * NP + phase] = 1;
      addInterval(curTier.sums, i, v, lo, hi);
      curTier.seen[crit * NP + phase] = 1;
      if (crit === 0) {
        const a = Math.abs(v);
        curLineAbs += a;
        if (dflt) curLineDefaultAbs += a;
      }
      if (mc) {
        let key = String(crit);
        for (let k = 0; k < np; k++) key += `|${at(params, k).id}^${exps[k]}`;
        if (extra) key += `|${extra.id}^1`;
        const m = mc.get(key);
        if (m) m.coef += coef;
        else {
          // Copies: the models reuse their scratch arrays for the next term.
          const ps = params.slice(0, np);
          const es = exps.slice(0, np);
          if (extra) {
            ps.push(extra);
            es.push(1);
          }
          mc.set(key, { crit, coef, params: ps, exps: es });
        }
      }
    },
    lineNo: 0,
  };

  return {
    get errorCount() {
      return errorCount;
    },
    add(line, lineNo = lines + 1) {
      ctx.lineNo = lineNo;
      const prepared = evaluateLine(ctx, line, true);
      if (prepared.errors.length) {
        errorCount += prepared.errors.length;
        return prepared.errors;
      }
      const cat = prepared.category;
      let group = byCategory.get(cat);
      if (!group) {
        group = { sums: new Float64Array(CELLS), seen: new Uint8Array(NC * NP), whole: false };
        byCategory.set(cat, group);
      }
      cur = group;
      curTier = byTier[prepared.tier];
      curLineAbs = 0;
      curLineDefaultAbs = 0;
      curForceDefault = false;
      runPreparedLine(ctx, prepared);
      gwpAbs += curLineAbs;
      gwpDefaultAbs += curLineDefaultAbs;
      lines++;
      units += prepared.quantity;
      cur = undefined;
      curTier = undefined;
      return prepared.errors;
    },
    result() {
      const impacts = (sums: Float64Array, seen: Uint8Array, phases: readonly number[]): TImpacts => {
        const out: TImpacts = {};
        for (const [c, criterion] of CRITERIA.entries()) {
          if (!wanted[c]) continue;
          let any = false;
          let v = 0;
          let lo = 0;
          let hi = 0;
          for (const p of phases) {
            if (!seen[c * NP + p]) continue;
            any = true;
            const i = (c * NP + p) * 3;
            v += sums[i] ?? 0;
            lo += sums[i + 1] ?? 0;
            hi += sums[i + 2] ?? 0;
          }
          if (any) out[criterion] = { value: v, low: Math.min(lo, v), high: Math.max(hi, v), unit: UNITS[criterion] };
        }
        return out;
      };
      const all = [0, 1, 2, 3];
      const total = emptyCells();
      for (const t of TIERS) addCells(total, byTier[t]);
      const byPhase = {} as Record<TPhase, TImpacts>;
      PHASES.forEach((ph, p) => {
        byPhase[ph] = impacts(total.sums, total.seen, [p]);
      });
      const byTierOut = {} as Record<TTier, TImpacts>;
      for (const t of TIERS) byTierOut[t] = impacts(byTier[t].sums, byTier[t].seen, all);
      const byCategoryOut: Record<string, TImpacts> = {};
      const byCategoryPhase: TFootprintResult['byCategoryPhase'] = {};
      for (const [cat, g] of [...byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
        byCategoryOut[cat] = impacts(g.sums, g.seen, all);
        const perPhase: Partial<Record<TPhase, TImpacts>> = {};
        PHASES.forEach((ph, p) => {
          const x = impacts(g.sums, g.seen, [p]);
          if (Object.keys(x).length) perPhase[ph] = x;
        });
        byCategoryPhase[cat] = perPhase;
      }
      const outWarnings = warnings.slice();
      // Once per result, first (it explains how to read BLD, DIS and EOL) and outside the cap.
      const whole = [...byCategory.entries()]
        .filter(([, g]) => g.whole)
        .map(([cat]) => cat)
        .sort();
      if (whole.length) {
        const params = { categories: whole.join(', ') };
        outWarnings.unshift({
          line: 0,
          message: englishMessage('warning', 'embodied-not-split', params),
          code: 'embodied-not-split',
          params,
        });
      }
      if (warningsLeftOut) {
        const params = { count: warningsLeftOut };
        outWarnings.push({
          line: 0,
          message: englishMessage('warning', 'warnings-left-out', params),
          code: 'warnings-left-out',
          params,
        });
      }
      const result: TFootprintResult = {
        methodology: {
          factorSet: factorSet.id,
          ...(profile ? { profile } : {}),
          allocation: opts.allocation as TAllocation,
          year: opts.year,
          country,
          ...(opts.electricityVariants && Object.keys(opts.electricityVariants).length
            ? { electricityVariants: opts.electricityVariants }
            : {}),
        },
        lines,
        units,
        total: impacts(total.sums, total.seen, all),
        byPhase,
        byTier: byTierOut,
        byCategory: byCategoryOut,
        byCategoryPhase,
        energy: {
          useKwh: {
            value: energyValue,
            low: Math.min(energyLow, energyValue),
            high: Math.max(energyHigh, energyValue),
            unit: 'kWh',
          },
        },
        dataQuality: {
          defaultShare: gwpAbs > 0 ? gwpDefaultAbs / gwpAbs : 0,
          provenance: provenanceOut(provenance),
          gaps: gaps.map((g) => ({ ...g })),
        },
        warnings: outWarnings,
      };
      if (mc && opts.monteCarlo)
        result.monteCarlo = runMonteCarlo([...mc.values()], opts.monteCarlo.draws, opts.monteCarlo.seed, wanted);
      return result;
    },
  };
}

const PROVENANCE_KINDS: readonly TProvenance[] = ['input', 'default', 'archetype'];
/** The counters as the result's plain object: kinds that occurred only, names in first-seen order. */
function provenanceOut(counts: Map<string, Float64Array>): Record<string, Partial<Record<TProvenance, number>>> {
  const out: Record<string, Partial<Record<TProvenance, number>>> = {};
  for (const [name, c] of counts) {
    const o: Partial<Record<TProvenance, number>> = {};
    PROVENANCE_KINDS.forEach((k, i) => {
      if (c[i]) o[k] = c[i];
    });
    out[name] = o;
  }
  return out;
}

/** Value and interval bounds of coef × Π params^exps (interval arithmetic, any signs). */
export function termInterval(
  coef: number,
  params: readonly TParam[],
  exps: readonly number[],
  n = params.length,
): [number, number, number] {
  let v = coef;
  let lo = coef;
  let hi = coef;
  for (let k = 0; k < n; k++) {
    const p = at(params, k);
    let a: number;
    let b: number;
    let m: number;
    if (exps[k] === 1) {
      a = p.low;
      b = p.high;
      m = p.mode;
    } else {
      a = 1 / p.high;
      b = 1 / p.low;
      m = 1 / p.mode;
    }
    v *= m;
    const x1 = lo * a;
    const x2 = lo * b;
    const x3 = hi * a;
    const x4 = hi * b;
    lo = Math.min(x1, x2, x3, x4);
    hi = Math.max(x1, x2, x3, x4);
  }
  return [v, lo, hi];
}

/**
 * Monte Carlo over merged terms: every distinct parameter is drawn once per draw (centred triangular: its median is
 * the published figure), so shared
 * factors stay correlated across lines, as the uncertainty of a shared factor is.
 */
export function runMonteCarlo(
  terms: TMcTerm[],
  draws: number,
  seed: number,
  wanted: Uint8Array,
): NonNullable<TFootprintResult['monteCarlo']> {
  const ids = new Map<number, number>();
  const params: TParam[] = [];
  for (const t of terms)
    for (const p of t.params)
      if (!ids.has(p.id)) {
        ids.set(p.id, params.length);
        params.push(p);
      }
  // Each term with the sample slots of its parameters, in the term's order.
  const slotted = terms.map((term) => ({ term, slots: Int32Array.from(term.params.map((p) => ids.get(p.id) ?? 0)) }));
  const rand = mulberry32(seed);
  const sample = new Float64Array(params.length);
  const out = CRITERIA.map(() => new Float64Array(draws));
  const present = new Uint8Array(NC);
  for (const t of terms) present[t.crit] = 1;
  for (let d = 0; d < draws; d++) {
    params.forEach((p, k) => {
      sample[k] = centredTriangular(rand(), p.low, p.mode, p.high);
    });
    for (const { term, slots } of slotted) {
      let v = term.coef;
      for (let k = 0; k < slots.length; k++) {
        const x = at(sample, at(slots, k));
        v = term.exps[k] === 1 ? v * x : v / x;
      }
      const series = at(out, term.crit);
      series[d] = (series[d] ?? 0) + v;
    }
  }
  const res: NonNullable<TFootprintResult['monteCarlo']> = { draws, seed };
  CRITERIA.forEach((c: TCriterion, i) => {
    if (!wanted[i] || !present[i]) return;
    const s = at(out, i).sort();
    res[c] = { p05: percentile(s, 0.05), p50: percentile(s, 0.5), p95: percentile(s, 0.95) };
  });
  return res;
}
