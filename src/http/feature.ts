import type { Hono } from 'hono';
import type { TConfig } from '../config.js';
import type { DB } from '../db/client.js';
import type { AppEnv } from './env.js';

export interface TSeedContext {
  db: DB;
  config: TConfig;
  /** Seed the demo network too (TECHCARE_DEMO, default true). */
  demo: boolean;
  /** Messages for the operator (e.g. the generated administrator password), printed once. */
  log: (line: string) => void;
}

/**
 * What a feature hands to http/app.ts: its pages (mounted at the root), its JSON API (mounted at /api/v1), the
 * public URLs it adds to the sitemap, and its seed step (reference data always, demo data when asked). Seeds must
 * be idempotent: they run at every start.
 */
export interface TFeature {
  name: string;
  pages?: Hono<AppEnv>;
  api?: Hono<AppEnv>;
  sitemap?: (db: DB) => Promise<string[]>;
  seed?: (ctx: TSeedContext) => Promise<void>;
  /**
   * Routes that accept a file, with their largest body: every other request body is capped small
   * (`http/app.ts`). Paths are full (API routes start with /api/v1).
   */
  uploads?: TUploadRoute[];
  /** Periodic work (reminders, digests) run by the server process; each run must be safe on several instances. */
  jobs?: TJob[];
}

export interface TUploadRoute {
  path: RegExp;
  maxBytes: number;
}

export interface TJob {
  name: string;
  everyMs: number;
  run: (ctx: { db: DB; config: TConfig; now: Date }) => Promise<unknown>;
}
