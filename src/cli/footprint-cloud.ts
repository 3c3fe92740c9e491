/**
 * `techcare footprint --cloud-billing aws|azure|gcp|auto <export.csv[.gz]>`: the footprint of a provider's billing
 * export, through the same mapping as the page and the API. What could not be mapped is reported on stderr (by
 * service, with its cost), so stdout stays the footprint alone.
 */
import { open, rm } from 'node:fs/promises';
import { getCloudBillingMapping } from '../data/cloud-billing.js';
import {
  detectCloudBillingFormat,
  gunzipIfNeeded,
  readCloudBilling,
  type TCloudProvider,
} from '../imports/cloud/index.js';
import { CloudBillingMapper } from '../lca/cloud-billing.js';
import type { TFactorSet, TFootprintAccumulator } from '../lca/index.js';

/** Whether a file's first line is the header of a billing export (auto-detection without `--cloud-billing`). */
export async function looksLikeCloudBilling(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    if (buf[0] === 0x1f && buf[1] === 0x8b) return true;
    const first =
      buf
        .subarray(0, bytesRead)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    const sep = first.includes(';') && !first.includes(',') ? ';' : first.includes('\t') ? '\t' : ',';
    return detectCloudBillingFormat(first.split(sep).map((h) => h.replace(/^"|"$/g, ''))) !== undefined;
  } finally {
    await fh.close();
  }
}

/** Reads, maps and adds the export's lines to `acc`; returns 0, or 1 with the errors written to stderr. */
export async function addCloudBilling(
  path: string,
  provider: TCloudProvider | undefined,
  fs: TFactorSet,
  acc: TFootprintAccumulator,
  stderr: (s: string) => void,
): Promise<number> {
  const unpacked = await gunzipIfNeeded(path);
  try {
    const mapper = new CloudBillingMapper(getCloudBillingMapping(), fs);
    const read = await readCloudBilling(unpacked, (r) => mapper.add(r), { provider });
    if (read.errorCount > 0) {
      stderr(read.errors.map((e) => `line ${e.line}, column ${e.column}: ${e.message}`).join('\n') + '\n');
      return 1;
    }
    const { lines, summary } = mapper.finish();
    const errors: string[] = [];
    lines.forEach((l, i) => {
      for (const e of acc.add(l, i + 1))
        errors.push(`${l.provider} ${l.service} ${l.instance_type ?? l.category}, column ${e.column}: ${e.message}`);
    });
    if (errors.length) {
      stderr(errors.join('\n') + '\n');
      return 1;
    }
    const share = summary.usage_cost > 0 ? ((100 * summary.mapped_cost) / summary.usage_cost).toFixed(1) : '-';
    stderr(
      `${read.format}: ${summary.rows} rows → ${lines.length} lines; ${share} % of the billed usage cost mapped (${summary.mapped_cost} of ${summary.usage_cost} ${summary.currency})\n`,
    );
    for (const u of summary.unmapped)
      stderr(`not mapped: ${u.service} (${u.reason}): ${u.rows} rows, ${u.cost} ${summary.currency}\n`);
    for (const o of summary.other_charges)
      stderr(`charges without usage: ${o.type}: ${o.rows} rows, ${o.cost} ${summary.currency}\n`);
    return 0;
  } finally {
    if (unpacked !== path) await rm(unpacked, { force: true });
  }
}
