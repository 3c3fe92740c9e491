import type { TFeature } from '../../http/feature.js';
import { pages } from './routes.js';
import { seedManifesto } from './seed.js';

export { ManifestoText } from './manifesto-text.js';
export { decideSignature, listPendingSignatures, signManifesto } from './sign-manifesto.js';
export { audienceFor, currentVersion, manifestoText, manifestoVersions, type TAudience } from './versions.js';

/** The manifesto: its versioned texts (company and school), signing by an owner, validation services for admin. */
export const feature: TFeature = {
  name: 'manifesto',
  pages,
  sitemap: async () => ['/manifesto'],
  seed: seedManifesto,
};
