import { compileFactorSet, type TCompiled } from './compile.js';
import { defaultProfileOf, withProfile } from './profiles.js';
import { evaluateLine, runPreparedLine, type TLineContext } from './models.js';
import type { TParam } from './params.js';
import { englishMessage, type TWarningCode } from './messages.js';
import { centredTriangular, mulberry32, percentile } from './prng.js';
import {
  CRITERIA, PHASES, TIERS, UNITS, ZFootprintOptions, type TCriterion, type TFactorSet, type TFootprintOptions,
  type TFootprintResult, type TImpacts, type TInventoryLine, type TLineError, type TPhase, type TProvenance, type TTier,
  type TWarning, type TAllocation, type TMessageParams,
} from './types.js';

const NC = CRITERIA.length;
const NP = PHASES.length;
const CELLS = NC * NP * 3;

interface TGroup { sums: Float64Array; seen: Uint8Array; whole: boolean }

/** One merged Monte Carlo term: coef × Π params^exps, for one criterion. */
interface TMcTerm { crit: number; coef: number; params: readonly TParam[]; exps: readonly number[] }

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

  const byTier = TIERS.map(() => new Float64Array(CELLS));
  const tierSeen = TIERS.map(() => new Uint8Array(NC * NP));
  /** Per category: sums, cells seen, and whether a line booked a whole-life embodied figure in BLD. */
  const byCategory = new Map<string, TGroup>();
  const energy = new Float64Array(3);
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
  let curTier = 0;
  let curLineDefaultAbs = 0;
  let curLineAbs = 0;
  let curForceDefault = false;

  const warn = (line: number, code: TWarningCode, params: TMessageParams = {}): void => {
    if (warnings.length < maxWarnings) warnings.push({ line, message: englishMessage('warning', code, params), code, params });
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
    embodiedWhole() { if (cur) cur.whole = true; },
    gap(category, criterion, phase, code, message, units) {
      // Called for every line lacking a figure: an index per category keeps it cheap, the message is built once.
      const ci = CRITERIA.indexOf(criterion);
      if (!wanted[ci]) return;
      let seen = gapSeen.get(category);
      if (!seen) { seen = new Int32Array(NC * NP); gapSeen.set(category, seen); }
      const k = ci * NP + PHASES.indexOf(phase);
      const at = seen[k];
      if (at) { const g = gaps[at - 1]; g.units = (g.units ?? 0) + units; return; }
      gaps.push({ category, criterion, phase, code, message: typeof message === 'function' ? message() : message, units });
      seen[k] = gaps.length;
    },
    defaultTerms(on) { curForceDefault = on; },
    provenance(name, kind) {
      let p = provenance.get(name);
      if (!p) { p = new Float64Array(3); provenance.set(name, p); }
      p[kind === 'input' ? 0 : kind === 'default' ? 1 : 2]++;
    },
    energy(coef, params, exps, n) {
      // Same interval product as termInterval, without its result array (once or more per line).
      let v = coef; let lo = coef; let hi = coef;
      const np = n ?? params.length;
      for (let k = 0; k < np; k++) {
        const p = params[k];
        let a: number; let b: number;
        // v × (1/mode), not v / mode: bit for bit the arithmetic of termInterval, so results do not move.
        if (exps[k] === 1) { a = p.low; b = p.high; v *= p.mode; } else { a = 1 / p.high; b = 1 / p.low; v *= 1 / p.mode; }
        const x1 = lo * a; const x2 = lo * b; const x3 = hi * a; const x4 = hi * b;
        lo = Math.min(x1, x2, x3, x4); hi = Math.max(x1, x2, x3, x4);
      }
      energy[0] += v; energy[1] += lo; energy[2] += hi;
    },
    term(crit, phase, coef, params, exps, extra, n) {
      if (!wanted[crit] || !cur) return;
      // Interval product inlined (no array per term): this runs several times per line.
      let v = coef; let lo = coef; let hi = coef; let dflt = curForceDefault;
      const np = n ?? params.length;
      for (let k = 0; k <= np; k++) {
        const p = k < np ? params[k] : extra;
        if (p === undefined) break;
        let a: number; let b: number;
        if (k === np || exps[k] === 1) { a = p.low; b = p.high; v *= p.mode; } else { a = 1 / p.high; b = 1 / p.low; v /= p.mode; }
        if (lo >= 0 && a >= 0) { lo *= a; hi *= b; } else {
          const x1 = lo * a; const x2 = lo * b; const x3 = hi * a; const x4 = hi * b;
          lo = Math.min(x1, x2, x3, x4); hi = Math.max(x1, x2, x3, x4);
        }
        if (p.kind !== 'reference') dflt = true;
      }
      const i = (crit * NP + phase) * 3;
      const s = cur.sums;
      s[i] += v; s[i + 1] += lo; s[i + 2] += hi;
      cur.seen[crit * NP + phase] = 1;
      const t = byTier[curTier];
      t[i] += v; t[i + 1] += lo; t[i + 2] += hi;
      tierSeen[curTier][crit * NP + phase] = 1;
      if (crit === 0) {
        const a = Math.abs(v);
        curLineAbs += a;
        if (dflt) curLineDefaultAbs += a;
      }
      if (mc) {
        let key = String(crit);
        for (let k = 0; k < np; k++) key += `|${params[k].id}^${exps[k]}`;
        if (extra) key += `|${extra.id}^1`;
        const m = mc.get(key);
        if (m) m.coef += coef;
        else {
          // Copies: the models reuse their scratch arrays for the next term.
          const ps = params.slice(0, np); const es = exps.slice(0, np);
          if (extra) { ps.push(extra); es.push(1); }
          mc.set(key, { crit, coef, params: ps, exps: es });
        }
      }
    },
    lineNo: 0,
  };

  return {
    get errorCount() { return errorCount; },
    add(line, lineNo = lines + 1) {
      ctx.lineNo = lineNo;
      const prepared = evaluateLine(ctx, line, true);
      if (prepared.errors.length) { errorCount += prepared.errors.length; return prepared.errors; }
      const cat = prepared.category;
      let group = byCategory.get(cat);
      if (!group) { group = { sums: new Float64Array(CELLS), seen: new Uint8Array(NC * NP), whole: false }; byCategory.set(cat, group); }
      cur = group;
      curTier = TIERS.indexOf(prepared.tier);
      curLineAbs = 0;
      curLineDefaultAbs = 0;
      curForceDefault = false;
      runPreparedLine(ctx, prepared);
      gwpAbs += curLineAbs;
      gwpDefaultAbs += curLineDefaultAbs;
      lines++;
      units += prepared.quantity;
      cur = undefined;
      return prepared.errors;
    },
    result() {
      const impacts = (sums: Float64Array, seen: Uint8Array, phases: readonly number[]): TImpacts => {
        const out: TImpacts = {};
        for (let c = 0; c < NC; c++) {
          if (!wanted[c]) continue;
          let any = false; let v = 0; let lo = 0; let hi = 0;
          for (const p of phases) {
            if (!seen[c * NP + p]) continue;
            any = true;
            const i = (c * NP + p) * 3;
            v += sums[i]; lo += sums[i + 1]; hi += sums[i + 2];
          }
          if (any) out[CRITERIA[c]] = { value: v, low: Math.min(lo, v), high: Math.max(hi, v), unit: UNITS[CRITERIA[c]] };
        }
        return out;
      };
      const all = [0, 1, 2, 3];
      const totalSums = new Float64Array(CELLS);
      const totalSeen = new Uint8Array(NC * NP);
      TIERS.forEach((_, t) => {
        for (let i = 0; i < CELLS; i++) totalSums[i] += byTier[t][i];
        for (let i = 0; i < NC * NP; i++) totalSeen[i] |= tierSeen[t][i];
      });
      const byPhase = {} as Record<TPhase, TImpacts>;
      PHASES.forEach((ph, p) => { byPhase[ph] = impacts(totalSums, totalSeen, [p]); });
      const byTierOut = {} as Record<TTier, TImpacts>;
      TIERS.forEach((t, i) => { byTierOut[t] = impacts(byTier[i], tierSeen[i], all); });
      const byCategoryOut: Record<string, TImpacts> = {};
      const byCategoryPhase: TFootprintResult['byCategoryPhase'] = {};
      for (const [cat, g] of [...byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
        byCategoryOut[cat] = impacts(g.sums, g.seen, all);
        const perPhase: Partial<Record<TPhase, TImpacts>> = {};
        PHASES.forEach((ph, p) => { const x = impacts(g.sums, g.seen, [p]); if (Object.keys(x).length) perPhase[ph] = x; });
        byCategoryPhase[cat] = perPhase;
      }
      const outWarnings = warnings.slice();
      // Once per result, first (it explains how to read BLD, DIS and EOL) and outside the cap.
      const whole = [...byCategory.entries()].filter(([, g]) => g.whole).map(([cat]) => cat).sort();
      if (whole.length) {
        const params = { categories: whole.join(', ') };
        outWarnings.unshift({ line: 0, message: englishMessage('warning', 'embodied-not-split', params), code: 'embodied-not-split', params });
      }
      if (warningsLeftOut) {
        const params = { count: warningsLeftOut };
        outWarnings.push({ line: 0, message: englishMessage('warning', 'warnings-left-out', params), code: 'warnings-left-out', params });
      }
      const result: TFootprintResult = {
        methodology: { factorSet: factorSet.id, ...(profile ? { profile } : {}), allocation: opts.allocation as TAllocation, year: opts.year, country, ...(opts.electricityVariants && Object.keys(opts.electricityVariants).length ? { electricityVariants: opts.electricityVariants } : {}) },
        lines,
        units,
        total: impacts(totalSums, totalSeen, all),
        byPhase,
        byTier: byTierOut,
        byCategory: byCategoryOut,
        byCategoryPhase,
        energy: { useKwh: { value: energy[0], low: Math.min(energy[1], energy[0]), high: Math.max(energy[2], energy[0]), unit: 'kWh' } },
        dataQuality: { defaultShare: gwpAbs > 0 ? gwpDefaultAbs / gwpAbs : 0, provenance: provenanceOut(provenance), gaps: gaps.map((g) => ({ ...g })) },
        warnings: outWarnings,
      };
      if (mc && opts.monteCarlo) result.monteCarlo = runMonteCarlo([...mc.values()], opts.monteCarlo.draws, opts.monteCarlo.seed, wanted);
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
    PROVENANCE_KINDS.forEach((k, i) => { if (c[i]) o[k] = c[i]; });
    out[name] = o;
  }
  return out;
}

/** Value and interval bounds of coef × Π params^exps (interval arithmetic, any signs). */
export function termInterval(coef: number, params: readonly TParam[], exps: readonly number[], n = params.length): [number, number, number] {
  let v = coef; let lo = coef; let hi = coef;
  for (let k = 0; k < n; k++) {
    const p = params[k];
    let a: number; let b: number; let m: number;
    if (exps[k] === 1) { a = p.low; b = p.high; m = p.mode; } else { a = 1 / p.high; b = 1 / p.low; m = 1 / p.mode; }
    v *= m;
    const x1 = lo * a; const x2 = lo * b; const x3 = hi * a; const x4 = hi * b;
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
export function runMonteCarlo(terms: TMcTerm[], draws: number, seed: number, wanted: Uint8Array): NonNullable<TFootprintResult['monteCarlo']> {
  const ids = new Map<number, number>();
  const params: TParam[] = [];
  for (const t of terms) for (const p of t.params) if (!ids.has(p.id)) { ids.set(p.id, params.length); params.push(p); }
  const idx = terms.map((t) => Int32Array.from(t.params.map((p) => ids.get(p.id) ?? 0)));
  const rand = mulberry32(seed);
  const sample = new Float64Array(params.length);
  const out = CRITERIA.map(() => new Float64Array(draws));
  const present = new Uint8Array(NC);
  for (const t of terms) present[t.crit] = 1;
  for (let d = 0; d < draws; d++) {
    for (let k = 0; k < params.length; k++) { const p = params[k]; sample[k] = centredTriangular(rand(), p.low, p.mode, p.high); }
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]; const ix = idx[i];
      let v = t.coef;
      for (let k = 0; k < ix.length; k++) v = t.exps[k] === 1 ? v * sample[ix[k]] : v / sample[ix[k]];
      out[t.crit][d] += v;
    }
  }
  const res: NonNullable<TFootprintResult['monteCarlo']> = { draws, seed };
  CRITERIA.forEach((c: TCriterion, i) => {
    if (!wanted[i] || !present[i]) return;
    const s = out[i].sort();
    res[c] = { p05: percentile(s, 0.05), p50: percentile(s, 0.5), p95: percentile(s, 0.95) };
  });
  return res;
}
