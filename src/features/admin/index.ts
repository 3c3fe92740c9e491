import type { TFeature } from '../../http/feature.js';
import { pages } from './routes.js';

export { setPlatformRole, setUserDisabled } from './manage-users.js';

/** The back office of platform administrators: signatures, organisations, users, outbox, audit log. */
export const feature: TFeature = { name: 'admin', pages };
