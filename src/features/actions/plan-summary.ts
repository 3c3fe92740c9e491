import type { DB } from '../../db/client.js';
import { canActForOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { TIERS, type TTier } from '../../lca/index.js';
import type { TCriterionChange, TLeverApplication } from '../../lca/levers/index.js';
import type { TDimensionId } from '../../referentials/maturity-grid.js';
import { getLever, listLevers, type TLever } from './catalogue.js';
import { footprintResult, maturityDimensions, measuredYears, target } from './neighbours.js';
import type { TPlanAction } from './plan-actions.js';
import { simulateForOrganisation } from './simulate-for-organisation.js';

export interface TPlanSummary {
  progress: { done: number; total: number };
  /** The plan's lever actions applied together to the newest inventory (no double counting). */
  expected: { year: number; gwp: TCriterionChange } | null;
  /** Sum of the GWP reductions stored with the actions (kgCO2e/year), used only when `expected` is not computable. */
  storedSum: number | null;
  target: {
    baseYear: number;
    targetYear: number;
    pct: number;
    targetValue: number;
    latestYear: number;
    latest: number;
    needed: number;
  } | null;
}

/** The lever applications of the plan's live actions (not dropped), from their stored parameters. */
export function planApplications(actions: readonly TPlanAction[]): TLeverApplication[] {
  const apps: TLeverApplication[] = [];
  for (const a of actions) {
    if (a.status === 'dropped' || !a.lever_slug || !a.lever_params_json) continue;
    const q = getLever(a.lever_slug)?.quantified;
    if (q) apps.push({ lever: q, params: JSON.parse(a.lever_params_json) });
  }
  return apps;
}

/**
 * Progress, expected reduction and position against the target trajectory of a plan. Members of the
 * organisation and administrators.
 */
export async function planSummary(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  actions: readonly TPlanAction[],
): Promise<TPlanSummary> {
  ensure(canActForOrganisation(actor, orgId));
  const live = actions.filter((a) => a.status !== 'dropped');
  const progress = { done: live.filter((a) => a.status === 'done').length, total: live.length };
  const apps = planApplications(actions);
  const years = await measuredYears(db, orgId);
  let expected: TPlanSummary['expected'] = null;
  if (apps.length && years.length) {
    try {
      const sim = await simulateForOrganisation(db, actor, orgId, years[0]!, apps);
      if (sim?.sim.combined.total.gwp) expected = { year: years[0]!, gwp: sim.sim.combined.total.gwp };
    } catch {
      // Parameters stored for an older factor set (e.g. a region since renamed) fall back to the stored figures.
    }
  }
  const stored = live.filter((a) => a.expected_gwp_kg !== null);
  const storedSum = stored.length ? stored.reduce((n, a) => n + (a.expected_gwp_kg ?? 0), 0) : null;

  let tgt: TPlanSummary['target'] = null;
  const tr = await target(db, orgId);
  if (tr && years.length) {
    const base = (await footprintResult(db, orgId, tr.baseYear))?.total.gwp?.value;
    const latest = (await footprintResult(db, orgId, years[0]!))?.total.gwp?.value;
    if (base !== undefined && latest !== undefined) {
      const targetValue = base * (1 - tr.reductionPct / 100) ** (tr.targetYear - tr.baseYear);
      tgt = {
        baseYear: tr.baseYear,
        targetYear: tr.targetYear,
        pct: tr.reductionPct,
        targetValue,
        latestYear: years[0]!,
        latest,
        needed: Math.max(0, latest - targetValue),
      };
    }
  }
  return { progress, expected, storedSum, target: tgt };
}

export type TSuggestionReason =
  | { kind: 'tier'; tier: TTier; share: number }
  | { kind: 'dimension'; dimension: TDimensionId; score: number };
export interface TSuggestion {
  lever: TLever;
  score: number;
  reasons: TSuggestionReason[];
}

/**
 * Levers ranked by the organisation's gaps: the share of its latest carbon footprint in the tiers a lever acts on
 * (0–1) plus the weakness of the maturity dimensions it serves ((5 − score) / 4, 0–1). Levers already in the plan
 * (not dropped) are left out. Members of the organisation and administrators.
 */
export async function suggestLevers(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  actions: readonly TPlanAction[],
  limit = 5,
): Promise<TSuggestion[]> {
  ensure(canActForOrganisation(actor, orgId));
  const years = await measuredYears(db, orgId);
  const result = years.length ? await footprintResult(db, orgId, years[0]!) : null;
  const total = result?.total.gwp?.value ?? 0;
  const shares: Partial<Record<TTier, number>> = {};
  if (result && total > 0) for (const t of TIERS) shares[t] = (result.byTier[t]?.gwp?.value ?? 0) / total;
  const dims = await maturityDimensions(db, orgId);
  if (!Object.keys(shares).length && !Object.keys(dims).length) return [];
  const inPlan = new Set(actions.filter((a) => a.status !== 'dropped' && a.lever_slug).map((a) => a.lever_slug));
  const out: TSuggestion[] = [];
  for (const lever of listLevers()) {
    if (inPlan.has(lever.slug)) continue;
    const reasons: TSuggestionReason[] = [];
    const bestTier = lever.tiers
      .filter((t) => (shares[t] ?? 0) > 0)
      .sort((a, b) => (shares[b] ?? 0) - (shares[a] ?? 0))[0];
    if (bestTier) reasons.push({ kind: 'tier', tier: bestTier, share: shares[bestTier]! });
    const weakest = lever.dimensions.filter((d) => dims[d] !== undefined).sort((a, b) => dims[a]! - dims[b]!)[0];
    if (weakest) reasons.push({ kind: 'dimension', dimension: weakest, score: dims[weakest]! });
    const score = (bestTier ? shares[bestTier]! : 0) + (weakest ? (5 - dims[weakest]!) / 4 : 0);
    if (score > 0) out.push({ lever, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}
