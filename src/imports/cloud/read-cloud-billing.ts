/**
 * Streams a provider's billing export (CSV, any size): detects the format from the header (or takes the one the
 * person named), then hands each usage row to `onRow`. Rows are never kept: a million-row export costs the memory
 * of one chunk, and the caller aggregates as it goes.
 */
import { readTableBatches } from '../read-table.js';
import { bindFormat, detectCloudBillingFormat, providerOfFormat, type TBoundFormat } from './formats.js';
import type { TCloudBillingError, TCloudBillingFormat, TCloudProvider, TCloudUsageRow } from './types.js';

export interface TReadCloudBillingOptions {
  /** The provider the person said the file comes from; the header must agree. */
  provider?: TCloudProvider;
  maxErrors?: number;
  /** Called every `progressEvery` rows (the page shows how far the import is). */
  onProgress?: (rows: number) => void;
  progressEvery?: number;
}

export interface TCloudBillingReadSummary {
  format: TCloudBillingFormat | undefined;
  rows: number;
  errors: TCloudBillingError[];
  errorCount: number;
}

export async function readCloudBilling(
  path: string,
  onRow: (row: TCloudUsageRow) => void,
  options: TReadCloudBillingOptions = {},
): Promise<TCloudBillingReadSummary> {
  const maxErrors = options.maxErrors ?? 1000;
  const every = options.progressEvery ?? 50_000;
  const errors: TCloudBillingError[] = [];
  let errorCount = 0;
  let rows = 0;
  let format: TCloudBillingFormat | undefined;
  let bound: TBoundFormat | undefined;
  const rowErrors: TCloudBillingError[] = [];
  for await (const batch of readTableBatches(path)) {
    for (const r of batch) {
      if (r.cells.length === 1 && r.cells[0]!.trim() === '') continue;
      if (!bound) {
        // The first non-blank row is the header.
        format = detectCloudBillingFormat(r.cells);
        if (!format) {
          return {
            format,
            rows,
            errorCount: 1,
            errors: [
              {
                line: r.line,
                column: '-',
                message:
                  'not a billing export: expected the header of an AWS Cost and Usage Report (lineItem/UsageType or line_item_usage_type), an Azure cost details export (MeterCategory, MeterName) or a Google Cloud billing export (service.description, sku.description)',
              },
            ],
          };
        }
        if (options.provider && providerOfFormat(format) !== options.provider) {
          return {
            format,
            rows,
            errorCount: 1,
            errors: [
              {
                line: r.line,
                column: '-',
                message: `this file is a ${providerOfFormat(format)} export, not ${options.provider}: choose ${providerOfFormat(format)} or send the ${options.provider} file`,
              },
            ],
          };
        }
        const b = bindFormat(format, r.cells);
        if (!b.bound) return { format, rows, errors: b.errors, errorCount: b.errors.length };
        bound = b.bound;
        continue;
      }
      rows++;
      rowErrors.length = 0;
      const row = bound.read(r.cells, r.line, rowErrors);
      if (rowErrors.length) {
        errorCount += rowErrors.length;
        for (const e of rowErrors) if (errors.length < maxErrors) errors.push(e);
      } else if (row && errorCount === 0) onRow(row);
      if (rows % every === 0) options.onProgress?.(rows);
    }
  }
  if (!bound)
    return {
      format,
      rows,
      errorCount: 1,
      errors: [{ line: 1, column: '-', message: 'the file is empty: send the provider’s export with its header row' }],
    };
  if (rows === 0 && errorCount === 0)
    return {
      format,
      rows,
      errorCount: 1,
      errors: [{ line: 2, column: '-', message: 'the export has a header but no usage row' }],
    };
  return { format, rows, errors, errorCount };
}
