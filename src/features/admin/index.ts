import type { TFeature } from '../../http/feature.js';
import { pages } from './routes.js';
import { mailWaitingItems } from './waiting-items.js';

export { setPlatformRole, setUserDisabled } from './manage-users.js';
export { waitingItems, mailWaitingItems } from './waiting-items.js';

/** The back office of platform administrators: signatures, organisations, users, outbox, audit log. */
export const feature: TFeature = {
  name: 'admin',
  pages,
  // Hourly on every instance; the daily claim in the database makes the mail leave once a day.
  jobs: [
    {
      name: 'waiting-items-notice',
      everyMs: 60 * 60_000,
      run: ({ db, config, now }) => mailWaitingItems(db, config, now),
    },
  ],
};
