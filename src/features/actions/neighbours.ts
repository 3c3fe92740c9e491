/**
 * What the actions feature needs from the footprint and maturity features, reached only through their index.ts.
 * Maturity per-dimension scores and not-validated RGESN criteria are not exported by the maturity feature yet:
 * those two calls look for the export by name and answer "nothing known" until it exists.
 */
import type { DB } from '../../db/client.js';
import type { TFootprintResult, TInventoryLine } from '../../lca/index.js';
import { dimensionIds, type TDimensionId } from '../../referentials/maturity-grid.js';
import { getFootprintResult, getFootprintSettings, getInventoryLines, listMeasuredYears } from '../footprint/index.js';
import * as maturity from '../maturity/index.js';
import { currentMaturityLevel } from '../maturity/index.js';

type TAnyFn = (...args: unknown[]) => Promise<unknown>;
function pick(mod: object, ...names: string[]): TAnyFn | undefined {
  for (const n of names) {
    const f = (mod as Record<string, unknown>)[n];
    if (typeof f === 'function') return f as TAnyFn;
  }
  return undefined;
}

/** The organisation's inventory lines of a year (engine lines), or null when there are none. */
export async function inventoryLines(db: DB, orgId: number, year: number): Promise<TInventoryLine[] | null> {
  const lines = await getInventoryLines(db, orgId, year);
  return lines && lines.length ? lines : null;
}

/** The stored result of a year (the CLI JSON contract), or null. */
export function footprintResult(db: DB, orgId: number, year: number): Promise<TFootprintResult | null> {
  return getFootprintResult(db, orgId, year);
}

/** Years with a result, newest first. */
export async function measuredYears(db: DB, orgId: number): Promise<number[]> {
  return (await listMeasuredYears(db, orgId)).map((y) => y.year).sort((a, b) => b - a);
}

/** Engine options from the organisation's settings: country and French electricity reference. */
export async function settingsOptions(db: DB, orgId: number): Promise<{ country?: string; electricityVariants?: Record<string, string> }> {
  const s = await getFootprintSettings(db, orgId);
  return { country: s.country, ...(s.frElectricity && s.frElectricity !== 'default' ? { electricityVariants: { FRA: s.frElectricity } } : {}) };
}

export interface TTarget { baseYear: number; targetYear: number; reductionPct: number }

/** The organisation's target trajectory (−x % per year compounded from a base year to a target year), or null. */
export async function target(db: DB, orgId: number): Promise<TTarget | null> {
  return (await getFootprintSettings(db, orgId)).target ?? null;
}

/** The organisation's current maturity level, or null. */
export async function maturityLevel(db: DB, orgId: number): Promise<number | null> {
  return (await currentMaturityLevel(db, orgId))?.level ?? null;
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
