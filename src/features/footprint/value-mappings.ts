/**
 * The mapping step of an import: values of the category (or country) column that match nothing stop the import,
 * the user chooses a category (or country) for each, and the organisation's next imports apply the same choice.
 * Choices are stored only when the import they were made for succeeds, in its transaction.
 */
import { z } from 'zod';
import { getFactorSet } from '../../data/index.js';
import { nowIso, type DB, type Tx } from '../../db/client.js';
import type { TInventoryLine } from '../../lca/index.js';
import { categoryCodes, categoryKey, resolveCategory } from './categories.js';

export const MAPPED_COLUMNS = ['category', 'country'] as const;
export type TMappedColumn = (typeof MAPPED_COLUMNS)[number];

/** A value of the file that matched nothing, with the number of lines that carry it. */
export interface TUnknownValue {
  column: TMappedColumn;
  value: string;
  count: number;
}

/** Chosen targets by column, keyed by the value as written in the file: `{category: {"Pare-feu": "network_switch"}}`. */
export const ZValueMapping = z
  .object({
    category: z.record(z.string().min(1).max(200), z.string().min(1).max(60)).optional(),
    country: z.record(z.string().min(1).max(200), z.string().min(1).max(60)).optional(),
  })
  .strict();
export type TValueMapping = z.infer<typeof ZValueMapping>;

/** Distinct unknown values listed on one import; a file with more is not a mapping problem but a wrong column. */
export const MAX_UNKNOWN_VALUES = 200;

/** A mapping that names a target the factor set lacks: which value, which column, what to use instead. */
export interface TMappingProblem {
  column: TMappedColumn;
  value: string;
  target: string;
}

/** The country zone a cell names (alpha-3 or alpha-2 code), or undefined. */
export function resolveCountry(factorSetId: string, raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  const zones = getFactorSet(factorSetId).electricity.zones;
  if (code.length === 2) return Object.entries(zones).find(([, z]) => z.alpha2 === code)?.[0];
  return zones[code] ? code : undefined;
}

/** Checks every target of a mapping against the factor set; the problems, empty when all targets exist. */
export function mappingProblems(mapping: TValueMapping, factorSetId: string): TMappingProblem[] {
  const problems: TMappingProblem[] = [];
  const codes = new Set(categoryCodes(factorSetId));
  for (const [value, target] of Object.entries(mapping.category ?? {}))
    if (!codes.has(target)) problems.push({ column: 'category', value, target });
  for (const [value, target] of Object.entries(mapping.country ?? {}))
    if (!resolveCountry(factorSetId, target)) problems.push({ column: 'country', value, target });
  return problems;
}

/**
 * Applies the organisation's stored choices (and those of this import, which win) to lines, and counts the values
 * that still match nothing. One instance per import.
 */
export class ValueMapper {
  private readonly maps: Record<TMappedColumn, Map<string, string>> = { category: new Map(), country: new Map() };
  private readonly unknown = new Map<string, TUnknownValue>();
  private unknownLines = 0;

  constructor(
    private readonly factorSetId: string,
    stored: { column_name: string; value_key: string; target: string }[],
    given: TValueMapping = {},
  ) {
    for (const r of stored)
      if ((MAPPED_COLUMNS as readonly string[]).includes(r.column_name))
        this.maps[r.column_name as TMappedColumn].set(r.value_key, r.target);
    for (const column of MAPPED_COLUMNS)
      for (const [value, target] of Object.entries(given[column] ?? {}))
        this.maps[column].set(categoryKey(value), target);
  }

  /** Gives the line its canonical category code (and country zone) when a name or a choice resolves it. */
  apply(line: TInventoryLine): void {
    const raw = String(line.category ?? '');
    const code = resolveCategory(this.factorSetId, raw) ?? this.maps.category.get(categoryKey(raw));
    if (code !== undefined) line.category = code;
    else if (raw.trim() !== '') this.count('category', raw);
    if (line.country !== undefined && line.country.trim() !== '' && !resolveCountry(this.factorSetId, line.country)) {
      const zone = this.maps.country.get(categoryKey(line.country));
      if (zone !== undefined) line.country = zone;
      else this.count('country', line.country);
    }
  }

  private count(column: TMappedColumn, raw: string): void {
    this.unknownLines++;
    const key = `${column}\u0000${categoryKey(raw)}`;
    const hit = this.unknown.get(key);
    if (hit) hit.count++;
    else if (this.unknown.size < MAX_UNKNOWN_VALUES) this.unknown.set(key, { column, value: raw.trim(), count: 1 });
  }

  /** The values that matched nothing, most frequent first. */
  unknownValues(): TUnknownValue[] {
    return [...this.unknown.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }

  /** Lines whose category or country matched nothing (each such line makes one engine error). */
  get unknownLineCount(): number {
    return this.unknownLines;
  }
}

/** The organisation's stored choices. */
export async function storedValueMappings(db: DB | Tx, orgId: number) {
  return db
    .selectFrom('footprint_value_mappings')
    .select(['column_name', 'value_key', 'value', 'target'])
    .where('organisation_id', '=', orgId)
    .orderBy('column_name')
    .orderBy('value')
    .execute();
}

/** Stores (or replaces) the choices made for an import, inside the import's transaction. */
export async function saveValueMappings(tx: Tx, orgId: number, mapping: TValueMapping): Promise<void> {
  for (const column of MAPPED_COLUMNS) {
    for (const [value, target] of Object.entries(mapping[column] ?? {})) {
      const valueKey = categoryKey(value);
      await tx
        .deleteFrom('footprint_value_mappings')
        .where('organisation_id', '=', orgId)
        .where('column_name', '=', column)
        .where('value_key', '=', valueKey)
        .execute();
      await tx
        .insertInto('footprint_value_mappings')
        .values({
          organisation_id: orgId,
          column_name: column,
          value_key: valueKey,
          value: value.trim().slice(0, 200),
          target,
          updated_at: nowIso(),
        })
        .execute();
    }
  }
}
