/** What the directory API answers about a signatory: its public profile, never its row (no SIREN, no members). */
import { z } from 'zod';
import { organisationKinds, regions, sectors, sizeBands } from '../organisations/index.js';

export const ZPublicOrganisation = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  sector: z.enum(sectors),
  size_band: z.enum(sizeBands),
  region: z.enum(regions),
  website: z.string().nullable(),
  description: z.string(),
  is_demo: z.boolean(),
  is_founding_partner: z.boolean(),
  url: z.string(),
});

export const ZSignatoryOut = ZPublicOrganisation.extend({
  signature: z.object({
    version: z.string(),
    audience: z.enum(['company', 'school']),
    signed_at: z.string(),
    validated_at: z.string().nullable(),
  }),
});

type TPublicRow = {
  id: number;
  slug: string;
  name: string;
  kind: string;
  sector: string;
  size_band: string;
  region: string;
  website: string | null;
  description: string;
  is_demo: number;
  is_founding_partner: number;
};
type TOut = z.infer<typeof ZPublicOrganisation>;

/** A signatory as listed: its public fields, booleans as booleans, and the address of its page. */
export function presentPublicOrganisation(base: string, o: TPublicRow): TOut {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    kind: o.kind as TOut['kind'],
    sector: o.sector as TOut['sector'],
    size_band: o.size_band as TOut['size_band'],
    region: o.region as TOut['region'],
    website: o.website,
    description: o.description,
    is_demo: o.is_demo === 1,
    is_founding_partner: o.is_founding_partner === 1,
    url: `${base}/directory/${o.slug}`,
  };
}

/** A signatory's profile with the manifesto version it signed. */
export function presentSignatory(
  base: string,
  o: TPublicRow & { signature: { version: string; audience: string; signed_at: string; decided_at: string | null } },
): z.infer<typeof ZSignatoryOut> {
  const s = o.signature;
  return {
    ...presentPublicOrganisation(base, o),
    signature: {
      version: s.version,
      audience: s.audience as 'company' | 'school',
      signed_at: s.signed_at,
      validated_at: s.decided_at,
    },
  };
}
