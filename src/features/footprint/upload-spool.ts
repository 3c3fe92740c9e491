/**
 * Uploaded inventory files are spooled to disk so the reader can stream them and the request can answer at once.
 * A file is named after its import, so an import stopped at the mapping step finds its file again when the user
 * confirms the choices (on the same instance: the spool is local to each instance).
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SPOOL_DIR = join(tmpdir(), 'techcare-imports');
/** A file waiting for its mapping step longer than this is abandoned and removed. */
export const SPOOL_MAX_AGE_MS = 24 * 3600 * 1000;

const spoolPath = (importId: number, ext: 'csv' | 'xlsx') => join(SPOOL_DIR, `import-${importId}.${ext}`);

/** Writes an upload under its import's name and returns the path. */
export async function spoolUpload(importId: number, bytes: Uint8Array, isXlsx: boolean): Promise<string> {
  await mkdir(SPOOL_DIR, { recursive: true });
  const path = spoolPath(importId, isXlsx ? 'xlsx' : 'csv');
  await writeFile(path, bytes);
  void sweepSpool();
  return path;
}

/**
 * A new, unique path in the spool for an upload written by its caller (a cloud billing export streamed to disk);
 * the caller removes it, and the sweep below removes it when a failure left it behind.
 */
export async function newSpoolPath(prefix: string): Promise<string> {
  await mkdir(SPOOL_DIR, { recursive: true });
  return join(SPOOL_DIR, `${prefix}-${randomBytes(6).toString('hex')}.csv`);
}

/** The file an import kept for its mapping step, or null when it is gone (another instance, removed as stale). */
export function spooledFile(importId: number): { path: string; isXlsx: boolean } | null {
  for (const ext of ['csv', 'xlsx'] as const) {
    const path = spoolPath(importId, ext);
    if (existsSync(path)) return { path, isXlsx: ext === 'xlsx' };
  }
  return null;
}

/** Hands a kept file over to the import that resumes it. */
export async function moveSpooledFile(from: { path: string; isXlsx: boolean }, toImportId: number): Promise<string> {
  const path = spoolPath(toImportId, from.isXlsx ? 'xlsx' : 'csv');
  await rename(from.path, path);
  return path;
}

/** Removes kept files older than a day (files of running imports are younger and removed by their import). */
export async function sweepSpool(now = Date.now()): Promise<void> {
  const names = await readdir(SPOOL_DIR).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(SPOOL_DIR, name);
    const s = await stat(path).catch(() => null);
    if (s && now - s.mtimeMs > SPOOL_MAX_AGE_MS) await rm(path, { force: true }).catch(() => undefined);
  }
}
