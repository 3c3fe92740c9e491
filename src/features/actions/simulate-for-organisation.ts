import type { DB } from '../../db/client.js';
import { getFactorSet, latestFactorSetId } from '../../data/index.js';
import type { TCurrentUser } from '../../http/env.js';
import { canActForOrganisation, ensure } from '../../http/actor.js';
import type { TFactorSet, TInventoryLine } from '../../lca/index.js';
import { simulateLevers, type TLeverApplication, type TLeverSimulation } from '../../lca/levers/index.js';
import { footprintResult, inventoryLines, settingsOptions } from './neighbours.js';

export interface TOrgSimulation {
  sim: TLeverSimulation;
  factorSet: TFactorSet;
  lines: TInventoryLine[];
  year: number;
}

/** The factor set of the year's stored result (so the baseline matches it), else the newest one. */
async function factorSetFor(db: DB, orgId: number, year: number): Promise<TFactorSet> {
  const id = (await footprintResult(db, orgId, year))?.methodology.factorSet ?? latestFactorSetId;
  try {
    return getFactorSet(id);
  } catch {
    return getFactorSet(latestFactorSetId);
  }
}

/** The inventory a simulation runs on, with its factor set; null when the organisation has no lines that year. */
export async function loadSimulationInput(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  year: number,
): Promise<{ lines: TInventoryLine[]; factorSet: TFactorSet } | null> {
  ensure(canActForOrganisation(actor, orgId));
  const lines = await inventoryLines(db, orgId, year);
  if (!lines) return null;
  return { lines, factorSet: await factorSetFor(db, orgId, year) };
}

/**
 * Simulates levers on the organisation's inventory of `year` with its own settings (country, electricity
 * reference). Members of the organisation and administrators only. Null when there is no inventory that year.
 * @throws ZodError / RangeError on invalid lever parameters (routes validate them first).
 */
export async function simulateForOrganisation(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  year: number,
  applications: readonly TLeverApplication[],
): Promise<TOrgSimulation | null> {
  const input = await loadSimulationInput(db, actor, orgId, year);
  if (!input) return null;
  const options = { year, ...(await settingsOptions(db, orgId, input.factorSet)) };
  const sim = simulateLevers(input.factorSet, input.lines, applications, options);
  return { sim, factorSet: input.factorSet, lines: input.lines, year };
}
