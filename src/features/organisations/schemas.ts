import { z } from 'zod';
import { memberKinds, regions, sectors, sizeBands } from './reference.js';
import { isValidSiren } from './siren.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

/** The organisation profile form (creation and edition). The kind is company or school: partner and expert are granted. */
export const ZOrganisationProfile = z.object({
  name: z.string().trim().min(2, 'organisations.error.nameTooShort').max(160),
  kind: z.enum(memberKinds, 'organisations.error.kind'),
  siren: optionalText(20)
    .refine((v) => v === null || isValidSiren(v), 'organisations.error.siren')
    .transform((v) => (v ? v.replace(/\s+/g, '') : null)),
  size_band: z.enum(sizeBands, 'organisations.error.choose'),
  sector: z.enum(sectors, 'organisations.error.choose'),
  region: z.enum(regions, 'organisations.error.choose'),
  website: optionalText(300).refine((v) => v === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'form.invalidUrl'),
  description: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v ?? ''),
});
export type TOrganisationProfile = z.infer<typeof ZOrganisationProfile>;

export const ZInvite = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254).pipe(z.email()),
  role: z.enum(['owner', 'member']).default('member'),
});

export const ZRole = z.object({ role: z.enum(['owner', 'member']) });

/** An application for the partner or expert status. */
export const ZStatusApplication = z.object({
  kind: z.enum(['partner', 'expert'], 'organisations.error.statusKind'),
  motivation: z.string().trim().min(20, 'organisations.error.motivation').max(2000, 'organisations.error.motivation'),
});

/** An administrator's reason (required to reject or withdraw, optional to grant). */
export const ZStatusReason = z.object({ reason: z.string().trim().min(3).max(500) });
