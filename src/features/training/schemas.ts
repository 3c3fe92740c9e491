import { z } from 'zod';
import { issueMessage } from '../../http/forms.js';
import type { TMessageKey, TTranslate } from '../../i18n/index.js';
import { skillBlockCount } from '../../referentials/skills-framework.js';
import {
  audiences,
  educationLevels,
  licences,
  offerKinds,
  trainingFormats,
  trainingKinds,
  trainingLanguages,
} from './vocabulary.js';

/*
 * One schema for every way a training arrives: the web form, a CSV line (all strings) and a JSON object (native
 * types). Field names are the CSV/JSON column names, so errors name the same field everywhere.
 */

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** "12,5" or 12.5 → 12.5; blank → undefined (so "required" fires). */
const decimal = (v: unknown) =>
  blank(v) ? undefined : typeof v === 'string' ? Number(v.trim().replace(/\s/g, '').replace(',', '.')) : v;

/** "a|b", "a; b", ["a","b"] → ["a","b"]. */
const list = (v: unknown) => {
  if (blank(v)) return [];
  const items = Array.isArray(v) ? v : String(v).split(/[|;,]/);
  return items.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => !blank(x));
};

const yes = ['yes', 'oui', 'true', '1', 'on', 'y', 'o'];
const no = ['no', 'non', 'false', '0', 'n', ''];
const bool = (v: unknown) => {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return false;
  const s = String(v).trim().toLowerCase();
  if (yes.includes(s)) return true;
  if (no.includes(s)) return false;
  return v;
};

/** A mapped skill written "block:level" (e.g. "3:2"), or an object {block, level}. */
const ZSkillRef = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const m = /^\s*(\d+)\s*[:-]\s*(\d+)\s*$/.exec(v);
    return m ? { block: Number(m[1]), level: Number(m[2]) } : v;
  },
  // Every issue of a skill (not a pair, block or level out of range) gets the sentence that says how to write one.
  z.object(
    {
      block: z
        .number('training.error.skills')
        .int('training.error.skills')
        .min(1, 'training.error.skills')
        .max(skillBlockCount, 'training.error.skills'),
      level: z
        .number('training.error.skills')
        .int('training.error.skills')
        .min(1, 'training.error.skills')
        .max(5, 'training.error.skills'),
    },
    { message: 'training.error.skills' },
  ),
);

export const ZTrainingInput = z.object({
  title: z.string().trim().min(3, 'training.error.title').max(200),
  description: z.string().trim().min(1, 'form.required').max(5000),
  kind: z.enum(trainingKinds),
  audiences: z.preprocess(list, z.array(z.enum(audiences)).min(1, 'training.error.audiences')),
  education_level: z.enum(educationLevels),
  duration_hours: z.preprocess(
    decimal,
    z
      .number({ message: 'training.error.duration' })
      .positive('training.error.duration')
      .max(5000, 'training.error.duration'),
  ),
  format: z.enum(trainingFormats),
  language: z.enum(trainingLanguages),
  /** Cost in euros; blank or 0 means free. */
  cost_eur: z.preprocess(
    (v) => (blank(v) || (typeof v === 'string' && /^(free|gratuit)$/i.test(v.trim())) ? 0 : decimal(v)),
    z.number({ message: 'training.error.cost' }).min(0, 'training.error.cost').max(1_000_000, 'training.error.cost'),
  ),
  certificate: z.preprocess(bool, z.boolean({ message: 'training.error.certificate' })),
  licence: z.enum(licences),
  prerequisites: z.preprocess((v) => (blank(v) ? '' : v), z.string().trim().max(2000)),
  learning_outcomes: z.preprocess((v) => (blank(v) ? '' : v), z.string().trim().max(4000)),
  url: z.preprocess(
    (v) => (blank(v) ? null : typeof v === 'string' ? v.trim() : v),
    z
      .url({ protocol: /^https?$/, message: 'form.invalidUrl' })
      .max(500)
      .nullable(),
  ),
  skills: z.preprocess(list, z.array(ZSkillRef).min(1, 'training.error.skillsRequired').max(45)),
});
export type TTrainingInput = z.infer<typeof ZTrainingInput>;

/** Filters of the catalogue: the page's query string, the API's query and `listTrainings`. */
export const ZTrainingFilter = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(trainingKinds).optional().catch(undefined),
  audience: z.enum(audiences).optional().catch(undefined),
  education_level: z.enum(educationLevels).optional().catch(undefined),
  format: z.enum(trainingFormats).optional().catch(undefined),
  language: z.enum(trainingLanguages).optional().catch(undefined),
  cost: z.enum(['free', 'paid']).optional().catch(undefined),
  certificate: z.enum(['yes', 'no']).optional().catch(undefined),
  /** A licence code, or "open" for any open licence. */
  licence: z
    .enum([...licences, 'open'])
    .optional()
    .catch(undefined),
  block: z.coerce.number().int().min(1).max(skillBlockCount).optional().catch(undefined),
  level: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  provider: z.coerce.number().int().positive().optional().catch(undefined),
  max_hours: z.coerce.number().positive().optional().catch(undefined),
});
export type TTrainingFilter = z.infer<typeof ZTrainingFilter>;

/** Reads a filter from query parameters, ignoring blanks and bad values (a bad filter is dropped, not an error). */
export function parseTrainingFilter(query: Record<string, string | undefined>): TTrainingFilter {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v.trim() !== '') clean[k] = v;
  return ZTrainingFilter.parse(clean);
}

export const ZOfferInput = z.object({
  title: z.string().trim().min(3, 'training.error.title').max(200),
  description: z.string().trim().min(1, 'form.required').max(5000),
  kind: z.enum(offerKinds),
  location: z.string().trim().min(1, 'form.required').max(200),
  start_date: z.iso.date({ message: 'form.invalidDate' }),
  contact_email: z.email({ message: 'form.invalidEmail' }).max(254),
  expires_on: z.iso.date({ message: 'form.invalidDate' }),
  end_date: z.preprocess((v) => (blank(v) ? null : v), z.iso.date({ message: 'form.invalidDate' }).nullable()),
  duration_weeks: z.preprocess(
    (v) => (blank(v) ? null : decimal(v)),
    z
      .number({ message: 'training.offers.error.duration' })
      .int('training.offers.error.duration')
      .min(1, 'training.offers.error.duration')
      .max(156, 'training.offers.error.duration')
      .nullable(),
  ),
  pay: z.string().trim().min(1, 'training.offers.error.pay').max(200),
  application_deadline: z.iso.date({ message: 'form.invalidDate' }),
});
export type TOfferInput = z.infer<typeof ZOfferInput>;

/**
 * The date rules of an offer, beyond each field's format (field → message key): no start in the past, an end date
 * after the start or a duration (one of the two), and an application deadline before the start.
 */
export function offerDateErrors(o: TOfferInput, today: string): Record<string, TMessageKey> {
  const errors: Record<string, TMessageKey> = {};
  if (o.start_date < today) errors.start_date = 'training.offers.error.startPast';
  if (o.end_date === null && o.duration_weeks === null) errors.end_date = 'training.offers.error.endOrDuration';
  if (o.end_date !== null && o.end_date <= o.start_date) errors.end_date = 'training.offers.error.endBeforeStart';
  if (o.application_deadline >= o.start_date) errors.application_deadline = 'training.offers.error.deadline';
  return errors;
}

export const ZCurriculumInput = z.object({
  programme: z.string().trim().min(2, 'form.required').max(200),
  year: z.coerce
    .number({ message: 'training.error.year' })
    .int('training.error.year')
    .min(2000, 'training.error.year')
    .max(2100, 'training.error.year'),
  hours: z.preprocess(
    decimal,
    z.number({ message: 'form.invalidNumber' }).min(0, 'form.invalidNumber').max(10000, 'form.invalidNumber'),
  ),
  compulsory: z.preprocess(bool, z.boolean()),
  students: z.preprocess(
    decimal,
    z
      .number({ message: 'form.invalidNumber' })
      .int('form.invalidNumber')
      .min(0, 'form.invalidNumber')
      .max(1_000_000, 'form.invalidNumber'),
  ),
});
export type TCurriculumInput = z.infer<typeof ZCurriculumInput>;

/**
 * Who reads the errors: `file` for CSV/JSON imports and the API, where people type codes, so a message names the
 * codes to write ("students", "3:2"); `form` for the web forms, where the same values are ticked or picked from
 * lists, so a message speaks of those choices instead.
 */
export type TTrainingWording = 'file' | 'form';

/** The form wording of the messages whose file wording spells codes. */
const formWording: Partial<Record<TMessageKey, TMessageKey>> = {
  'training.error.audiences': 'training.error.form.audiences',
  'training.error.skills': 'training.error.form.skills',
  'training.error.skillsRequired': 'training.error.form.skillsRequired',
  'training.error.certificate': 'training.error.form.certificate',
};

/**
 * Words a zod issue for a training field: in a file, a value outside a closed list names the allowed values (the
 * fix); on a form it asks to pick from the list. Other issues use the platform's generic sentences.
 */
export function trainingIssueMessage(issue: z.core.$ZodIssue, t: TTranslate, wording: TTrainingWording): string {
  if (issue.code === 'invalid_value')
    return wording === 'form'
      ? t('training.error.form.oneOf')
      : t('training.error.oneOf', { values: issue.values.map(String).join(', ') });
  const formKey = wording === 'form' ? formWording[issue.message as TMessageKey] : undefined;
  // `none` is the list's own wording for a block left out, so the message quotes what the reader sees.
  return formKey ? t(formKey, { none: t('training.field.noLevel') }) : issueMessage(issue, t);
}

/** Validates with field errors worded by `trainingIssueMessage` for `wording`, keyed by the first path segment. */
export function validateTraining<S extends z.ZodType>(
  schema: S,
  input: unknown,
  t: TTranslate,
  wording: TTrainingWording,
): { ok: true; data: z.infer<S> } | { ok: false; errors: Record<string, string> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= trainingIssueMessage(issue, t, wording);
  }
  return { ok: false, errors };
}
