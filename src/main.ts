import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config.js';
import { dialectOf, openDb } from './db/client.js';
import { migrateToLatest } from './db/migrate.js';
import { createApp } from './http/app.js';
import { closePdfBrowser } from './reports/pdf.js';
import { seedAll } from './seed.js';
import { startJobs } from './jobs.js';
import { log, setLogLevel } from './log.js';

/** Start-up only: config → migrate → seed → listen. */
async function main(): Promise<void> {
  // 1. Configuration: an invalid variable stops here with one line naming it.
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  setLogLevel(config.LOG_LEVEL);
  // 2. Database and schema.
  const db = openDb(config.DATABASE_URL);
  const applied = await migrateToLatest(db);
  if (applied.length) log.info({ migrations: applied }, `Migrations applied: ${applied.length}`);
  // 3. Reference data, the first administrator and (unless TECHCARE_DEMO=false) the demo network.
  await seedAll(db, config, config.TECHCARE_DEMO, (line) => log.info(line));
  // 4. Serve.
  const app = createApp({ db, config, logger: log });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    log.info(
      { port: info.port, database: dialectOf(db) },
      `Techcare listening on http://${info.address === '127.0.0.1' ? 'localhost' : info.address}:${info.port} (${dialectOf(db)})`,
    );
  });
  // 5. Periodic jobs (workshop reminders, monthly digest).
  const stopJobs = startJobs(db, config);
  const stop = () => {
    stopJobs();
    server.close();
    void closePdfBrowser().finally(() => db.destroy().finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// A promise rejected with nobody listening is logged and the server goes on: requests already answer their own
// errors with a 500 page. An exception thrown outside any request leaves the process in an unknown state: it is
// logged and the process exits, for the supervisor (systemd, see the README) to start a fresh one.
process.on('unhandledRejection', (reason) => {
  console.error('[error] unhandled rejection:', reason);
});
process.on('uncaughtException', (err) => {
  console.error('[error] uncaught exception, exiting:', err);
  process.exit(1);
});

main().catch((err) => {
  // A failed start (database unreachable, failing migration, port in use): the message and its stack.
  log.fatal({ err }, `Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
