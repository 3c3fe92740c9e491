import type { TFeature } from '../../http/feature.js';
import { ensureAdministrator } from './create-user.js';

export { createApiToken, createUser, ensureAdministrator, generatePassword, normaliseEmail } from './create-user.js';
export { hashPassword, verifyPassword } from './passwords.js';

/** Accounts: sign-up, email confirmation, login/logout, password reset, API tokens. */
export const feature: TFeature = {
  name: 'accounts',
  seed: async ({ db, config, log }) => {
    await ensureAdministrator(db, config.TECHCARE_ADMIN_EMAIL, config.TECHCARE_ADMIN_PASSWORD, log);
  },
};
