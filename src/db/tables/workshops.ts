import type { ColumnType, Generated } from 'kysely';

/** A nullable column added later: inserts written before it may leave it out (it is then null). */
type TLaterNullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type TWorkshopStatus = 'draft' | 'published' | 'cancelled';
export type TWorkshopFormat = 'online' | 'onsite' | 'hybrid';
export type TRegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** Tables of the workshops feature (schema in migrations/0030-workshops.ts). */
export interface WorkshopTables {
  workshops: {
    id: Generated<number>;
    /** The organising organisation (kind partner or expert). */
    organisation_id: number;
    /** Occurrences created together as a recurring series share this random id. */
    series_id: string | null;
    /** The series' repetition rule (migration 0031); null for a single workshop or a series older than the column. */
    series_repeat: 'weekly' | 'monthly' | null;
    /** RFC 5545 rule of a series on "the nth weekday" or "the last weekday" of the month (migration 0033). */
    series_rrule: TLaterNullable<string>;
    status: TWorkshopStatus;
    title: string;
    description: string;
    theme: string;
    /** Target maturity levels as `,1,3,4,` so one LIKE '%,3,%' filters on both databases. */
    levels: string;
    format: TWorkshopFormat;
    online_url: string | null;
    address: string | null;
    /** Start as ISO-8601 UTC; `time_zone` is the IANA zone it was planned in (shown beside the viewer's zone). */
    starts_at: string;
    time_zone: string;
    duration_minutes: number;
    capacity: number;
    /** Optional cap of confirmed seats per registering organisation. */
    per_org_limit: number | null;
    registration_closes_at: string;
    language: 'fr' | 'en';
    speakers: string;
    materials: string;
    replay_url: string | null;
    replay_materials: string | null;
    /** iCalendar SEQUENCE: bumped at every change sent to registrants. */
    sequence: number;
    created_by: number;
    created_at: string;
    updated_at: string;
    published_at: string | null;
    cancelled_at: string | null;
  };
  workshop_registrations: {
    id: Generated<number>;
    workshop_id: number;
    user_id: number;
    /** The signatory organisation the user registered for. */
    organisation_id: number;
    status: TRegistrationStatus;
    /** Place in the waiting list: the time the (re)registration arrived. */
    queued_at: string;
    confirmed_at: string | null;
    cancelled_at: string | null;
    /** The last status mailed to the registrant, claimed atomically so each transition is mailed once. */
    notified_status: TRegistrationStatus | null;
    /** null until the organiser records attendance, then 1 (present) or 0 (absent). */
    attended: number | null;
    reminder_sent_at: string | null;
    /** When the after-workshop mail (feedback, replay, certificate) was queued for this attendee (migration 0034). */
    followup_sent_at: TLaterNullable<string>;
    created_at: string;
  };
  workshop_feedback: {
    id: Generated<number>;
    workshop_id: number;
    user_id: number;
    rating: number;
    comment: string;
    created_at: string;
  };
  /** One alert per month without a published workshop and recipient (migration 0032). */
  workshop_gap_alerts: {
    id: Generated<number>;
    /** YYYY-MM, in Paris time like the programme. */
    month: string;
    user_id: number;
    created_at: string;
  };
  /** Messages an organiser sent to the registrants of a workshop (migration 0035). */
  workshop_messages: {
    id: Generated<number>;
    workshop_id: number;
    sender_user_id: number;
    subject: string;
    body: string;
    recipients: number;
    created_at: string;
  };
  /** Private calendar feed of one user's registrations: only the token's hash is kept. */
  workshop_calendar_tokens: {
    id: Generated<number>;
    user_id: number;
    token_hash: string;
    created_at: string;
  };
}
