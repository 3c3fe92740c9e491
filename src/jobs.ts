import type { TConfig } from './config.js';
import type { DB } from './db/client.js';
import { features } from './http/app.js';
import { loggerFor } from './log.js';

/**
 * Starts every feature's periodic jobs on timers (reminders, the monthly digest). A failing run is logged and
 * retried at the next tick; timers do not keep the process alive. Returns a function that stops them.
 */
export function startJobs(db: DB, config: TConfig): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const f of features) {
    for (const job of f.jobs ?? []) {
      const jobLog = loggerFor(config, { job: job.name });
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        const t0 = performance.now();
        try {
          const result = await job.run({ db, config, now: new Date() });
          jobLog.debug({ ms: Math.round(performance.now() - t0), result }, 'job done');
        } catch (err) {
          jobLog.error({ err, ms: Math.round(performance.now() - t0) }, 'job failed');
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
