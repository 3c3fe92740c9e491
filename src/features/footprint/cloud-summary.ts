/** Reading a year's last cloud billing import and presenting it (API JSON, pages): snake_case, one shape. */
import { z } from 'zod';
import type { DB } from '../../db/client.js';
import { ZImpact } from '../../lca/index.js';
import type { TCloudImportSummary } from './import-cloud-billing.js';

export async function latestCloudImport(db: DB, orgId: number, year: number) {
  return db
    .selectFrom('footprint_cloud_imports')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .where('year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
type TRow = NonNullable<Awaited<ReturnType<typeof latestCloudImport>>>;

const ZBreakdownRow = z.object({ key: z.string(), lines: z.number(), gwp: ZImpact.nullable() });
export const ZCloudImportJson = z.object({
  cloud_import_id: z.number(),
  year: z.number(),
  provider: z.string(),
  format: z.string(),
  mapping: z.string(),
  file_name: z.string(),
  imported_at: z.string(),
  rows_read: z.number(),
  lines: z.number(),
  currency: z.string(),
  usage_cost: z.number(),
  mapped_cost: z.number(),
  mapped_share: z.number().nullable(),
  unmapped: z.array(
    z.object({ service: z.string(), reason: z.string(), rows: z.number(), cost: z.number(), example: z.string() }),
  ),
  other_charges: z.array(z.object({ type: z.string(), rows: z.number(), cost: z.number() })),
  unknown_regions: z.array(z.object({ provider: z.string(), region: z.string(), rows: z.number() })),
  gwp: ZImpact.nullable(),
  breakdown: z.object({
    provider: z.array(ZBreakdownRow),
    service: z.array(ZBreakdownRow),
    region: z.array(ZBreakdownRow),
    account: z.array(ZBreakdownRow),
  }),
});
export type TCloudImportJson = z.infer<typeof ZCloudImportJson>;

export function presentCloudImport(row: TRow): TCloudImportJson {
  const s = JSON.parse(row.summary_json) as TCloudImportSummary;
  const usage = Number(row.usage_cost);
  return {
    cloud_import_id: Number(row.id),
    year: Number(row.year),
    provider: row.provider,
    format: row.format,
    mapping: row.mapping,
    file_name: row.file_name,
    imported_at: row.created_at,
    rows_read: Number(row.rows_read),
    lines: Number(row.line_count),
    currency: row.currency,
    usage_cost: usage,
    mapped_cost: Number(row.mapped_cost),
    mapped_share: usage > 0 ? Number(row.mapped_cost) / usage : null,
    unmapped: s.unmapped,
    other_charges: s.other_charges,
    unknown_regions: s.unknown_regions,
    gwp: s.gwp,
    breakdown: s.breakdown,
  };
}
