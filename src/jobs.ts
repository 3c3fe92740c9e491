import type { TConfig } from './config.js';
import type { DB } from './db/client.js';
import { features } from './http/app.js';

/**
 * Starts every feature's periodic jobs on timers (reminders, the monthly digest). A failing run is logged and
 * retried at the next tick; timers do not keep the process alive. Returns a function that stops them.
 */
export function startJobs(db: DB, config: TConfig): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const f of features) {
    for (const job of f.jobs ?? []) {
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          await job.run({ db, config, now: new Date() });
        } catch (err) {
          console.error(`[job ${job.name}]`, err instanceof Error ? err.message : err);
        } finally {
          running = false;
        }
      };
      const timer = setInterval(tick, job.everyMs);
      timer.unref();
      timers.push(timer);
    }
  }
  return () => timers.forEach(clearInterval);
}
