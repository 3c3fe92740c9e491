import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import type { TConfig } from '../config.js';
import type { DB } from '../db/client.js';

// The modules below are imported when a command runs, not when the CLI starts: `techcare footprint` and `--help`
// then load neither the database drivers nor the features (start-up time, measured by bench/cli-startup.bench.ts).
const loadConfig = async (): Promise<TConfig> => (await import('../config.js')).loadConfig();
const accounts = () => import('../features/accounts/index.js');
const sqlite = async () => (await import('better-sqlite3')).default;

/** Opens the configured database, runs `fn`, and always closes it. */
async function withDb<T>(fn: (db: DB, config: TConfig) => Promise<T>): Promise<T> {
  const config = await loadConfig();
  const [{ openDb }, { migrateToLatest }] = await Promise.all([import('../db/client.js'), import('../db/migrate.js')]);
  const db = openDb(config.DATABASE_URL);
  try {
    await migrateToLatest(db);
    return await fn(db, config);
  } finally {
    await db.destroy();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function sqliteFile(config: TConfig): string | null {
  return config.DATABASE_URL.startsWith('sqlite:') ? resolve(config.DATABASE_URL.slice('sqlite:'.length)) : null;
}

/** The administration commands of contracts.md: migrate, seed, user create, token create, backup, restore. */
export function adminCommands(): Command[] {
  const migrate = new Command('migrate').description('Bring the database schema up to date').action(async () => {
    const config = await loadConfig();
    const [{ openDb }, { migrateToLatest }] = await Promise.all([
      import('../db/client.js'),
      import('../db/migrate.js'),
    ]);
    const db = openDb(config.DATABASE_URL);
    try {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema already up to date');
    } finally {
      await db.destroy();
    }
  });

  const seed = new Command('seed')
    .description('Seed reference data (and the demo network with --demo)')
    .option('--demo', 'also seed the demo network', false)
    .action(async (opts: { demo: boolean }) => {
      const { seedAll } = await import('../seed.js');
      await withDb((db, config) => seedAll(db, config, opts.demo));
      console.log('Seed done');
    });

  const user = new Command('user').description('Manage users');
  user
    .command('create')
    .description('Create a user (the password is generated and printed when not given on stdin)')
    .requiredOption('--email <email>', 'email address')
    .option('--name <name>', 'display name')
    .option('--admin', 'make the user an administrator', false)
    .option('--password-stdin', 'read the password from standard input', false)
    .action(async (opts: { email: string; name?: string; admin: boolean; passwordStdin: boolean }) => {
      const { createUser, generatePassword, normaliseEmail } = await accounts();
      const password = opts.passwordStdin ? await readStdin() : generatePassword();
      if (password.length < 12) {
        console.error('The password must have at least 12 characters');
        process.exitCode = 2;
        return;
      }
      await withDb(async (db) => {
        const exists = await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', normaliseEmail(opts.email))
          .executeTakeFirst();
        if (exists) {
          console.error(`A user with email ${opts.email} already exists`);
          process.exitCode = 1;
          return;
        }
        await createUser(db, {
          email: opts.email,
          password,
          name: opts.name ?? opts.email.split('@')[0]!,
          platformRole: opts.admin ? 'admin' : 'member',
          confirmed: true,
        });
        console.log(`User created: ${normaliseEmail(opts.email)}${opts.admin ? ' (administrator)' : ''}`);
        if (!opts.passwordStdin) console.log(`Password (shown once): ${password}`);
      });
    });

  const token = new Command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create a personal API token and print it once')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (opts: { email: string; name: string }) => {
      const { createApiToken, normaliseEmail } = await accounts();
      await withDb(async (db) => {
        const u = await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', normaliseEmail(opts.email))
          .executeTakeFirst();
        if (!u) {
          console.error(`No user with email ${opts.email}`);
          process.exitCode = 1;
          return;
        }
        console.log(await createApiToken(db, u.id, opts.name));
      });
    });

  const backup = new Command('backup')
    .description('Back up the SQLite database to a file (online, while the server runs)')
    .argument('<file>', 'destination file')
    .action(async (file: string) => {
      const config = await loadConfig();
      const source = sqliteFile(config);
      if (!source) {
        console.error(
          'For PostgreSQL use pg_dump: pg_dump --format=custom --file=<file> "$DATABASE_URL" (see docs/operations.md)',
        );
        process.exitCode = 2;
        return;
      }
      if (!existsSync(source)) {
        console.error(`No database at ${source}`);
        process.exitCode = 1;
        return;
      }
      mkdirSync(dirname(resolve(file)), { recursive: true });
      const SQLite = await sqlite();
      const handle = new SQLite(source, { readonly: true });
      try {
        await handle.backup(resolve(file));
      } finally {
        handle.close();
      }
      console.log(`Backup written to ${resolve(file)}`);
    });

  const restore = new Command('restore')
    .description('Restore the SQLite database from a backup file (stop the server first)')
    .argument('<file>', 'backup file')
    .action(async (file: string) => {
      const config = await loadConfig();
      const target = sqliteFile(config);
      if (!target) {
        console.error(
          'For PostgreSQL use pg_restore: pg_restore --clean --dbname="$DATABASE_URL" <file> (see docs/operations.md)',
        );
        process.exitCode = 2;
        return;
      }
      // Check the backup is a sound SQLite database before replacing anything.
      const SQLite = await sqlite();
      const check = new SQLite(resolve(file), { readonly: true, fileMustExist: true });
      try {
        const result = check.pragma('integrity_check', { simple: true });
        if (result !== 'ok') throw new Error(`integrity check failed: ${String(result)}`);
      } finally {
        check.close();
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(resolve(file), target);
      for (const suffix of ['-wal', '-shm'])
        if (existsSync(target + suffix)) copyFileSync('/dev/null', target + suffix);
      console.log(`Database restored from ${resolve(file)}`);
    });

  return [migrate, seed, user, token, backup, restore];
}
