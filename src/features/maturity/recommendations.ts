import type { DB } from '../../db/client.js';
import { upcomingWorkshops } from '../workshops/index.js';

export interface TRecommendedWorkshop {
  title: string;
  startsAt: string;
  path: string;
}

/** Upcoming workshops (next four months) aimed at a maturity level, through the workshops feature's service. */
export async function workshopsForLevel(db: DB, level: number, now = new Date()): Promise<TRecommendedWorkshop[]> {
  const to = new Date(now.getTime() + 120 * 86_400_000);
  const list = await upcomingWorkshops(db, { from: now, to, levels: [level], limit: 3 });
  return list.map((w) => ({ title: w.title, startsAt: w.startsAt, path: w.path }));
}
