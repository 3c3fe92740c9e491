import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { openDb, type DB } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export type TDbKind = 'sqlite' | 'postgres';

/** The databases repository tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function dbKinds(): TDbKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TTestDb {
  db: DB;
  kind: TDbKind;
  /** The DATABASE_URL of this database (for a second server instance or a CLI run). */
  url: string;
  destroy: () => Promise<void>;
}

/**
 * A fresh, migrated database: an SQLite file in a temp folder, or a new PostgreSQL database created from
 * TEST_DATABASE_URL (an unreachable PostgreSQL is a failure, not a skip) and dropped afterwards.
 */
export async function createTestDb(kind: TDbKind): Promise<TTestDb> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'techcare-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const db = openDb(url);
    await migrateToLatest(db);
    return {
      db,
      kind,
      url,
      destroy: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  const name = `techcare_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = openDb(url.toString());
  await migrateToLatest(db);
  return {
    db,
    kind,
    url: url.toString(),
    destroy: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs a suite once per database kind, naming it after the kind. */
export function describeEachDb(name: string, suite: (kind: TDbKind) => void): void {
  for (const kind of dbKinds()) describe(`${name} [${kind}]`, () => suite(kind));
}
