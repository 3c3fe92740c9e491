import type { TFeature } from '../../http/feature.js';
import { pages } from './routes.js';
import { seedOrganisations } from './seed.js';

export { createOrganisation, NameTakenError } from './create-organisation.js';
export { canPublishAs } from './policy.js';
export {
  applyForStatus,
  currentGrant,
  decideStatusRequest,
  latestStatusRequest,
  listGrantedStatuses,
  listPendingStatusRequests,
  withdrawStatus,
} from './status.js';
export { onStatusLoss, type TStatusLoss, type TStatusLossHandler } from './status-loss.js';
export { kindLabel, regionLabel, referenceOptions, sectorLabel, sizeLabel } from './labels.js';
export { ProfileFacts, SignatureStatus } from './manage-page.js';
export { nameKey, nameTakenBy, normaliseSearchName, slugify } from './names.js';
export {
  demoOrganisations,
  getOrganisation,
  getOrganisationBySlug,
  organisationOr404,
  hasDemoNetwork,
  isPublisher,
  isSignatory,
  latestSignature,
  listFoundingPartners,
  listMembers,
  listOwners,
  listSignatures,
  validatedSignature,
  type TSignatureSummary,
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
