import type { TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { workshopEvent } from './calendar-events.js';
import { buildCalendar } from './ical.js';
import { listUserRegistrations, listWorkshops } from './repository.js';

/** How far back feeds keep past workshops, so calendars do not lose recent events at once. */
const feedHistoryMs = 90 * 86_400_000;

/** The public feed (all organisers or one): published and cancelled workshops, recent and upcoming. */
export async function publicFeed(db: DB, config: TConfig, name: string, partnerId?: number): Promise<string> {
  const from = new Date(Date.now() - feedHistoryMs).toISOString();
  const { rows } = await listWorkshops(
    db,
    { from, partner: partnerId, includeCancelled: true },
    { limit: 1000, offset: 0 },
  );
  return buildCalendar({ method: 'PUBLISH', name, events: rows.map((w) => workshopEvent(config, w)) });
}

/** One user's registrations: a seat is CONFIRMED, a place on the waiting list TENTATIVE. */
export async function personalFeed(db: DB, config: TConfig, name: string, userId: number): Promise<string> {
  const rows = await listUserRegistrations(db, userId, new Date(Date.now() - feedHistoryMs).toISOString());
  return buildCalendar({
    method: 'PUBLISH',
    name,
    events: rows.map((w) => {
      const e = workshopEvent(config, w, undefined, w.registration_status === 'confirmed');
      if (w.status === 'published' && w.registration_status === 'waitlisted') e.status = 'TENTATIVE';
      return e;
    }),
  });
}

export const icsHeaders = { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' };
