import { z } from 'zod';
import { licences, maturityLevelIds, resourceKinds, themes, ZRgesn, ZSlug } from './constants.js';

/** A form field that may arrive once, repeated, or not at all. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
    z.array(item).max(30),
  );

/** "4.2, 6.1" or repeated fields → a list. */
const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;\s]+/) : [])
        .map((x) => String(x).trim())
        .filter(Boolean),
    z.array(item).max(30),
  );

const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? undefined : v),
  z.coerce.number().int().positive().optional(),
);

export const ZTagsInput = z.object({
  themes: list(z.enum(themes)),
  levels: list(
    z.coerce
      .number()
      .int()
      .refine((n) => (maturityLevelIds as readonly number[]).includes(n)),
  ),
  levers: commaList(ZSlug),
  rgesn: commaList(ZRgesn),
});

/** A resource as submitted by the publish form or the API (the file travels separately). */
export const ZResourceInput = ZTagsInput.extend({
  organisationId: z.coerce.number().int().positive(),
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().min(10).max(4000),
  kind: z.enum(resourceKinds),
  language: z.enum(['fr', 'en']),
  publishedOn: z.iso.date('form.invalidDate'),
  licence: z.enum(licences),
  url: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .url({ protocol: /^https?$/, message: 'form.invalidUrl' })
      .max(500)
      .optional(),
  ),
  workshopId: optionalId,
  trainingId: optionalId,
});
export type TResourceInput = z.infer<typeof ZResourceInput>;
/** An edit: the same fields except the organisation, which a publication never changes. */
export const ZResourceEditInput = ZResourceInput.omit({ organisationId: true });
export type TResourceEditInput = z.infer<typeof ZResourceEditInput>;

const optionalNumber = z.preprocess(
  (v) =>
    v === '' || v === undefined || v === null
      ? undefined
      : typeof v === 'string'
        ? v.replace(',', '.').replace(/\s/g, '')
        : v,
  z.coerce.number({ message: 'form.invalidNumber' }).finite().min(0).max(1e12).optional(),
);
const optionalYear = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v),
  z.coerce.number().int().min(2000).max(2100).optional(),
);

/** An experience report as submitted. `measureSource` picks platform-measured footprints or a declared figure. */
export const ZReportInput = ZTagsInput.extend({
  organisationId: z.coerce.number().int().positive(),
  title: z.string().trim().min(3).max(200),
  language: z.enum(['fr', 'en']),
  whatWeDid: z.string().trim().min(20).max(8000),
  costEur: optionalNumber,
  costNotes: z.string().trim().max(1000).default(''),
  measureSource: z.enum(['platform', 'declared', 'none']),
  measureLabel: z.string().trim().max(200).default(''),
  beforeValue: optionalNumber,
  afterValue: optionalNumber,
  measureUnit: z.string().trim().max(40).default(''),
  baselineYear: optionalYear,
  resultYear: optionalYear,
});
export type TReportInput = z.infer<typeof ZReportInput>;
export const ZReportEditInput = ZReportInput.omit({ organisationId: true });
export type TReportEditInput = z.infer<typeof ZReportEditInput>;

export const ZCommentInput = z.object({ body: z.string().trim().min(2).max(4000) });

/** The resource list's filters (page and API). */
export const ZResourceFilter = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(resourceKinds).optional().catch(undefined),
  language: z.enum(['fr', 'en']).optional().catch(undefined),
  theme: z.enum(themes).optional().catch(undefined),
  level: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  lever: ZSlug.optional().catch(undefined),
  licence: z.enum(licences).optional().catch(undefined),
});
export type TResourceFilter = z.infer<typeof ZResourceFilter>;
