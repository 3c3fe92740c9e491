import type { DB } from '../../db/client.js';
import * as workshops from '../workshops/index.js';

export interface TRecommendedWorkshop {
  title: string;
  startsAt: string;
  path: string;
}

type TUpcoming = (db: DB, opts: { from: string | Date; to: string | Date; levels?: number[]; limit?: number }) => Promise<{ title: string; startsAt: string; path: string }[]>;

/**
 * Upcoming workshops aimed at a maturity level, through the workshops feature's `upcomingWorkshops` export. The
 * namespace import keeps this page working while that feature does not export it (an empty list then).
 */
export async function workshopsForLevel(db: DB, level: number, now = new Date()): Promise<TRecommendedWorkshop[]> {
  const upcoming = (workshops as unknown as { upcomingWorkshops?: TUpcoming }).upcomingWorkshops;
  if (typeof upcoming !== 'function') return [];
  const to = new Date(now.getTime() + 120 * 86_400_000);
  try {
    const list = await upcoming(db, { from: now, to, levels: [level], limit: 3 });
    return list.map((w) => ({ title: w.title, startsAt: w.startsAt, path: w.path }));
  } catch {
    // A recommendation is a convenience: the result page must not fail because another feature's table is missing.
    return [];
  }
}
