import type { TConfig } from './config.js';
import type { DB } from './db/client.js';
import { features } from './http/app.js';

/**
 * Runs every feature's seed step in order: reference data always, the demo network when `demo` is true. Each step
 * is idempotent, so this runs at every start.
 */
export async function seedAll(
  db: DB,
  config: TConfig,
  demo: boolean,
  log: (line: string) => void = console.log,
): Promise<void> {
  for (const f of features) {
    if (f.seed) await f.seed({ db, config, demo, log });
  }
}
