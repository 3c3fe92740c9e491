/**
 * The three billing export formats: which header says which format, and which columns each reads. Headers are
 * compared normalised (case, `/`, `_`, `.` and spaces ignored), so `lineItem/UsageType` (legacy CUR) and
 * `line_item_usage_type` (CUR 2.0) are the same column, as are Azure's `MeterCategory` (EA) and `meterCategory` (MCA).
 */
import { normaliseHeader } from '../read-table.js';
import type { TCloudBillingError, TCloudBillingFormat, TCloudProvider, TCloudUsageRow } from './types.js';

/** One column the reader needs: the names it may have (normalised), the name shown in errors, and whether it must exist. */
interface TColumnSpec {
  names: string[];
  shown: string;
  required: boolean;
  numeric?: boolean;
}
type TField =
  | 'service'
  | 'usageType'
  | 'subCategory'
  | 'lineItemType'
  | 'account'
  | 'region'
  | 'amount'
  | 'unit'
  | 'cost'
  | 'currency'
  | 'extra';

interface TFormatSpec {
  provider: TCloudProvider;
  columns: Record<TField, TColumnSpec>;
}

const col = (shown: string, names: string[], required = false, numeric = false): TColumnSpec => ({
  shown,
  names: names.map(normaliseHeader),
  required,
  numeric,
});

const AWS_COLUMNS = (cur2: boolean): Record<TField, TColumnSpec> => {
  const n = (legacy: string, two: string) => (cur2 ? two : legacy);
  return {
    service: col(
      n('lineItem/ProductCode', 'line_item_product_code'),
      ['lineItem/ProductCode', 'product/ProductName', 'product/servicecode'],
      true,
    ),
    usageType: col(n('lineItem/UsageType', 'line_item_usage_type'), ['lineItem/UsageType'], true),
    subCategory: col('-', []),
    lineItemType: col(n('lineItem/LineItemType', 'line_item_line_item_type'), ['lineItem/LineItemType']),
    account: col(n('lineItem/UsageAccountId', 'line_item_usage_account_id'), [
      'lineItem/UsageAccountId',
      'bill/PayerAccountId',
    ]),
    region: col(n('product/region', 'product_region_code'), ['product/regionCode', 'product/region', 'product_region']),
    amount: col(n('lineItem/UsageAmount', 'line_item_usage_amount'), ['lineItem/UsageAmount'], true, true),
    unit: col(n('pricing/unit', 'pricing_unit'), ['pricing/unit']),
    cost: col(
      n('lineItem/UnblendedCost', 'line_item_unblended_cost'),
      ['lineItem/UnblendedCost', 'lineItem/BlendedCost'],
      true,
      true,
    ),
    currency: col(n('lineItem/CurrencyCode', 'line_item_currency_code'), ['lineItem/CurrencyCode']),
    extra: col('-', []),
  };
};

const SPECS: Record<TCloudBillingFormat, TFormatSpec> = {
  'aws-cur-legacy': { provider: 'aws', columns: AWS_COLUMNS(false) },
  'aws-cur-2': { provider: 'aws', columns: AWS_COLUMNS(true) },
  'azure-cost-details': {
    provider: 'azure',
    columns: {
      service: col('MeterCategory', ['MeterCategory'], true),
      usageType: col('MeterName', ['MeterName'], true),
      subCategory: col('MeterSubCategory', ['MeterSubCategory']),
      lineItemType: col('ChargeType', ['ChargeType']),
      account: col('SubscriptionId', ['SubscriptionId', 'SubscriptionGuid', 'SubscriptionName']),
      region: col('ResourceLocation', ['ResourceLocation', 'ResourceLocationNormalized', 'Location']),
      amount: col('Quantity', ['Quantity', 'UsageQuantity', 'ConsumedQuantity'], true, true),
      unit: col('UnitOfMeasure', ['UnitOfMeasure'], true),
      cost: col('CostInBillingCurrency', ['CostInBillingCurrency', 'Cost', 'PreTaxCost', 'CostInUsd'], true, true),
      currency: col('BillingCurrency', ['BillingCurrency', 'BillingCurrencyCode', 'Currency']),
      extra: col('AdditionalInfo', ['AdditionalInfo']),
    },
  },
  'gcp-billing-export': {
    provider: 'gcp',
    columns: {
      service: col('service.description', ['service.description'], true),
      usageType: col('sku.description', ['sku.description'], true),
      subCategory: col('-', []),
      lineItemType: col('cost_type', ['cost_type']),
      account: col('project.id', ['project.id', 'project.name', 'billing_account_id']),
      region: col('location.region', ['location.region', 'location.location']),
      amount: col('usage.amount_in_pricing_units', ['usage.amount_in_pricing_units', 'usage.amount'], true, true),
      unit: col('usage.pricing_unit', ['usage.pricing_unit', 'usage.unit'], true),
      cost: col('cost', ['cost'], true, true),
      currency: col('currency', ['currency']),
      extra: col('system_labels', ['system_labels']),
    },
  },
};

/** Recognises the export from its header row, or returns undefined. */
export function detectCloudBillingFormat(headers: readonly string[]): TCloudBillingFormat | undefined {
  const keys = new Set(headers.map(normaliseHeader));
  const raw = headers.join(',');
  if (keys.has('lineitemusagetype')) return /line_item_usage_type/i.test(raw) ? 'aws-cur-2' : 'aws-cur-legacy';
  if (keys.has('metercategory') && keys.has('metername')) return 'azure-cost-details';
  if (keys.has('skudescription') && keys.has('servicedescription')) return 'gcp-billing-export';
  return undefined;
}

export function providerOfFormat(f: TCloudBillingFormat): TCloudProvider {
  return SPECS[f].provider;
}

/** A format bound to one header row: turns each data row into a usage row or errors naming line and column. */
export interface TBoundFormat {
  provider: TCloudProvider;
  read(cells: readonly string[], line: number, errors: TCloudBillingError[]): TCloudUsageRow | undefined;
}

/**
 * Binds a format to the file's header; returns the missing required columns as errors on line 1.
 * The Google `usage.amount_in_pricing_units` pairs with `usage.pricing_unit`, `usage.amount` with `usage.unit`:
 * whichever amount is found decides the unit column, so the two always match.
 */
export function bindFormat(
  format: TCloudBillingFormat,
  headers: readonly string[],
): { bound?: TBoundFormat; errors: TCloudBillingError[] } {
  const spec = SPECS[format];
  const normalised = headers.map(normaliseHeader);
  const index = {} as Record<TField, number>;
  const shown = {} as Record<TField, string>;
  const errors: TCloudBillingError[] = [];
  for (const [field, c] of Object.entries(spec.columns) as [TField, TColumnSpec][]) {
    let i = -1;
    for (const name of c.names) {
      i = normalised.indexOf(name);
      if (i >= 0) break;
    }
    index[field] = i;
    shown[field] = i >= 0 ? headers[i]!.trim() : c.shown;
    if (i < 0 && c.required)
      errors.push({
        line: 1,
        column: c.shown,
        message: `missing column ${c.shown}: export the provider's file with its original header row`,
      });
  }
  if (
    format === 'gcp-billing-export' &&
    index.amount >= 0 &&
    normalised[index.amount] === normaliseHeader('usage.amount')
  ) {
    const u = normalised.indexOf(normaliseHeader('usage.unit'));
    if (u >= 0) {
      index.unit = u;
      shown.unit = headers[u]!.trim();
    }
  }
  if (errors.length) return { errors };
  const text = (cells: readonly string[], f: TField) => (index[f] >= 0 ? (cells[index[f]] ?? '').trim() : '');
  const number = (
    cells: readonly string[],
    f: TField,
    line: number,
    errs: TCloudBillingError[],
  ): number | undefined => {
    const v = text(cells, f);
    if (v === '') return 0;
    const n = Number(v);
    if (!Number.isFinite(n)) {
      errs.push({
        line,
        column: shown[f],
        message: `"${v.slice(0, 40)}" is not a number: write it with a dot as decimal separator, as the provider exports it`,
      });
      return undefined;
    }
    return n;
  };
  const provider = spec.provider;
  return {
    errors,
    bound: {
      provider,
      read(cells, line, errs) {
        const amount = number(cells, 'amount', line, errs);
        const cost = number(cells, 'cost', line, errs);
        if (amount === undefined || cost === undefined) return undefined;
        const extra = text(cells, 'extra');
        return {
          line,
          provider,
          amount,
          cost,
          service: text(cells, 'service'),
          usageType: text(cells, 'usageType'),
          subCategory: text(cells, 'subCategory'),
          lineItemType: text(cells, 'lineItemType'),
          account: text(cells, 'account'),
          region: text(cells, 'region'),
          unit: text(cells, 'unit'),
          currency: text(cells, 'currency'),
          instanceType: extra === '' ? '' : provider === 'azure' ? azureVmSize(extra) : gcpMachineSpec(extra),
        };
      },
    },
  };
}

/** The VM size in Azure's AdditionalInfo JSON (`"ServiceType":"Standard_D2s_v3"`), read without parsing the whole JSON. */
export function azureVmSize(additionalInfo: string): string {
  const m = /"ServiceType"\s*:\s*"([^"]+)"/i.exec(additionalInfo);
  return m ? m[1]! : '';
}

/** The machine type in Google's system labels (`compute.googleapis.com/machine_spec`), in JSON or `key:value` form. */
export function gcpMachineSpec(labels: string): string {
  const at = labels.indexOf('compute.googleapis.com/machine_spec');
  if (at < 0) return '';
  const rest = labels.slice(at + 'compute.googleapis.com/machine_spec'.length);
  const m = /^"?\s*,\s*"value"\s*:\s*"([^"]+)"/.exec(rest) ?? /^"?\s*[:=]\s*"?([a-z0-9-]+)/i.exec(rest);
  return m ? m[1]! : '';
}
