/**
 * The organisation's reference settings: country of use, which French electricity reference, allocation; plus its
 * reduction target. Every result states the settings it was computed with.
 */
import { z } from 'zod';
import { getFactorSet, latestFactorSetId } from '../../data/index.js';
import type { DB, Tx } from '../../db/client.js';
import { parseLocaleNumber } from '../../imports/index.js';
import { ALLOCATIONS, profileIdsOf, type TAllocation } from '../../lca/index.js';

/** A typed number read the French way too (« 7,5 », « 1 200 »); blank stays blank so « required » is said. */
const localeNumber = (v: unknown): unknown =>
  typeof v === 'string' ? (v.trim() === '' ? undefined : parseLocaleNumber(v)) : v;

export interface TFootprintSettings {
  country: string;
  /** Reference profile; null: the factor set's default (ademe-fr). */
  profile: string | null;
  /** French electricity alternative of factor sets without profiles (techcare-2026.1); `default` otherwise. */
  frElectricity: string;
  allocation: TAllocation;
  target: { baseYear: number; targetYear: number; reductionPct: number } | null;
}

export const defaultSettings: TFootprintSettings = {
  country: 'FRA',
  profile: null,
  frElectricity: 'default',
  allocation: 'amortised',
  target: null,
};

/** The key of the settings that change a result (the target does not). */
export function settingsKey(
  s: Pick<TFootprintSettings, 'country' | 'frElectricity' | 'allocation'> & { profile?: string | null },
): string {
  return s.profile
    ? `${s.country}|${s.frElectricity}|${s.allocation}|${s.profile}`
    : `${s.country}|${s.frElectricity}|${s.allocation}`;
}

/** The reference profiles of a factor set (default first), for the settings select and the methodology page. */
export function profileChoices(factorSetId = latestFactorSetId): { id: string; name: string; description: string }[] {
  const fs = getFactorSet(factorSetId);
  return profileIdsOf(fs).map((id) => ({
    id,
    name: fs.profiles?.[id]?.name ?? id,
    description: fs.profiles?.[id]?.description ?? '',
  }));
}

/** Zones of the factor set (ISO alpha-3 → name), sorted by name, for the country select. */
export function countryChoices(factorSetId = latestFactorSetId): [string, string][] {
  const fs = getFactorSet(factorSetId);
  return Object.entries(fs.electricity.zones)
    .map(([id, z]) => [id, z.name] as [string, string])
    .sort((a, b) => a[1].localeCompare(b[1]));
}

export const ZSettingsForm = z.object({
  country: z.string().regex(/^[A-Z]{3}$/, 'footprint.settings.countryInvalid'),
  profile: z
    .string()
    .refine((p) => profileIdsOf(getFactorSet(latestFactorSetId)).includes(p), 'footprint.settings.profileInvalid'),
  allocation: z.enum(ALLOCATIONS),
});

const currentYear = () => new Date().getUTCFullYear();
export const ZTargetForm = z
  .object({
    base_year: z.coerce.number().int().min(2019, 'footprint.target.baseYearInvalid').max(2100),
    target_year: z.coerce.number().int().min(2020, 'footprint.target.targetYearInvalid').max(2100),
    reduction_pct: z.preprocess(
      localeNumber,
      z
        .number({ message: 'footprint.target.reductionInvalid' })
        .gt(0, 'footprint.target.reductionInvalid')
        .max(50, 'footprint.target.reductionInvalid'),
    ),
  })
  .refine((v) => v.target_year > v.base_year, { path: ['target_year'], message: 'footprint.target.targetYearInvalid' });

/** Reads an organisation's settings (the defaults when it never chose). */
export async function readSettings(db: DB | Tx, orgId: number): Promise<TFootprintSettings> {
  const row = await db
    .selectFrom('footprint_settings')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { ...defaultSettings };
  return {
    country: row.country,
    profile: row.profile ?? null,
    frElectricity: row.fr_electricity,
    allocation: row.allocation,
    target:
      row.target_base_year != null && row.target_year != null && row.target_reduction_pct != null
        ? {
            baseYear: Number(row.target_base_year),
            targetYear: Number(row.target_year),
            reductionPct: Number(row.target_reduction_pct),
          }
        : null,
  };
}

/** The years an inventory may be kept for: 2019 to the current year. */
export function reportingYears(): number[] {
  const out: number[] = [];
  for (let y = currentYear(); y >= 2019; y--) out.push(y);
  return out;
}

export function isReportingYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2019 && year <= currentYear();
}
