import type { TFeature } from '../../http/feature.js';
import { pages } from './routes.js';
import { seedOrganisations } from './seed.js';

export { createOrganisation } from './create-organisation.js';
export { kindLabel, regionLabel, referenceOptions, sectorLabel, sizeLabel } from './labels.js';
export { ProfileFacts, SignatureStatus } from './manage-page.js';
export { normaliseSearchName, slugify } from './names.js';
export {
  demoOrganisations, getOrganisation, getOrganisationBySlug, hasDemoNetwork, isSignatory, latestSignature, listFoundingPartners, listMembers, listOwners, listSignatures,
  validatedSignature, type TSignatureSummary,
} from './queries.js';
export { organisationKinds, regions, sectors, sizeBands } from './reference.js';
export { isValidSiren } from './siren.js';
export { organisationSpaces } from './spaces.js';

/**
 * Organisations: profiles, members and roles, invitations, export and deletion, the member's dashboard; the
 * founding partners (reference data) and the demo network (when asked) are seeded here.
 */
export const feature: TFeature = {
  name: 'organisations',
  pages,
  seed: seedOrganisations,
};
