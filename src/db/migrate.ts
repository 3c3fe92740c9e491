import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DB } from './client.js';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Reads `migrations/NNNN-name.ts` in name order. Each feature owns a numbered range, so features add migrations
 * without touching a shared list.
 */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsDir)).filter((f) => /^\d{4}-[a-z0-9-]+\.(ts|js)$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.(ts|js)$/, '')] = (await import(join(migrationsDir, file))) as Migration;
    }
    return migrations;
  }
}

/**
 * Brings the schema up to date. Kysely takes a lock (an advisory lock on PostgreSQL) so several instances may
 * start at once; an error stops the start with the failing migration's name.
 */
export async function migrateToLatest(db: DB): Promise<string[]> {
  // Features own numbered ranges, so a feature's new migration may sort before one another feature added earlier:
  // the migrator applies any missing migration instead of refusing the database.
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
