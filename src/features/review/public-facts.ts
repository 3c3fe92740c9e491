import type { DB } from '../../db/client.js';
import { memberActionSummary } from '../actions/index.js';
import { listMeasuredYears } from '../footprint/index.js';
import { currentMaturityLevel } from '../maturity/index.js';
import { workshopsAttendedBy } from '../workshops/index.js';
import { readPublicChoices } from './save-report-settings.js';

export interface TPublicFacts {
  /** GWP (kgCO2e) per measured year, oldest first, when the member publishes its footprint trend. */
  footprintTrend?: { year: number; gwp: number }[];
  maturityLevel?: { level: number; assessedAt: string };
  /** Actions done last year and this year so far. */
  actionsDone?: { year: number; count: number }[];
  workshopsAttended?: { year: number; count: number }[];
}

/**
 * The facts an organisation chose to make public, for its directory page: only the ticked ones, nothing when it
 * never chose (nothing is public by default). Public: no policy check, the choice itself is the authorisation.
 */
export async function publicFactsOf(db: DB, orgId: number, now: Date = new Date()): Promise<TPublicFacts> {
  const choices = await readPublicChoices(db, orgId);
  const facts: TPublicFacts = {};
  const years = [now.getUTCFullYear() - 1, now.getUTCFullYear()];
  if (choices.footprint_trend) {
    facts.footprintTrend = (await listMeasuredYears(db, orgId))
      .filter((y) => y.gwp !== null)
      .map((y) => ({ year: y.year, gwp: y.gwp! }));
  }
  if (choices.maturity_level) {
    const level = await currentMaturityLevel(db, orgId);
    if (level) facts.maturityLevel = level;
  }
  if (choices.actions_done) {
    facts.actionsDone = await Promise.all(
      years.map(async (year) => ({ year, count: (await memberActionSummary(db, orgId, year)).doneInYear })),
    );
  }
  if (choices.workshops_attended) {
    facts.workshopsAttended = await Promise.all(
      years.map(async (year) => ({ year, count: (await workshopsAttendedBy(db, orgId, year)).length })),
    );
  }
  return facts;
}
