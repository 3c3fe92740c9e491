import { publicUrl, type TConfig } from '../../config.js';
import { buildCalendar, workshopUid, type TIcalEvent } from './ical.js';
import type { TWorkshopRow } from './repository.js';

/** The host name used in UIDs and the organiser address: stable for one installation. */
export function calendarHost(config: TConfig): string {
  return new URL(publicUrl(config)).hostname;
}

/**
 * A workshop as an iCalendar event; the attendee is set in personal invitations only. The meeting link is
 * private: it is written only when `withLink` is true — a confirmed registrant's own invitation, personal feed and
 * download — never in public or partner feeds nor for the waiting list.
 */
export function workshopEvent(
  config: TConfig,
  w: TWorkshopRow & { organisation_name?: string },
  attendee?: { name: string; email: string },
  withLink = false,
): TIcalEvent {
  const host = calendarHost(config);
  const location = [w.address, withLink ? w.online_url : null].filter(Boolean).join(' — ') || null;
  const url = `${publicUrl(config)}/workshops/${w.id}`;
  return {
    uid: workshopUid(w.id, host),
    sequence: w.sequence,
    startsAt: w.starts_at,
    durationMinutes: w.duration_minutes,
    summary: w.organisation_name ? `${w.title} (${w.organisation_name})` : w.title,
    description: `${w.description}\n\n${url}`,
    location,
    url,
    status: w.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    timeZone: w.time_zone,
    updatedAt: w.updated_at,
    organizer: { name: w.organisation_name ?? 'Techcare', email: `no-reply@${host}` },
    attendee,
  };
}

/** A personal invitation (REQUEST) or its withdrawal (CANCEL), attached to registrants' mails. */
export function invitationAttachment(
  config: TConfig,
  w: TWorkshopRow & { organisation_name?: string },
  attendee: { name: string; email: string },
  method: 'REQUEST' | 'CANCEL',
) {
  const event = workshopEvent(config, w, attendee, method === 'REQUEST');
  if (method === 'CANCEL') event.status = 'CANCELLED';
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: buildCalendar({ method, events: [event] }),
  };
}
