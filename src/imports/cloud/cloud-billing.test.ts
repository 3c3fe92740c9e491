import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCloudBillingMapping } from '../../data/cloud-billing.js';
import { getFactorSet } from '../../data/index.js';
import { CloudBillingMapper, type TCloudLine } from '../../lca/cloud-billing.js';
import { computeFootprint } from '../../lca/index.js';
import { readCloudBilling } from './read-cloud-billing.js';
import type { TCloudUsageRow } from './types.js';

const fixture = (name: string) => join(import.meta.dirname, '../../../test/fixtures/cloud', name);

async function importFile(path: string, provider?: 'aws' | 'azure' | 'gcp') {
  const mapper = new CloudBillingMapper(getCloudBillingMapping(), getFactorSet('techcare-2027.1'));
  const rows: TCloudUsageRow[] = [];
  const read = await readCloudBilling(
    path,
    (r) => {
      rows.push(r);
      mapper.add(r);
    },
    { provider },
  );
  return { read, rows, ...mapper.finish() };
}
const find = (lines: TCloudLine[], p: Partial<TCloudLine>) =>
  lines.filter((l) => Object.entries(p).every(([k, v]) => (l as Record<string, unknown>)[k] === v));

describe('AWS Cost and Usage Report', () => {
  it('reads the legacy columns and maps compute, storage and transfer (hand-checked, see SOURCE.md)', async () => {
    const { read, lines, summary } = await importFile(fixture('aws-cur-legacy.csv'));
    expect(read.format).toBe('aws-cur-legacy');
    expect(read.errorCount).toBe(0);
    expect(read.rows).toBe(12);
    // Two m5.large rows of one account and region become one line of 744 h.
    expect(find(lines, { instance_type: 'm5.large' })).toEqual([
      {
        category: 'cloud_instance',
        provider: 'aws',
        service: 'AmazonEC2',
        account: '444455556666',
        region: 'eu-west-3',
        instance_type: 'm5.large',
        hours: 744,
      },
    ]);
    // No region column value needed when the usage type has none: product/region gives us-east-1.
    expect(find(lines, { instance_type: 't3.micro' })[0]).toMatchObject({
      region: 'us-east-1',
      hours: 744,
      account: '777788889999',
    });
    expect(find(lines, { instance_type: 'c5.xlarge' })[0]).toMatchObject({ hours: 100 });
    expect(find(lines, { instance_type: 't3.medium' })[0]).toMatchObject({ service: 'AmazonRDS', hours: 744 });
    expect(find(lines, { category: 'cloud_storage', storage_type: 'ssd' })[0]).toMatchObject({
      quantity: 2,
      hours: 8760,
      gigabytes: 8.333333,
    });
    expect(find(lines, { category: 'cloud_storage', storage_type: 'hdd' })[0]).toMatchObject({
      service: 'AmazonS3',
      quantity: 3,
      gigabytes: 83.333333,
    });
    expect(find(lines, { category: 'data_transfer' })).toEqual([
      {
        category: 'data_transfer',
        provider: 'aws',
        service: 'AmazonEC2',
        account: '444455556666',
        region: 'eu-west-3',
        gigabytes: 50,
      },
    ]);
    expect(lines).toHaveLength(7);
    expect(summary.unmapped.map((u) => [u.service, u.reason, u.rows, u.cost])).toEqual([
      ['AWSLambda', 'no-rule', 1, 6.66668],
      ['AmazonCloudWatch', 'no-rule', 1, 3],
      ['AmazonEC2', 'no-rule', 1, 0.1],
    ]);
    expect(summary.other_charges).toEqual([{ type: 'Tax', rows: 1, cost: 25 }]);
    expect(summary.usage_cost).toBeCloseTo(216.84428, 6);
    expect(summary.mapped_cost).toBeCloseTo(207.0776, 6);
    expect(summary.currency).toBe('USD');
  });

  it('reads CUR 2.0 column names; an instance type the factor set lacks is listed, not dropped', async () => {
    const { read, lines, summary } = await importFile(fixture('aws-cur2.csv'), 'aws');
    expect(read.format).toBe('aws-cur-2');
    expect(find(lines, { instance_type: 'm5.large' })[0]).toMatchObject({ hours: 744, region: 'eu-west-3' });
    expect(find(lines, { category: 'cloud_storage' })[0]).toMatchObject({ storage_type: 'hdd', quantity: 2 });
    // CloudFront has no region: the line takes the organisation's country.
    expect(find(lines, { category: 'data_transfer' })[0]).toMatchObject({
      service: 'AmazonCloudFront',
      gigabytes: 120,
    });
    expect(find(lines, { category: 'data_transfer' })[0]!.region).toBeUndefined();
    expect(summary.unmapped).toEqual([
      { service: 'AmazonEC2', reason: 'unknown-instance-type', rows: 1, cost: 10, example: 'EUW3-BoxUsage:zz9.huge' },
    ]);
  });
});

describe('Azure cost details', () => {
  it('maps VM sizes from the additional info, disks by their tier size, blobs and bandwidth', async () => {
    const { read, lines, summary } = await importFile(fixture('azure-cost-details.csv'));
    expect(read.format).toBe('azure-cost-details');
    expect(find(lines, { instance_type: 'd2s_v3' })[0]).toMatchObject({
      provider: 'azure',
      region: 'westeurope',
      hours: 744,
      service: 'Virtual Machines',
      account: '00000000-0000-0000-0000-00000000000a',
    });
    // "10 Hours" units: 74.4 × 10.
    expect(find(lines, { instance_type: 'd4s_v3' })[0]).toMatchObject({ region: 'francecentral', hours: 744 });
    // Two P10 disks (128 GB each) for a month: 256 GB-months.
    expect(find(lines, { storage_type: 'ssd' })[0]).toMatchObject({
      gigabytes: round((256 * 730) / 8760),
      quantity: 1,
    });
    expect(find(lines, { storage_type: 'hdd' })[0]).toMatchObject({
      gigabytes: round((500 * 730) / 8760),
      quantity: 3,
    });
    expect(find(lines, { category: 'data_transfer' })[0]).toMatchObject({ gigabytes: 100 });
    expect(summary.unmapped.map((u) => u.service)).toEqual(['Azure App Service', 'Key Vault']);
    expect(summary.mapped_cost).toBeCloseTo(89.28 + 187.488 + 39.42 + 9.2 + 8, 6);
  });
});

describe('Google Cloud billing export', () => {
  it('turns vCPU-hours of a machine type into instance-hours and counts its memory row in the instance', async () => {
    const { read, lines, summary } = await importFile(fixture('gcp-billing-export.csv'));
    expect(read.format).toBe('gcp-billing-export');
    expect(find(lines, { category: 'cloud_instance' })).toEqual([
      {
        category: 'cloud_instance',
        provider: 'gcp',
        service: 'Compute Engine',
        account: 'example-prod',
        region: 'europe-west9',
        instance_type: 'n1-standard-2',
        hours: 744,
      },
    ]);
    expect(find(lines, { storage_type: 'ssd' })[0]).toMatchObject({
      gigabytes: round((100 * 730) / 8760),
      quantity: 2,
    });
    expect(find(lines, { storage_type: 'hdd' })[0]).toMatchObject({
      service: 'Cloud Storage',
      account: 'example-data',
    });
    expect(find(lines, { category: 'data_transfer' })[0]).toMatchObject({ gigabytes: 30 });
    expect(summary.unmapped).toEqual([
      { service: 'BigQuery', reason: 'no-rule', rows: 1, cost: 12.5, example: 'Analysis' },
    ]);
    expect(summary.mapped_rows).toBe(5);
  });
});

describe('errors name the row and the column; nothing is mapped from a file with errors', () => {
  it('refuses a value that is not a number, naming line and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cloud-'));
    try {
      const p = join(dir, 'bad.csv');
      await writeFile(
        p,
        'lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,lineItem/UnblendedCost,pricing/unit\nAmazonEC2,BoxUsage:m5.large,12,1,Hrs\nAmazonEC2,BoxUsage:m5.large,douze,1,Hrs\n',
      );
      const { read, lines } = await importFile(p);
      expect(read.errors).toEqual([
        { line: 3, column: 'lineItem/UsageAmount', message: expect.stringContaining('"douze" is not a number') },
      ]);
      expect(lines).toEqual([
        {
          category: 'cloud_instance',
          provider: 'aws',
          service: 'AmazonEC2',
          account: '',
          instance_type: 'm5.large',
          hours: 12,
        },
      ]);
      await writeFile(p, 'lineItem/ProductCode,lineItem/UsageType,pricing/unit\nAmazonEC2,BoxUsage:m5.large,Hrs\n');
      expect((await importFile(p)).read.errors.map((e) => [e.line, e.column])).toEqual([
        [1, 'lineItem/UsageAmount'],
        [1, 'lineItem/UnblendedCost'],
      ]);
      await writeFile(p, 'category,quantity\nlaptop,3\n');
      expect((await importFile(p)).read.errors[0]!.message).toMatch(/not a billing export/);
      expect((await importFile(fixture('gcp-billing-export.csv'), 'aws')).read.errors[0]!.message).toMatch(
        /gcp export, not aws/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the engine computes the mapped lines', () => {
  it('storage energy = GB × hours × kWh per GB-hour × copies × PUE (hand-checked)', () => {
    const fs = getFactorSet('techcare-2027.1');
    const line = {
      category: 'cloud_storage',
      provider: 'aws',
      region: 'eu-west-3',
      storage_type: 'ssd' as const,
      quantity: 2,
      gigabytes: 100,
      hours: 8760,
    };
    const r = computeFootprint(fs, [line], { year: 2026, country: 'FRA', allocation: 'amortised' });
    // 100 GB × 8,760 h × 1.2 Wh/TB-h ÷ 1e6 × 2 copies × 1.135 PUE = 2.386 kWh; × the French factor.
    const kwh = 100 * 8760 * 1.2e-6 * 2 * 1.135;
    const frGwp =
      computeFootprint(fs, [{ category: 'server', annual_kwh: 1000, embodied_gwp_kg: 0, pue: 1 }], {
        year: 2026,
        country: 'FRA',
        allocation: 'amortised',
      }).byCategoryPhase.server!.USE!.gwp!.value / 1000;
    expect(r.total.gwp!.value).toBeCloseTo(kwh * frGwp, 9);
    expect(r.dataQuality.gaps.some((g) => g.category === 'cloud_storage' && g.phase === 'BLD')).toBe(true);
  });
});

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
