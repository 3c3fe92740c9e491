import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

/** A static file held in memory with a content hash, so it can be cached for a year and still change. */
export interface TAsset {
  body: Buffer;
  type: string;
  hash: string;
}

const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

const cache = new Map<string, TAsset>();

/** Loads `src/public/<name>` once. */
export function asset(name: string): TAsset | undefined {
  if (!/^[a-z0-9-]+\.(css|js|svg)$/.test(name)) return undefined;
  let found = cache.get(name);
  if (!found) {
    try {
      const body = readFileSync(join(publicDir, name));
      found = {
        body,
        type: types[name.split('.').pop()!]!,
        hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
      };
      cache.set(name, found);
    } catch {
      return undefined;
    }
  }
  return found;
}

/** The URL of a static file, versioned by its hash. */
export function assetUrl(name: string): string {
  const a = asset(name);
  return `/static/${name}?v=${a?.hash ?? '0'}`;
}
