import { nowIso } from '../../db/client.js';
import type { TFeature } from '../../http/feature.js';
import { onStatusLoss } from '../organisations/index.js';
import { api } from './api.js';
import { pages } from './pages.js';
import { seedWorkshops } from './seed.js';
import { sendDueReminders } from './send-due-reminders.js';
import { alertProgrammeGaps } from './alert-programme-gaps.js';
import { sendWorkshopFollowups } from './send-followups.js';
import { workshopsForLevel } from './recommend-for-level.js';

export { sendDueReminders } from './send-due-reminders.js';
export {
  upcomingWorkshops,
  workshopStats,
  workshopsAttendedBy,
  type TUpcomingWorkshop,
  type TWorkshopStats,
} from './workshop-stats.js';
export { registerForWorkshop, cancelRegistration } from './register-for-workshop.js';

/**
 * The workshop programme: partners publish workshops (series, drafts, changes, cancellation), signatories'
 * members register (waiting list, no overbooking), calendars and iCalendar feeds, attendance, feedback,
 * replays, certificates, and the programme view.
 */
// An organisation losing its partner or expert status: its workshops still to come go back to draft (offline,
// kept with their registrations); past ones stay as the record of what was held.
onStatusLoss('workshops', async (tx, loss) => {
  const now = nowIso();
  const rows = await tx
    .updateTable('workshops')
    .set({ status: 'draft', updated_at: now })
    .where('organisation_id', '=', loss.organisationId)
    .where('status', '=', 'published')
    .where('starts_at', '>', now)
    .returning('id')
    .execute();
  return rows.length;
});

export const feature: TFeature = {
  name: 'workshops',
  pages,
  api,
  sitemap: async (db) => {
    const rows = await db
      .selectFrom('workshops')
      .select('id')
      .where('status', '=', 'published')
      .where('starts_at', '>=', new Date().toISOString())
      .orderBy('starts_at')
      .limit(200)
      .execute();
    return ['/workshops', ...rows.map((r) => `/workshops/${r.id}`)];
  },
  seed: seedWorkshops,
  // The maturity result recommends workshops of the organisation's level; maturity sits below workshops in the
  // layer order (workshops read maturity levels), so it receives them through this contribution.
  contributes: { workshopsForLevel },
  // Reminders are idempotent per registration, so every instance may run this timer. The gap alert claims one row
  // per month and person in the transaction of its mail, so a daily run on every instance mails each person once.
  jobs: [
    {
      name: 'workshop-reminders',
      everyMs: 5 * 60_000,
      run: ({ db, config, now }) => sendDueReminders(db, config, now),
    },
    // Each attendee's follow-up is claimed with its mail in one transaction: once per attendee on any instance.
    {
      name: 'workshop-followups',
      everyMs: 15 * 60_000,
      run: ({ db, config, now }) => sendWorkshopFollowups(db, config, now),
    },
    {
      name: 'workshop-programme-gaps',
      everyMs: 24 * 60 * 60_000,
      run: ({ db, config, now }) => alertProgrammeGaps(db, config, now),
    },
  ],
};
export { workshopReviewStats, type TWorkshopReviewStats, type TWorkshopReviewLine } from './review-aggregates.js';
export { findWorkshop as getWorkshop } from './repository.js';
