import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Database } from './types.js';
import { log } from '../log.js';

export type DB = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';

// pg returns int8 (COUNT, SUM of integers) as strings; numeric too. Parse them once here so every feature gets
// numbers. Counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Opens the database named by a DATABASE_URL: `sqlite:<file>` (WAL mode, busy timeout, foreign keys on) or
 * `postgres://…` (a pool). The caller owns the returned handle and must `destroy()` it.
 */
export function openDb(url: string): DB {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    // WAL lets readers go on while one writer commits; the busy timeout makes a second process wait instead of
    // failing at once when two instances share a file.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    return new Kysely<Database>({
      dialect: new ImmediateSqliteDialect(sqlite, { database: withStatementCache(sqlite) }),
    });
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection closed by the server (restart, failover, a dropped test database) must not crash the
  // process: the pool discards it and the next query opens a new one.
  pool.on('error', (err) => log.error({ err }, 'idle PostgreSQL connection lost'));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** How long one SQLite statement waits for another instance's write lock before failing (blocking the thread). */
const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** How long a transaction waits (without blocking: it retries on timers) for the write lock before failing. */
export const SQLITE_TRANSACTION_WAIT_MS = 30_000;

/**
 * Several instances on one SQLite file: every transaction starts with `BEGIN IMMEDIATE`, i.e. takes the write lock
 * first. A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another instance
 * committed in between (its snapshot is stale and SQLite cannot wait for that), which is what made concurrent
 * sign-up confirmations answer "database is locked". The lock is asked for without the busy timeout and retried
 * on timers with growing, jittered pauses, so a waiting instance keeps serving other requests meanwhile (and a
 * second handle in the same process never freezes the event loop the lock holder needs).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SQLite.Database,
    config: ConstructorParameters<typeof SqliteDialect>[0],
  ) {
    super(config);
  }
  override createDriver(): Driver {
    const sqlite = this.sqlite;
    const driver = super.createDriver() as SqliteDriver;
    driver.beginTransaction = async (_connection: DatabaseConnection): Promise<void> => {
      const deadline = Date.now() + SQLITE_TRANSACTION_WAIT_MS;
      for (let attempt = 1; ; attempt++) {
        // Kysely holds the single connection for this transaction: nothing else runs on it between these calls.
        sqlite.pragma('busy_timeout = 0');
        try {
          sqlite.exec('BEGIN IMMEDIATE');
          return;
        } catch (err) {
          if (!isSqliteBusy(err) || Date.now() > deadline) throw err;
        } finally {
          sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
        }
        await new Promise((r) => setTimeout(r, Math.min(200, 2 * attempt) + Math.random() * 10));
      }
    };
    return driver;
  }
}

/** Whether an error is SQLite's "database is locked" (SQLITE_BUSY and its extended codes). */
export function isSqliteBusy(err: unknown): boolean {
  return String((err as { code?: unknown })?.code ?? '').startsWith('SQLITE_BUSY');
}

/**
 * Kysely asks better-sqlite3 to prepare every query anew; pages run the same few dozen statements over and over,
 * so prepared statements are kept by SQL text (bounded, cleared when full). Kysely runs one query at a time on the
 * single SQLite connection, so a cached statement is never used by two queries at once.
 */
function withStatementCache(sqlite: SQLite.Database): {
  prepare: (sql: string) => SQLite.Statement;
  close: () => void;
} {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= 1000) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

/** Which engine a handle talks to: some statements (upserts, locks, full-text) differ between them. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Now as ISO-8601 UTC text, the one timestamp format stored on both databases. */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}
