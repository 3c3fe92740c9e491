import { z } from 'zod';
import { weekdayRank } from './series-rule.js';
import { isValidTimeZone, zonedToUtc } from './time-zones.js';

export const themes = [
  'measurement',
  'ecodesign',
  'purchasing',
  'datacentres',
  'strategy',
  'training',
  'other',
] as const;
export const formats = ['online', 'onsite', 'hybrid'] as const;
export const levelIds = [1, 2, 3, 4, 5] as const;
/** `monthly_nth`: the same rank of the start's weekday (the third Thursday); `monthly_last`: the month's last one. */
export const repeats = ['none', 'weekly', 'monthly', 'monthly_nth', 'monthly_last'] as const;
export type TTheme = (typeof themes)[number];

/** Empty form fields mean "not given". */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const toArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/**
 * A workshop as entered in the form or sent to the API (same field names). Dates are local to `time_zone`;
 * the refinement turns them into UTC instants and names the field at fault when a time does not exist.
 */
export const ZWorkshopInput = z
  .object({
    organisation_id: z.coerce.number().int().positive().optional(),
    title: z.string().trim().min(3, 'workshops.error.title').max(200),
    description: z.string().trim().min(1, 'form.required').max(10_000),
    theme: z.enum(themes, { message: 'workshops.error.theme' }),
    levels: z.preprocess(
      toArray,
      z.array(z.coerce.number().int().min(1).max(5)).min(1, 'workshops.error.levels').max(5),
    ),
    format: z.enum(formats, { message: 'workshops.error.format' }),
    online_url: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https?$/, message: 'form.invalidUrl' })
        .max(500)
        .optional(),
    ),
    address: optionalText(500),
    start_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'form.invalidDate'),
    start_time: z.string().regex(/^\d{2}:\d{2}$/, 'workshops.error.time'),
    time_zone: z.string().refine(isValidTimeZone, 'workshops.error.timeZone'),
    duration_minutes: z.coerce
      .number({ message: 'form.invalidNumber' })
      .int()
      .min(15, 'workshops.error.duration')
      .max(1440, 'workshops.error.duration'),
    capacity: z.coerce
      .number({ message: 'form.invalidNumber' })
      .int()
      .min(1, 'workshops.error.capacity')
      .max(10_000, 'workshops.error.capacity'),
    per_org_limit: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'form.invalidNumber' }).int().min(1, 'workshops.error.perOrg').max(10_000).optional(),
    ),
    closes_date: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'form.invalidDate')
        .optional(),
    ),
    closes_time: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{2}:\d{2}$/, 'workshops.error.time')
        .optional(),
    ),
    language: z.enum(['fr', 'en']).default('fr'),
    speakers: optionalText(1000),
    materials: optionalText(5000),
    repeat: z.enum(repeats).default('none'),
    occurrences: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'form.invalidNumber' })
        .int()
        .min(1, 'workshops.error.occurrences')
        .max(12, 'workshops.error.occurrences')
        .default(1),
    ),
    publish: z
      .preprocess((v) => v === true || v === 'true' || v === '1' || v === 'publish', z.boolean())
      .default(false),
  })
  .superRefine((v, ctx) => {
    if ((v.format === 'online' || v.format === 'hybrid') && !v.online_url)
      ctx.addIssue({ code: 'custom', path: ['online_url'], message: 'workshops.error.onlineUrl' });
    if ((v.format === 'onsite' || v.format === 'hybrid') && !v.address)
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'workshops.error.address' });
    const start = isValidTimeZone(v.time_zone) ? zonedToUtc(v.start_date, v.start_time, v.time_zone) : null;
    if (isValidTimeZone(v.time_zone) && !start)
      ctx.addIssue({ code: 'custom', path: ['start_time'], message: 'workshops.error.noSuchTime' });
    if (start && (v.closes_date || v.closes_time)) {
      const closes = zonedToUtc(v.closes_date ?? v.start_date, v.closes_time ?? v.start_time, v.time_zone);
      if (!closes) ctx.addIssue({ code: 'custom', path: ['closes_time'], message: 'workshops.error.noSuchTime' });
      else if (closes.getTime() > start.getTime())
        ctx.addIssue({ code: 'custom', path: ['closes_date'], message: 'workshops.error.closesAfterStart' });
    }
    if (v.repeat === 'none' && v.occurrences > 1)
      ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'workshops.error.repeat' });
    if (v.repeat === 'monthly_nth' && weekdayRank(v.start_date) > 4)
      ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'workshops.error.fifthWeekday' });
  });
export type TWorkshopInput = z.infer<typeof ZWorkshopInput>;

/** The filters of the calendar page and of `GET /api/v1/workshops`. */
export const ZWorkshopFilter = z.object({
  theme: z.preprocess(blankToUndefined, z.enum(themes).optional()),
  level: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(5).optional()),
  format: z.preprocess(blankToUndefined, z.enum(formats).optional()),
  partner: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  from: z.preprocess(blankToUndefined, z.iso.datetime({ offset: true }).optional()),
  to: z.preprocess(blankToUndefined, z.iso.datetime({ offset: true }).optional()),
});
export type TWorkshopFilter = z.infer<typeof ZWorkshopFilter>;

export const ZRegisterInput = z.object({ organisation_id: z.coerce.number().int().positive().optional() });

export const ZFeedbackInput = z.object({
  rating: z.coerce
    .number({ message: 'workshops.error.rating' })
    .int()
    .min(1, 'workshops.error.rating')
    .max(5, 'workshops.error.rating'),
  comment: z.preprocess((v) => v ?? '', z.string().trim().max(2000)),
});

export const ZReplayInput = z.object({
  replay_url: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, message: 'form.invalidUrl' })
      .max(500)
      .optional(),
  ),
  replay_materials: optionalText(5000),
});

/** The organiser's message to a workshop's registrants. */
export const ZMessageInput = z.object({
  subject: z
    .string({ message: 'workshops.error.messageSubject' })
    .trim()
    .min(3, 'workshops.error.messageSubject')
    .max(200, 'workshops.error.messageSubject'),
  body: z
    .string({ message: 'workshops.error.messageBody' })
    .trim()
    .min(10, 'workshops.error.messageBody')
    .max(5000, 'workshops.error.messageBody'),
});
export type TMessageInput = z.infer<typeof ZMessageInput>;

/** Parses the stored `,1,3,` levels column. */
export function parseLevels(stored: string): number[] {
  return stored.split(',').filter(Boolean).map(Number);
}

/** Stores levels as `,1,3,` so a LIKE '%,3,%' finds level 3. */
export function storeLevels(levels: number[]): string {
  return `,${[...new Set(levels)].sort().join(',')},`;
}
