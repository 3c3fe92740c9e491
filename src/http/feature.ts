import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { TViewContext } from '../views/context.js';
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
  /**
   * What this feature lends to the pages of features below it in the layer order (docs/architecture.md): a lower
   * feature never imports a higher one; http/app.ts gathers the contributions and pages read them from
   * `c.var.contributions`, showing nothing when no feature contributes.
   */
  contributes?: TContributions;
}

/** What a related-content section is about: a lever, a workshop or a training. */
export interface TRelatedSubject {
  leverSlug?: string;
  workshopId?: number;
  trainingId?: number;
}

/** An upcoming workshop recommended on a maturity result. */
export interface TRecommendedWorkshop {
  title: string;
  startsAt: string;
  path: string;
}

/** The contribution points. Each is provided by at most one feature. */
export interface TContributions {
  /** A section listing resources related to a subject, or null when there are none (knowledge). */
  relatedResources?: (
    db: DB,
    v: TViewContext,
    subject: TRelatedSubject,
    options?: { headingLevel?: 2 | 3; moreHref?: string },
  ) => Promise<Child>;
  /** Upcoming workshops aimed at a maturity level, soonest first (workshops). */
  workshopsForLevel?: (db: DB, level: number, now: Date) => Promise<TRecommendedWorkshop[]>;
}

/** Gathers the features' contributions; two features providing the same point is a composition error. */
export function gatherContributions(features: readonly TFeature[]): TContributions {
  const all: Record<string, unknown> = {};
  for (const f of features) {
    for (const [point, provider] of Object.entries(f.contributes ?? {})) {
      if (point in all) throw new Error(`Two features contribute "${point}" (the second is ${f.name})`);
      all[point] = provider;
    }
  }
  return all as TContributions;
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
