import type { TConfig } from './config.js';
import type { DB } from './db/client.js';
import { features } from './http/app.js';
import { loggerFor } from './log.js';
import { deliverOutbox } from './mail/deliver-outbox.js';
import { purgeExpiredSessions, purgeOldRateLimits, wipeStaleOutboxSecrets } from './housekeeping.js';
import type { TJob } from './http/feature.js';

/** Jobs of the platform itself, beside the features' jobs. Each is safe on several instances. */
export const platformJobs: TJob[] = [
  // Mail written by committed transactions leaves within seconds; the claim keeps instances from sending it twice.
  { name: 'mail-delivery', everyMs: 10_000, run: ({ db, config, now }) => deliverOutbox(db, config, now) },
  // Deletes are idempotent, so every instance may run them.
  { name: 'purge-expired-sessions', everyMs: 60 * 60_000, run: ({ db, now }) => purgeExpiredSessions(db, now) },
  { name: 'purge-old-rate-limits', everyMs: 60 * 60_000, run: ({ db, now }) => purgeOldRateLimits(db, now) },
  { name: 'wipe-stale-outbox-secrets', everyMs: 60 * 60_000, run: ({ db, now }) => wipeStaleOutboxSecrets(db, now) },
];

/**
 * Starts every feature's periodic jobs on timers (reminders, the monthly digest). A failing run is logged and
 * retried at the next tick; timers do not keep the process alive. Returns a function that stops them.
 */
export function startJobs(db: DB, config: TConfig): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const jobs of [platformJobs, ...features.map((f) => f.jobs ?? [])]) {
    for (const job of jobs) {
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
