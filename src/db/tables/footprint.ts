import type { Generated } from 'kysely';

/** Tables of the footprint feature (schema in migrations/0010-footprint.ts). */
export interface FootprintTables {
  /** The organisation's reference settings, applied to every year's result, and its reduction target. */
  footprint_settings: {
    organisation_id: number;
    country: string;
    /** `default` (the factor set's French mix) or the id of an alternative French reference (e.g. `ademe`). */
    fr_electricity: string;
    /** Reference profile of the factor set (`ademe-fr`, `boavizta-eu`); null: the factor set's default. */
    profile: string | null;
    allocation: 'amortised' | 'purchase-year';
    target_base_year: number | null;
    target_year: number | null;
    /** Reduction per year, in percent of the base year's GWP (compounded). */
    target_reduction_pct: number | null;
    updated_at: string;
  };
  /** One inventory per organisation and reporting year; `revision` grows at every change of its lines. */
  footprint_inventories: {
    id: Generated<number>;
    organisation_id: number;
    year: number;
    /** The factor set of the year's current result (changed only by an explicit recomputation). */
    factor_set: string;
    revision: Generated<number>;
    line_count: Generated<number>;
    /** How the lines last arrived: `upload`, `form`, `copy`, `api`, `demo`. */
    source: string;
    created_at: string;
    updated_at: string;
  };
  footprint_lines: {
    id: Generated<number>;
    inventory_id: number;
    /** Line number in the source file (or position for lines entered by form). */
    line_no: number;
    category: string;
    quantity: number;
    entity: string | null;
    site: string | null;
    label: string | null;
    /** The source the line came from (e.g. the GLPI list « Ordinateurs »), null when none was named (0017). */
    source?: string | null;
    /** Copies of the line's model and purchase year, for grouping and filters in SQL (0017). */
    model?: string | null;
    purchase_year?: number | null;
    /** The engine's inventory line (`TInventoryLine`) as JSON. */
    data_json: string;
  };
  footprint_imports: {
    id: Generated<number>;
    organisation_id: number;
    year: number;
    user_id: number | null;
    file_name: string;
    preset: string | null;
    status: 'running' | 'succeeded' | 'failed';
    /** The process that runs it: a row left running by a dead process is shown as failed. */
    runner_id: string;
    lines_read: Generated<number>;
    error_count: Generated<number>;
    /** Line errors `{line, column, message}[]` (at most 1000). */
    errors_json: string | null;
    /** Why an import stopped other than line errors (`interrupted`, `too_many_lines`, `internal`). */
    failure: string | null;
    /** Rows left out by status rules: `{count, reasons: {column, value, count}[]}`, or null. */
    skipped_json: Generated<string | null>;
    started_at: string;
    /** Distinct values no category or country matched, `{column, value, count}[]`: the mapping step (0016). */
    unknown_json?: string | null;
    /** What the import replaces: `year` (every line) or `source` (the lines of `source_name` only) (0017). */
    scope?: string | null;
    source_name?: string | null;
    /** Written every few seconds by the running process (0011); null on rows older than the column. */
    heartbeat_at?: string | null;
    finished_at: string | null;
  };
  /** The category (or country) an organisation chose for a value of its files that matched none (0016). */
  footprint_value_mappings: {
    id: Generated<number>;
    organisation_id: number;
    /** `category` or `country`. */
    column_name: string;
    /** The value normalised like a category name: case, accents and separators ignored. */
    value_key: string;
    /** The value as first written in a file. */
    value: string;
    /** The category code or country zone chosen. */
    target: string;
    updated_at: string;
  };
  /** Stored results: one per (organisation, year, factor set, settings); exactly one per year is current. */
  footprint_results: {
    id: Generated<number>;
    organisation_id: number;
    year: number;
    factor_set: string;
    settings_key: string;
    is_current: number;
    inventory_revision: number;
    lines: number;
    units: number;
    /** Units in the terminals tier (devices), for per-device benchmarks. */
    terminal_units: number;
    gwp_value: number | null;
    gwp_low: number | null;
    gwp_high: number | null;
    adpe_value: number | null;
    wu_value: number | null;
    pe_value: number | null;
    default_share: number;
    /** The CLI JSON contract (`TFootprintResult`). */
    result_json: string;
    /** Breakdowns the contract lacks: by entity, by site, and the statistics that explain changes. */
    extra_json: string;
    computed_at: string;
  };
}
