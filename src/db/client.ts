import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
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
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection closed by the server (restart, failover, a dropped test database) must not crash the
  // process: the pool discards it and the next query opens a new one.
  pool.on('error', (err) => log.error({ err }, 'idle PostgreSQL connection lost'));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Kysely asks better-sqlite3 to prepare every query anew; pages run the same few dozen statements over and over,
 * so prepared statements are kept by SQL text (bounded, cleared when full). Kysely runs one query at a time on the
 * single SQLite connection, so a cached statement is never used by two queries at once.
 */
function withStatementCache(sqlite: SQLite.Database): { prepare: (sql: string) => SQLite.Statement; close: () => void } {
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
