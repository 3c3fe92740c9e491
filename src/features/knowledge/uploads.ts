import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { TConfig } from '../../config.js';
import { maxUploadBytes, uploadTypes, type TUploadType } from './constants.js';

/**
 * Where uploaded files live: `TECHCARE_UPLOADS_DIR` when set, else an `uploads/` folder beside the SQLite file
 * (so a backup of the data folder holds both), else `./data/uploads` (PostgreSQL). An in-memory SQLite database
 * (tests) uses the system temp folder.
 */
export function uploadsDir(config: TConfig): string {
  if (config.TECHCARE_UPLOADS_DIR) return resolve(config.TECHCARE_UPLOADS_DIR);
  const url = config.DATABASE_URL;
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === ':memory:') return join(tmpdir(), 'techcare-uploads');
    return join(dirname(resolve(file)), 'uploads');
  }
  return resolve('data/uploads');
}

/** Extensions that must never appear inside a file name, even before an accepted extension (x.exe.pdf). */
const dangerous = new Set([
  'exe',
  'bat',
  'cmd',
  'com',
  'scr',
  'msi',
  'dll',
  'sh',
  'bash',
  'ps1',
  'vbs',
  'js',
  'mjs',
  'jar',
  'app',
  'php',
  'html',
  'htm',
  'svg',
  'hta',
  'lnk',
]);

export type TUploadError =
  | 'knowledge.upload.name'
  | 'knowledge.upload.type'
  | 'knowledge.upload.size'
  | 'knowledge.upload.content'
  | 'knowledge.upload.empty';

/**
 * Checks a client file name and returns its extension and a safe display name, or an error key. Rejected: path
 * separators and `..`, control characters, names without an accepted extension, double extensions hiding an
 * executable (x.pdf.exe, x.exe.pdf).
 */
export function checkFileName(
  name: string,
): { ok: true; ext: TUploadType; displayName: string } | { ok: false; error: TUploadError } {
  // eslint-disable-next-line no-control-regex
  if (
    !name ||
    name.length > 255 ||
    /[\u0000-\u001f\u007f-\u009f]/.test(name) ||
    /[\\/]/.test(name) ||
    name.includes('..')
  ) {
    return { ok: false, error: 'knowledge.upload.name' };
  }
  const parts = name.normalize('NFC').trim().split('.');
  if (parts.length < 2) return { ok: false, error: 'knowledge.upload.type' };
  const ext = parts[parts.length - 1]!.toLowerCase();
  if (!(ext in uploadTypes)) return { ok: false, error: 'knowledge.upload.type' };
  if (parts.slice(1, -1).some((p) => dangerous.has(p.toLowerCase())))
    return { ok: false, error: 'knowledge.upload.name' };
  const base = parts
    .slice(0, -1)
    .join('.')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '_')
    .replace(/^[.\s_-]+/, '')
    .slice(0, 100)
    .trim();
  return { ok: true, ext: ext as TUploadType, displayName: `${base || 'document'}.${ext}` };
}

/** Does the content look like the type its extension claims? (magic bytes; CSV must be text). */
export function contentMatches(ext: TUploadType, bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 8192)));
  const isZip = head.length > 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  switch (ext) {
    case 'pdf':
      return head.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'odp':
    case 'ods':
      // OpenDocument: the first ZIP entry is an uncompressed "mimetype" file holding the media type.
      return (
        isZip &&
        head.subarray(30, 38).toString('latin1') === 'mimetype' &&
        head.subarray(38, 38 + uploadTypes[ext].length).toString('latin1') === uploadTypes[ext]
      );
    case 'pptx':
    case 'xlsx': {
      // Office Open XML: a ZIP whose entry names (stored in clear) include the part folder.
      if (!isZip) return false;
      const all = Buffer.from(bytes).toString('latin1');
      return all.includes('[Content_Types].xml') && all.includes(ext === 'pptx' ? 'ppt/' : 'xl/');
    }
    case 'csv':
      // Text only: no NUL or other binary control bytes in the first 8 KB, and valid UTF-8 or Latin-1 text.
      // eslint-disable-next-line no-control-regex
      return head.length > 0 && !/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(head.toString('latin1'));
  }
}

export interface TStoredFile {
  key: string;
  name: string;
  type: TUploadType;
  size: number;
}

/**
 * Validates and stores an uploaded file under a random name. Returns the stored file or an error key. The file is
 * written before the database row; a failed transaction removes it (see `discardUpload`).
 */
export async function storeUpload(
  config: TConfig,
  file: File,
): Promise<{ ok: true; file: TStoredFile } | { ok: false; error: TUploadError }> {
  const named = checkFileName(file.name);
  if (!named.ok) return named;
  if (file.size === 0) return { ok: false, error: 'knowledge.upload.empty' };
  if (file.size > maxUploadBytes) return { ok: false, error: 'knowledge.upload.size' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > maxUploadBytes) return { ok: false, error: 'knowledge.upload.size' };
  if (!contentMatches(named.ext, bytes)) return { ok: false, error: 'knowledge.upload.content' };
  const dir = uploadsDir(config);
  mkdirSync(dir, { recursive: true });
  const key = `${randomBytes(16).toString('hex')}.${named.ext}`;
  await writeFile(join(dir, key), bytes, { flag: 'wx', mode: 0o640 });
  return { ok: true, file: { key, name: named.displayName, type: named.ext, size: bytes.length } };
}

/** Reads a stored file; the key is ours (hex + extension), re-checked so a tampered row cannot escape the folder. */
/** The shape of the names we give stored files; anything else in the folder is not ours and is never touched. */
export const storedKeyPattern = /^[0-9a-f]{32}\.[a-z]{3,4}$/;

export async function readUpload(config: TConfig, key: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!storedKeyPattern.test(key)) return null;
  try {
    return new Uint8Array(await readFile(join(uploadsDir(config), key)));
  } catch {
    return null;
  }
}

/** Removes a stored file (a missing one is fine: another instance or a sweep may have removed it first). */
export async function discardUpload(config: TConfig, key: string): Promise<void> {
  if (!storedKeyPattern.test(key)) return;
  await unlink(join(uploadsDir(config), key)).catch(() => undefined);
}

/** Content-Disposition for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(displayName: string): string {
  const fallback =
    displayName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;]/g, '_') || 'document';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(displayName)}`;
}
