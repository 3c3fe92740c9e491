import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import type { TFeature } from '../../http/feature.js';
import { maturityLevelIds, type TMaturityLevel } from '../../referentials/maturity-grid.js';
import { adminRgesnPages } from './admin-rgesn-pages.js';
import { api } from './api.js';
import { declarationPages } from './declaration-pages.js';
import { maturityPages } from './maturity-pages.js';
import { publishedDeclarationIds } from './rgesn-declarations.js';
import { rgesnPages } from './rgesn-pages.js';
import { seedMaturity } from './seed.js';

export { currentMaturityLevel, maturityDistribution } from './maturity-assessments.js';
export { publishedDeclarationsOf } from './rgesn-declarations.js';
export type { TMaturityLevel } from '../../referentials/maturity-grid.js';

/** The five maturity levels (1 beginner … 5 exemplary) with their i18n keys. */
export const maturityLevels: readonly { id: TMaturityLevel; key: `maturity.level.${TMaturityLevel}` }[] =
  maturityLevelIds.map((id) => ({ id, key: `maturity.level.${id}` as const }));

const pages = new Hono<AppEnv>();
pages.route('/', maturityPages);
pages.route('/', rgesnPages);
pages.route('/', declarationPages);
pages.route('/', adminRgesnPages);

/**
 * Maturity: the organisation maturity grid (dated self-assessments, radar, progress), RGESN 2024 assessments of
 * digital services with their eco-design declarations, and the administrator's import of the official criteria.
 */
export const feature: TFeature = {
  name: 'maturity',
  pages,
  api,
  uploads: [{ path: /^\/admin\/rgesn$/, maxBytes: 6 * 1024 * 1024 }],
  sitemap: async (db) => (await publishedDeclarationIds(db)).map((id) => `/declarations/${id}`),
  seed: (ctx) => seedMaturity(ctx),
};
export { maturityLevelsAsOf, declarationsPublishedBy } from './review-aggregates.js';
export { currentDimensionScores, listUnvalidatedCriteria } from './cross-feature.js';
