/**
 * The line-by-line form: which columns it offers and how its strings become an engine line. Columns the form
 * does not show (server components, PUE …) are kept from the existing line when editing.
 */
import { KEPT_COLUMNS, parseLocaleNumber, parseYear } from '../../imports/index.js';
import {
  lineErrorText,
  ZInventoryLine,
  type TInventoryLine,
  type TLineError,
  type TMessageLang,
} from '../../lca/index.js';
import { getFactorSet, latestFactorSetId } from '../../data/index.js';

export const FORM_NUMBER_FIELDS = [
  'quantity',
  'lifespan_years',
  'purchase_year',
  'annual_kwh',
  'power_w',
  'hours_per_year',
  'embodied_gwp_kg',
  'hours',
  'gigabytes',
] as const;
export const FORM_TEXT_FIELDS = [
  'category',
  'country',
  'provider',
  'instance_type',
  'region',
  'entity',
  'site',
  'label',
] as const;
export type TFormField = (typeof FORM_NUMBER_FIELDS)[number] | (typeof FORM_TEXT_FIELDS)[number];

/** Categories offered by the form: the factor set's archetypes, then cloud instances and data transfer. */
export function formCategories(factorSetId = latestFactorSetId): string[] {
  return [...Object.keys(getFactorSet(factorSetId).devices), 'cloud_instance', 'cloud_storage', 'data_transfer'];
}

/** Builds a line from form strings (decimal comma accepted); errors name the field. */
export function lineFromForm(
  values: Record<string, unknown>,
  base: TInventoryLine | null,
): { line?: TInventoryLine; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const f of FORM_TEXT_FIELDS) {
    const raw = typeof values[f] === 'string' ? (values[f] as string).trim() : '';
    if (raw === '') delete out[f];
    else out[f] = raw.slice(0, 200);
  }
  for (const f of FORM_NUMBER_FIELDS) {
    const raw = typeof values[f] === 'string' ? (values[f] as string).trim() : '';
    if (raw === '') {
      delete out[f];
      continue;
    }
    const n = f === 'purchase_year' ? parseYear(raw) : parseLocaleNumber(raw);
    // A year the reader refuses although it is a number (« 1890 ») gets the range, not « enter a number ».
    if (f === 'purchase_year' && !Number.isFinite(n) && Number.isFinite(parseLocaleNumber(raw))) {
      errors[f] = 'footprint.line.yearRange';
      continue;
    }
    if (!Number.isFinite(n)) {
      errors[f] = 'form.invalidNumber';
      continue;
    }
    out[f] = n;
  }
  if (!out.category) errors.category = 'form.required';
  if (Object.keys(errors).length) return { errors };
  const parsed = ZInventoryLine.safeParse(out);
  if (!parsed.success) {
    for (const i of parsed.error.issues) errors[String(i.path[0] ?? 'category')] ??= 'form.invalid';
    return { errors };
  }
  // Columns the engine does not read (an export's model) are kept from the existing line: the schema drops them.
  const kept: Record<string, unknown> = {};
  for (const k of KEPT_COLUMNS)
    if (base && typeof (base as Record<string, unknown>)[k] === 'string')
      kept[k] = (base as Record<string, unknown>)[k];
  return { line: { ...parsed.data, ...kept } as TInventoryLine, errors };
}

/** Engine errors → field errors (the engine's message in the page's language, with the fix), on the form field when there is one. */
export function engineErrorsToFields(errs: TLineError[], lang: TMessageLang = 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = new Set<string>([...FORM_NUMBER_FIELDS, ...FORM_TEXT_FIELDS]);
  for (const e of errs) {
    const key = fields.has(e.column) ? e.column : 'category';
    out[key] ??= lineErrorText(e, lang);
  }
  return out;
}
