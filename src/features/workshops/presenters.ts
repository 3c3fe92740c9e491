/** What the workshops API answers: a workshop with its seats and addresses, a registration; never the rows. */
import { z } from 'zod';
import type { DB } from '../../db/client.js';
import type { registerForWorkshop } from './register-for-workshop.js';
import { seatCounts, type TWorkshopWithOrg } from './repository.js';
import { parseLevels } from './schemas.js';

export const ZWorkshopOut = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  status: z.enum(['published', 'cancelled']),
  theme: z.string(),
  levels: z.array(z.number()),
  format: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  time_zone: z.string(),
  duration_minutes: z.number(),
  capacity: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  per_org_limit: z.number().nullable(),
  registration_closes_at: z.string(),
  language: z.string(),
  address: z.string().nullable(),
  organisation: z.object({ id: z.number(), name: z.string() }),
  series_id: z.string().nullable(),
  url: z.string(),
});

/** A published or cancelled workshop, with its confirmed and waiting seats and the address of its page. */
export async function presentWorkshop(
  db: DB,
  w: TWorkshopWithOrg,
  origin: string,
): Promise<z.infer<typeof ZWorkshopOut>> {
  const counts = await seatCounts(db, w.id);
  return {
    id: w.id,
    title: w.title,
    description: w.description,
    status: w.status === 'cancelled' ? 'cancelled' : 'published',
    theme: w.theme,
    levels: parseLevels(w.levels),
    format: w.format,
    starts_at: w.starts_at,
    ends_at: new Date(new Date(w.starts_at).getTime() + w.duration_minutes * 60_000).toISOString(),
    time_zone: w.time_zone,
    duration_minutes: w.duration_minutes,
    capacity: w.capacity,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    per_org_limit: w.per_org_limit,
    registration_closes_at: w.registration_closes_at,
    language: w.language,
    // The joining link goes to registrants only (by mail), never to a public listing.
    address: w.address,
    organisation: { id: w.organisation_id, name: w.organisation_name },
    series_id: w.series_id,
    url: `${origin}/workshops/${w.id}`,
  };
}

export const ZRegistrationOut = z.object({
  status: z.enum(['confirmed', 'waitlisted']),
  registration_id: z.number(),
  workshop_id: z.number(),
  organisation_id: z.number(),
  waitlist_position: z.number().nullable(),
});

/** A registration as the service made it: confirmed, or waitlisted at a position. */
export function presentRegistration(
  r: Awaited<ReturnType<typeof registerForWorkshop>>,
): z.infer<typeof ZRegistrationOut> {
  return {
    status: r.status,
    registration_id: r.registrationId,
    workshop_id: r.workshopId,
    organisation_id: r.organisationId,
    waitlist_position: r.position,
  };
}
