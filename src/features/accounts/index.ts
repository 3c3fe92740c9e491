import type { TFeature } from '../../http/feature.js';
import { ensureAdministrator } from './create-user.js';
import { pages } from './routes.js';

export { createApiToken, createUser, ensureAdministrator, generatePassword, normaliseEmail } from './create-user.js';
export { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
export { UnconfirmedNotice } from './account-page.js';
export { ZEmail } from './schemas.js';

/** Accounts: sign-up, email confirmation, login/logout, password reset, the account page and API tokens. */
export const feature: TFeature = {
  name: 'accounts',
  pages,
  seed: async ({ db, config, log }) => {
    await ensureAdministrator(db, config.TECHCARE_ADMIN_EMAIL, config.TECHCARE_ADMIN_PASSWORD, log);
  },
};
