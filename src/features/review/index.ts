import type { TFeature } from '../../http/feature.js';

/** The review feature: its pages, API, sitemap entries and seed (see issues). Other features call its exported services. */
export const feature: TFeature = { name: 'review' };
