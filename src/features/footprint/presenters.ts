/**
 * What the footprint API answers: snake_case JSON built from the engine's result and the stored lines, never
 * the objects themselves. The engine's result keeps its camelCase CLI contract (`--format json`); the API shows
 * the same object with snake_case names, converted here and only here.
 */
import { z } from 'zod';
import { toSnakeCaseKeys } from '../../http/snake-case.js';
import { ZImpact, ZInventoryLine, type TFootprintResult } from '../../lca/index.js';
import { toFootprintJson } from '../../reports/footprint-formats.js';

/** Maps whose keys are data (category, phase, tier, criterion or country codes), kept as the engine writes them. */
const DATA_KEYED = ['total', 'by_phase', 'by_tier', 'by_category', 'provenance', 'electricity_variants'] as const;

const ZImpacts = z.record(z.string(), ZImpact).describe('keyed by criterion (gwp, adpe, wu, pe, ap, pm, ir)');
const ZMethodology = z.object({
  factor_set: z.string(),
  profile: z.string().optional(),
  allocation: z.string(),
  year: z.number().int(),
  country: z.string(),
  electricity_variants: z.record(z.string(), z.string()).optional(),
});
const ZMessage = {
  line: z.number().int(),
  message: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
};

export const ZFootprintOut = z.object({
  methodology: ZMethodology,
  lines: z.number().int(),
  units: z.number(),
  total: ZImpacts,
  by_phase: z.record(z.string(), ZImpacts).describe('keyed by life-cycle phase (BLD, DIS, USE, EOL)'),
  by_tier: z.record(z.string(), ZImpacts).describe('keyed by tier (terminals, network, datacenter, cloud, transfer)'),
  by_category: z.record(z.string(), ZImpacts).describe('keyed by inventory category'),
  energy: z.object({ use_kwh: ZImpact }),
  data_quality: z.object({
    default_share: z.number().describe('share of GWP resting on default values, 0..1'),
    provenance: z.record(z.string(), z.record(z.string(), z.number())),
    gaps: z.array(
      z.object({
        category: z.string(),
        criterion: z.string(),
        phase: z.string(),
        message: z.string(),
        code: z.string().optional(),
        units: z.number().optional(),
      }),
    ),
  }),
  warnings: z.array(z.object(ZMessage)),
  monte_carlo: z.object({ draws: z.number().int(), seed: z.number().int() }).catchall(z.unknown()).optional(),
});

/** The footprint of a year as the API shows it: the CLI's JSON object with snake_case names. */
export function presentFootprint(result: TFootprintResult): z.infer<typeof ZFootprintOut> {
  return toSnakeCaseKeys(toFootprintJson(result), { dataKeyed: DATA_KEYED }) as z.infer<typeof ZFootprintOut>;
}

export const ZImportSummaryOut = z.object({
  import_id: z.number().int(),
  year: z.number().int(),
  lines: z.number().int(),
  units: z.number(),
  methodology: ZMethodology,
  total: ZImpacts,
  data_quality: z.object({ default_share: z.number() }),
});

/** The answer to an inventory upload: which import, and the result's headline figures. */
export function presentImportSummary(
  importId: number,
  year: number,
  r: TFootprintResult,
): z.infer<typeof ZImportSummaryOut> {
  const full = presentFootprint(r);
  return {
    import_id: importId,
    year,
    lines: full.lines,
    units: full.units,
    methodology: full.methodology,
    total: full.total,
    data_quality: { default_share: full.data_quality.default_share },
  };
}

export const ZInventoryLineOut = ZInventoryLine.extend({ id: z.number().int(), line: z.number().int() });
export const ZInventoryOut = z.object({
  year: z.number().int(),
  factor_set: z.string(),
  total: z.number().int(),
  lines: z.array(ZInventoryLineOut),
});

/** A page of an inventory's lines: the stored line (already in the snake_case inventory columns) with its id and number. */
export function presentInventory(
  inventory: { factor_set: string; line_count: number | string },
  year: number,
  rows: { id: number | string; line_no: number | string; data_json: string }[],
): z.infer<typeof ZInventoryOut> {
  return {
    year,
    factor_set: inventory.factor_set,
    total: Number(inventory.line_count),
    lines: rows.map((r) => ({
      id: Number(r.id),
      line: Number(r.line_no),
      ...(JSON.parse(r.data_json) as z.infer<typeof ZInventoryLine>),
    })),
  };
}
