import type { DB } from '../../db/client.js';
import { footprintGwp } from './ports.js';
import type { TReportEditInput } from './schemas.js';

/** The before/after figures a report stores, once resolved from its input. */
export interface TResolvedMeasure {
  before: number | null;
  after: number | null;
  unit: string;
  label: string;
  baselineYear: number | null;
  resultYear: number | null;
}

/**
 * Resolves a report's measurement, adding field errors to `errors`. With `platform` the figures are not typed in:
 * they are read from the organisation's two yearly footprint results (total GWP), so the claim is the measurement.
 * With `declared` the label, both values and the unit are required; with `none` nothing is kept.
 * Shared by publishing and editing a report.
 */
export async function resolveMeasure(
  db: DB,
  orgId: number,
  input: TReportEditInput,
  sources: { footprintGwp: typeof footprintGwp },
  errors: Record<string, string>,
): Promise<TResolvedMeasure> {
  if (input.measureSource === 'platform') {
    if (!input.baselineYear) errors.baselineYear = 'form.required';
    if (!input.resultYear) errors.resultYear = 'form.required';
    if (input.baselineYear && input.resultYear && input.baselineYear >= input.resultYear)
      errors.resultYear = 'knowledge.report.yearsOrder';
    if (errors.baselineYear || errors.resultYear)
      return { before: null, after: null, unit: '', label: '', baselineYear: null, resultYear: null };
    const a = await sources.footprintGwp(db, orgId, input.baselineYear!);
    const b = await sources.footprintGwp(db, orgId, input.resultYear!);
    if (!a) errors.baselineYear = 'knowledge.report.noFootprint';
    if (!b) errors.resultYear = 'knowledge.report.noFootprint';
    return {
      before: a?.value ?? null,
      after: b?.value ?? null,
      unit: a?.unit ?? '',
      label: '',
      baselineYear: input.baselineYear!,
      resultYear: input.resultYear!,
    };
  }
  if (input.measureSource === 'declared') {
    const m = {
      before: input.beforeValue ?? null,
      after: input.afterValue ?? null,
      unit: input.measureUnit,
      label: input.measureLabel,
      baselineYear: null,
      resultYear: null,
    };
    if (m.before === null) errors.beforeValue = 'form.required';
    if (m.after === null) errors.afterValue = 'form.required';
    if (!m.label) errors.measureLabel = 'form.required';
    if (!m.unit) errors.measureUnit = 'form.required';
    return m;
  }
  return { before: null, after: null, unit: '', label: input.measureLabel, baselineYear: null, resultYear: null };
}

/** The text a report is found by. */
export function reportSearchText(input: TReportEditInput, label: string): string {
  return [input.title, input.whatWeDid, input.costNotes, label, input.levers.join(' '), input.themes.join(' ')].join(
    '\n',
  );
}
