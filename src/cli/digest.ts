import { Command } from 'commander';

/**
 * `techcare digest send [--month YYYY-MM]`: sends the monthly digest to members who opted in. Safe to run from
 * several machines or twice: each member gets a month's digest at most once. Exit 2 on a bad month.
 */
export function digestCommand(): Command {
  const digest = new Command('digest').description('Monthly digest of the network');
  digest
    .command('send')
    .description('Send the monthly digest (default: the current month) to members who opted in')
    .option('--month <YYYY-MM>', 'month of the digest')
    .action(async (opts: { month?: string }) => {
      // Imported when the command runs, so other commands do not load the features (start-up time).
      const [{ loadConfig }, { openDb }, { migrateToLatest }, { currentMonth, sendMonthlyDigest }] = await Promise.all([
        import('../config.js'),
        import('../db/client.js'),
        import('../db/migrate.js'),
        import('../features/knowledge/index.js'),
      ]);
      const month = opts.month ?? currentMonth();
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
        console.error(`--month: expected YYYY-MM, got "${month}"`);
        process.exit(2);
      }
      const config = loadConfig();
      const db = openDb(config.DATABASE_URL);
      try {
        await migrateToLatest(db);
        const r = await sendMonthlyDigest(db, config, month);
        console.log(`Digest ${month}: ${r.sent} sent, ${r.alreadySent} already sent before`);
      } finally {
        await db.destroy();
      }
    });
  return digest;
}
