import type { DB } from '../../db/client.js';
import type { TRecommendedWorkshop } from '../../http/feature.js';
import { upcomingWorkshops } from './workshop-stats.js';

/** Upcoming workshops (next four months) aimed at a maturity level, at most three, for the maturity result page. */
export async function workshopsForLevel(db: DB, level: number, now: Date): Promise<TRecommendedWorkshop[]> {
  const to = new Date(now.getTime() + 120 * 86_400_000);
  const list = await upcomingWorkshops(db, { from: now, to, levels: [level], limit: 3 });
  return list.map((w) => ({ title: w.title, startsAt: w.startsAt, path: w.path }));
}
