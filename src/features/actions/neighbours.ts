/**
 * What the actions feature needs from the footprint and maturity features, reached only through their index.ts.
 * Those features are built at the same time as this one: each call tolerates an export that is not there yet (or
 * has another optional shape) and then answers "nothing known", so plans and the catalogue keep working.
 */
import type { DB } from '../../db/client.js';
import type { TFootprintResult, TInventoryLine } from '../../lca/index.js';
import { dimensionIds, type TDimensionId } from '../../referentials/maturity-grid.js';
import * as footprint from '../footprint/index.js';
import * as maturity from '../maturity/index.js';

type TAnyFn = (...args: unknown[]) => Promise<unknown>;
function pick(mod: object, ...names: string[]): TAnyFn | undefined {
  for (const n of names) {
    const f = (mod as Record<string, unknown>)[n];
    if (typeof f === 'function') return f as TAnyFn;
  }
  return undefined;
}

/** The organisation's inventory lines of a year (engine lines), or null. */
export async function inventoryLines(db: DB, orgId: number, year: number): Promise<TInventoryLine[] | null> {
  const f = pick(footprint, 'getInventoryLines');
  if (!f) return null;
  const lines = (await f(db, orgId, year)) as TInventoryLine[] | null | undefined;
  return lines && lines.length ? lines : null;
}

/** The stored result of a year (the CLI JSON contract), or null. */
export async function footprintResult(db: DB, orgId: number, year: number): Promise<TFootprintResult | null> {
  const f = pick(footprint, 'getFootprintResult');
  return f ? (((await f(db, orgId, year)) as TFootprintResult | null) ?? null) : null;
}

/** Years with an inventory, newest first. */
export async function measuredYears(db: DB, orgId: number): Promise<number[]> {
  const f = pick(footprint, 'listMeasuredYears');
  if (!f) return [];
  const raw = (await f(db, orgId)) as (number | { year: number })[] | null;
  return (raw ?? []).map((y) => (typeof y === 'number' ? y : y.year)).sort((a, b) => b - a);
}

/** Engine options from the organisation's settings: country and French electricity reference. */
export async function settingsOptions(db: DB, orgId: number): Promise<{ country?: string; electricityVariants?: Record<string, string> }> {
  const f = pick(footprint, 'getFootprintSettings');
  if (!f) return {};
  const s = (await f(db, orgId)) as { country?: string; frElectricity?: string; fr_electricity?: string } | null;
  if (!s) return {};
  const variant = s.frElectricity ?? s.fr_electricity;
  return { country: s.country, ...(variant && variant !== 'default' ? { electricityVariants: { FRA: variant } } : {}) };
}

export interface TTarget { baseYear: number; targetYear: number; reductionPct: number }

/** The organisation's target trajectory (−x % per year compounded from a base year to a target year), or null. */
export async function target(db: DB, orgId: number): Promise<TTarget | null> {
  const direct = pick(footprint, 'getTarget', 'getFootprintTarget', 'getTargetTrajectory');
  const raw = direct ? await direct(db, orgId) : ((await pick(footprint, 'getFootprintSettings')?.(db, orgId)) as { target?: unknown } | null)?.target;
  const t = raw as { baseYear?: number; targetYear?: number; reductionPct?: number; pct?: number; annualReductionPct?: number } | null | undefined;
  const pct = t?.reductionPct ?? t?.annualReductionPct ?? t?.pct;
  if (!t || !t.baseYear || !t.targetYear || pct === undefined || pct === null) return null;
  return { baseYear: t.baseYear, targetYear: t.targetYear, reductionPct: pct };
}

/** The organisation's current maturity level, or null. */
export async function maturityLevel(db: DB, orgId: number): Promise<number | null> {
  const f = pick(maturity, 'currentMaturityLevel');
  return f ? (((await f(db, orgId)) as { level: number } | null)?.level ?? null) : null;
}

/** Scores (1–5) of the latest maturity assessment per dimension; empty when none. */
export async function maturityDimensions(db: DB, orgId: number): Promise<Partial<Record<TDimensionId, number>>> {
  const f = pick(maturity, 'currentDimensionScores', 'currentMaturityDimensions', 'latestMaturityResult', 'currentMaturityResult');
  if (!f) return {};
  const raw = (await f(db, orgId)) as unknown;
  const out: Partial<Record<TDimensionId, number>> = {};
  const rows: unknown[] = Array.isArray(raw) ? raw : Array.isArray((raw as { dimensions?: unknown[] } | null)?.dimensions) ? (raw as { dimensions: unknown[] }).dimensions : [];
  for (const r of rows) {
    const d = r as { id?: string; dimension?: string; score?: number; level?: number };
    const id = d.id ?? d.dimension;
    const score = d.score ?? d.level;
    if (id && (dimensionIds as readonly string[]).includes(id) && typeof score === 'number') out[id as TDimensionId] = score;
  }
  if (!rows.length && raw && typeof raw === 'object') {
    for (const id of dimensionIds) {
      const v = (raw as Record<string, unknown>)[id];
      if (typeof v === 'number') out[id] = v;
    }
  }
  return out;
}

/** The RGESN criteria the organisation has assessed as not validated (numbers and short labels), when known. */
export async function unvalidatedCriteria(db: DB, orgId: number): Promise<{ number: string; label: string }[]> {
  const f = pick(maturity, 'listUnvalidatedCriteria', 'unvalidatedRgesnCriteria', 'notValidatedCriteria');
  if (!f) return [];
  const raw = ((await f(db, orgId)) as { number?: string; numero?: string; title?: string; label?: string; criterion?: string }[] | null) ?? [];
  return raw.map((r) => ({ number: String(r.number ?? r.numero ?? ''), label: String(r.label ?? r.title ?? r.criterion ?? '') })).filter((r) => r.number);
}
