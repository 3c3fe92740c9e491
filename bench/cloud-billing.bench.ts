/**
 * Benchmark of a cloud billing import: a generated 1,000,000-row AWS Cost and Usage Report (legacy columns, the
 * mix of a real account: instance-hours of a dozen types in four regions and 40 accounts, EBS and S3 storage, data
 * out, and services with no mapping) imported end to end through the real service (stream, map, aggregate,
 * compute, one transaction) on SQLite. Prints the wall time and the peak memory of the process (max RSS).
 * Targets: under 30 s and under 1 GB.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { openDb } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { makeOrganisation, makeUser } from '../test/helpers/factories.js';
import { importCloudBilling } from '../src/features/footprint/import-cloud-billing.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const HEADER =
  'identity/LineItemId,identity/TimeInterval,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/Operation,lineItem/ResourceId,lineItem/UsageAmount,lineItem/CurrencyCode,lineItem/UnblendedCost,lineItem/LineItemDescription,product/region,pricing/unit';
const TYPES = [
  'm5.large',
  'm5.xlarge',
  't3.micro',
  't3.medium',
  'c5.xlarge',
  'c5.2xlarge',
  'r5.large',
  'm6i.large',
  'm6g.large',
  't3a.small',
  'c6g.xlarge',
  'r6i.xlarge',
];
const REGIONS: [string, string][] = [
  ['EUW3', 'eu-west-3'],
  ['EUC1', 'eu-central-1'],
  ['USE1', 'us-east-1'],
  ['EUW1', 'eu-west-1'],
];

async function generate(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  let buf = `${HEADER}\n`;
  for (let i = 0; i < n; i++) {
    const [prefix, region] = REGIONS[i % REGIONS.length]!;
    const account = String(100000000000 + (i % 40));
    const k = i % 10;
    let row: string;
    if (k < 6)
      row = `Usage,2026-03-01T00:00:00Z,AmazonEC2,${prefix}-BoxUsage:${TYPES[i % TYPES.length]},RunInstances,i-${i.toString(16)},1,USD,0.1,hourly usage,${region},Hrs`;
    else if (k === 6)
      row = `Usage,2026-03-01T00:00:00Z,AmazonEC2,${prefix}-EBS:VolumeUsage.gp3,CreateVolume-Gp3,vol-${i.toString(16)},0.1345,USD,0.0125,storage,${region},GB-Mo`;
    else if (k === 7)
      row = `Usage,2026-03-01T00:00:00Z,AmazonS3,${prefix}-TimedStorage-ByteHrs,StandardStorage,bucket-${i % 50},2.5,USD,0.06,storage,${region},GB-Mo`;
    else if (k === 8)
      row = `Usage,2026-03-01T00:00:00Z,AmazonEC2,${prefix}-DataTransfer-Out-Bytes,RunInstances,i-${i.toString(16)},0.4,USD,0.036,transfer,${region},GB`;
    else
      row = `Usage,2026-03-01T00:00:00Z,AWSLambda,${prefix}-Lambda-GB-Second,Invoke,fn-${i % 30},300,USD,0.005,lambda,${region},Lambda-GB-Second`;
    buf += `li-${i},2026-03-01T00:00:00Z/2026-03-01T01:00:00Z,${account},${row}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'techcare-cloud-bench-'));
try {
  const file = join(dir, 'cur.csv');
  await generate(file, ROWS);
  const db = openDb(`sqlite:${join(dir, 'bench.db')}`);
  await migrateToLatest(db);
  const u = await makeUser(db);
  const org = await makeOrganisation(db, { ownerId: u.id });
  const t0 = performance.now();
  const outcome = await importCloudBilling(db, {
    orgId: org.id,
    year: 2026,
    userId: u.id,
    path: file,
    fileName: 'cur.csv',
  });
  const seconds = (performance.now() - t0) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  const s = outcome.summary;
  console.log(
    `cloud billing import, ${ROWS.toLocaleString('en')} CUR rows (${Math.round(statSync(file).size / 1e6)} MB) → ${s.lines} lines, ${((100 * s.mapped_cost) / s.usage_cost).toFixed(1)} % of cost mapped`,
  );
  console.log(
    `time: ${seconds.toFixed(1)} s (target < 30 s)   peak memory (max RSS): ${Math.round(maxRssMb)} MB (target < 1024 MB)`,
  );
  console.log(`load average during the run: ${loadavg()[0]!.toFixed(1)} (on a shared machine the time grows with it)`);
  await db.destroy();
  if (seconds > 30 || maxRssMb > 1024) process.exitCode = 1;
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
