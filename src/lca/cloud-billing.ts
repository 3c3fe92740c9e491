/**
 * Cloud billing → inventory lines (pure). A provider mapping (shipped data with its sources) says which usage
 * rows are compute, storage or data transfer; this step applies it row by row and aggregates as it goes, so a
 * million-row export becomes a few hundred lines: one per provider, account, service, region and instance type
 * (or storage medium). Every row that cannot be mapped is counted by service with its cost, never dropped.
 */
import { z } from 'zod';
import type { TFactorSet, TInventoryLine } from './types.js';

const ZRule = z.object({
  kind: z.enum(['compute', 'storage', 'transfer', 'covered']),
  medium: z.enum(['ssd', 'hdd']).optional(),
  replication: z.number().positive().optional(),
  service: z.string().optional(),
  usageType: z.string().optional(),
  meterCategory: z.string().optional(),
  meterSubCategory: z.string().optional(),
  meterName: z.string().optional(),
  sku: z.string().optional(),
  defaultType: z.string().optional(),
  source: z.string(),
  note: z.string().optional(),
});
const ZUnits = z.record(
  z.string(),
  z.object({ to: z.enum(['hours', 'seconds', 'gb-month', 'gb', 'disk-month']), factor: z.number().positive() }),
);
const ZProviderMapping = z.object({
  rules: z.array(ZRule),
  units: ZUnits,
  regionPrefixes: z.record(z.string(), z.string()).optional(),
  regionAliases: z.record(z.string(), z.string()).optional(),
  usageLineTypes: z.array(z.string()).optional(),
  diskGb: z.record(z.string(), z.number()).optional(),
  diskSource: z.string().optional(),
  source: z.string(),
});
export const ZCloudBillingMapping = z.object({
  id: z.string(),
  note: z.string(),
  sources: z.record(z.string(), z.string()),
  aws: ZProviderMapping,
  azure: ZProviderMapping,
  gcp: ZProviderMapping,
});
export type TCloudBillingMapping = z.infer<typeof ZCloudBillingMapping>;
type TProviderMapping = z.infer<typeof ZProviderMapping>;
type TRule = z.infer<typeof ZRule>;

/** A billed usage row as the readers give it (see imports/cloud). */
export interface TBilledUsage {
  line: number;
  provider: 'aws' | 'azure' | 'gcp';
  service: string;
  usageType: string;
  subCategory: string;
  lineItemType: string;
  account: string;
  region: string;
  amount: number;
  unit: string;
  cost: number;
  currency: string;
  instanceType: string;
}

/** Why a row was not turned into a line. */
export type TUnmappedReason = 'no-rule' | 'unknown-unit' | 'unknown-instance-type' | 'no-instance-type';

export interface TCloudBillingSummary {
  mapping: string;
  rows: number;
  currency: string;
  /** Cost of the usage rows (taxes, fees, credits and upfront payments are apart, in `other_charges`). */
  usage_cost: number;
  mapped_cost: number;
  mapped_rows: number;
  unmapped: { service: string; reason: TUnmappedReason; rows: number; cost: number; example: string }[];
  other_charges: { type: string; rows: number; cost: number }[];
  /** Regions the factor set does not know: their lines take the organisation's country. */
  unknown_regions: { provider: string; region: string; rows: number }[];
  lines: number;
}

/** The line fields that say where a cloud line comes from (tags of the breakdowns). */
export type TCloudLine = TInventoryLine & { provider: string; service: string; account: string };

const HOURS_PER_MONTH = 730;
const HOURS_PER_YEAR = 8760;

interface TMatch {
  rule: TRule;
  type: string | undefined;
}

/** Applies a provider mapping to billed rows and aggregates them into inventory lines. */
export class CloudBillingMapper {
  private readonly compiled: Record<
    'aws' | 'azure' | 'gcp',
    {
      rule: TRule;
      re: Partial<Record<'service' | 'usageType' | 'meterCategory' | 'meterSubCategory' | 'meterName' | 'sku', RegExp>>;
    }[]
  >;
  /** The rule matched per (provider, service, usage type, subcategory): exports repeat a few thousand of them. */
  private readonly matchCache = new Map<string, TMatch | null>();
  private readonly acc = new Map<string, { line: TCloudLine; amount: number }>();
  private readonly unmapped = new Map<string, TCloudBillingSummary['unmapped'][number]>();
  private readonly other = new Map<string, TCloudBillingSummary['other_charges'][number]>();
  private readonly regionsUnknown = new Map<string, TCloudBillingSummary['unknown_regions'][number]>();
  private rows = 0;
  private usageCost = 0;
  private mappedCost = 0;
  private mappedRows = 0;
  private currency = '';

  constructor(
    private readonly mapping: TCloudBillingMapping,
    private readonly factorSet: Pick<TFactorSet, 'cloud'>,
  ) {
    const compile = (m: TProviderMapping) =>
      m.rules.map((rule) => {
        const re: Record<string, RegExp> = {};
        for (const k of ['service', 'usageType', 'meterCategory', 'meterSubCategory', 'meterName', 'sku'] as const) {
          const p = rule[k];
          if (p !== undefined) re[k] = new RegExp(p, 'i');
        }
        return { rule, re };
      });
    this.compiled = { aws: compile(mapping.aws), azure: compile(mapping.azure), gcp: compile(mapping.gcp) };
  }

  add(row: TBilledUsage): void {
    this.rows++;
    if (!this.currency && row.currency) this.currency = row.currency;
    const pm = this.mapping[row.provider];
    if (pm.usageLineTypes && row.lineItemType && !pm.usageLineTypes.includes(row.lineItemType)) {
      const o = this.other.get(row.lineItemType) ?? { type: row.lineItemType, rows: 0, cost: 0 };
      o.rows++;
      o.cost += row.cost;
      this.other.set(row.lineItemType, o);
      return;
    }
    this.usageCost += row.cost;
    const match = this.match(row);
    if (!match) {
      this.unmap(row, 'no-rule');
      return;
    }
    const unit = pm.units[row.unit.trim().toLowerCase()];
    const { rule } = match;
    if (rule.kind === 'covered') {
      this.mapped(row);
      return;
    }
    if (!unit) {
      this.unmap(row, 'unknown-unit');
      return;
    }
    const quantity = row.amount * unit.factor;
    const region = this.region(row);
    const base = { provider: row.provider, service: row.service, account: row.account, ...(region ? { region } : {}) };
    if (rule.kind === 'compute') {
      const type = this.instanceType(row, match);
      if (!type) {
        this.unmap(row, 'no-instance-type');
        return;
      }
      const inst = this.factorSet.cloud.instances[`${row.provider}:${type}`];
      if (!inst) {
        this.unmap(row, 'unknown-instance-type');
        return;
      }
      let hours: number;
      if (row.provider === 'gcp') {
        // Google bills cores and memory apart: the core SKU's vCPU-hours ÷ the machine's vCPUs = instance-hours.
        const vcpuHours = unit.to === 'seconds' ? quantity / 3600 : unit.to === 'hours' ? quantity : NaN;
        hours = vcpuHours / inst.vcpu;
      } else hours = unit.to === 'hours' ? quantity : unit.to === 'seconds' ? quantity / 3600 : NaN;
      if (!Number.isFinite(hours)) {
        this.unmap(row, 'unknown-unit');
        return;
      }
      this.addTo(
        `c|${row.provider}|${row.account}|${region ?? ''}|${row.service}|${type}`,
        () => ({ category: 'cloud_instance', ...base, instance_type: type, hours: 0 }),
        hours,
      );
    } else if (rule.kind === 'storage') {
      let gbMonths: number;
      if (unit.to === 'gb-month') gbMonths = quantity;
      else if (unit.to === 'disk-month') {
        const size = this.diskGb(row, pm);
        if (size === undefined) {
          this.unmap(row, 'unknown-unit');
          return;
        }
        gbMonths = quantity * size;
      } else {
        this.unmap(row, 'unknown-unit');
        return;
      }
      const medium = rule.medium ?? 'hdd';
      const copies = rule.replication ?? 1;
      this.addTo(
        `s|${row.provider}|${row.account}|${region ?? ''}|${row.service}|${medium}|${copies}`,
        () => ({
          category: 'cloud_storage',
          ...base,
          storage_type: medium,
          quantity: copies,
          hours: HOURS_PER_YEAR,
          gigabytes: 0,
        }),
        gbMonths,
      );
    } else {
      if (unit.to !== 'gb') {
        this.unmap(row, 'unknown-unit');
        return;
      }
      this.addTo(
        `t|${row.provider}|${row.account}|${region ?? ''}|${row.service}`,
        () => ({ category: 'data_transfer', ...base, gigabytes: 0 }),
        quantity,
      );
    }
    this.mapped(row);
  }

  /** The lines (one per aggregate) and what could not be mapped. */
  finish(): { lines: TCloudLine[]; summary: TCloudBillingSummary } {
    const lines: TCloudLine[] = [];
    for (const { line, amount } of this.acc.values()) {
      if (line.category === 'cloud_instance') line.hours = round(amount);
      // Storage: GB-months → the year's mean GB stored over 8,760 h (same GB-hours: GB-months × 730).
      else if (line.category === 'cloud_storage') line.gigabytes = round((amount * HOURS_PER_MONTH) / HOURS_PER_YEAR);
      else line.gigabytes = round(amount);
      if ((line.hours ?? 1) > 0 && (line.gigabytes ?? 1) > 0) lines.push(line);
    }
    const byCost = <T extends { cost: number }>(a: T, b: T) => b.cost - a.cost;
    return {
      lines,
      summary: {
        mapping: this.mapping.id,
        rows: this.rows,
        currency: this.currency,
        usage_cost: round(this.usageCost),
        mapped_cost: round(this.mappedCost),
        mapped_rows: this.mappedRows,
        unmapped: [...this.unmapped.values()].map((u) => ({ ...u, cost: round(u.cost) })).sort(byCost),
        other_charges: [...this.other.values()].map((o) => ({ ...o, cost: round(o.cost) })).sort(byCost),
        unknown_regions: [...this.regionsUnknown.values()].sort((a, b) => b.rows - a.rows),
        lines: lines.length,
      },
    };
  }

  private match(row: TBilledUsage): TMatch | null {
    const key = `${row.provider}\u0000${row.service}\u0000${row.usageType}\u0000${row.subCategory}`;
    const hit = this.matchCache.get(key);
    if (hit !== undefined) return hit;
    let found: TMatch | null = null;
    // Azure names its meter category in `service`; Google its SKU in `usageType`: each rule field reads its own.
    const fields = {
      service: row.service,
      usageType: row.usageType,
      meterCategory: row.service,
      meterSubCategory: row.subCategory,
      meterName: row.usageType,
      sku: row.usageType,
    };
    for (const { rule, re } of this.compiled[row.provider]) {
      let ok = true;
      let type: string | undefined;
      for (const [k, r] of Object.entries(re) as [keyof typeof fields, RegExp][]) {
        const m = r.exec(fields[k]);
        if (!m) {
          ok = false;
          break;
        }
        if (m.groups?.type) type = m.groups.type;
      }
      if (ok) {
        found = { rule, type: type?.toLowerCase() ?? rule.defaultType };
        break;
      }
    }
    if (this.matchCache.size < 100_000) this.matchCache.set(key, found);
    return found;
  }

  private instanceType(row: TBilledUsage, match: TMatch): string | undefined {
    if (row.provider === 'aws') return match.type;
    if (row.provider === 'gcp') return row.instanceType.trim().toLowerCase() || undefined;
    // Azure: Standard_D2s_v3 in the additional info, else the meter name (D2s v3, D2s v3 Spot, D2s v3 Low Priority).
    const raw = row.instanceType || row.usageType.replace(/\s+(low priority|spot)$/i, '');
    const t = raw
      .trim()
      .toLowerCase()
      .replace(/^(standard|basic)_/, '')
      .replace(/\s+/g, '_');
    return t || undefined;
  }

  private diskGb(row: TBilledUsage, pm: TProviderMapping): number | undefined {
    const m = /\b([PES]\d{1,2})\b/.exec(row.usageType);
    return m ? pm.diskGb?.[m[1]!] : undefined;
  }

  private region(row: TBilledUsage): string | undefined {
    const pm = this.mapping[row.provider];
    let r = row.region.trim().toLowerCase();
    if (row.provider === 'aws' && r === '') {
      const prefix = /^([A-Z]{2,3}\d)-/.exec(row.usageType)?.[1];
      r = prefix ? (pm.regionPrefixes?.[prefix] ?? '') : '';
    }
    if (row.provider === 'azure') {
      r = r.replace(/\s+/g, '');
      r = pm.regionAliases?.[r] ?? r;
    }
    if (r === '' || r === 'global') return undefined;
    if (this.factorSet.cloud.regions[`${row.provider}:${r}`] === undefined) {
      const k = `${row.provider}:${r}`;
      const u = this.regionsUnknown.get(k) ?? { provider: row.provider, region: r, rows: 0 };
      u.rows++;
      this.regionsUnknown.set(k, u);
      return undefined;
    }
    return r;
  }

  private addTo(key: string, make: () => TCloudLine, amount: number): void {
    let a = this.acc.get(key);
    if (!a) {
      a = { line: make(), amount: 0 };
      this.acc.set(key, a);
    }
    a.amount += amount;
  }

  private mapped(row: TBilledUsage): void {
    this.mappedRows++;
    this.mappedCost += row.cost;
  }

  private unmap(row: TBilledUsage, reason: TUnmappedReason): void {
    const key = `${row.provider}|${row.service}|${reason}`;
    const u = this.unmapped.get(key) ?? {
      service: row.service || '-',
      reason,
      rows: 0,
      cost: 0,
      example: row.usageType.slice(0, 80),
    };
    u.rows++;
    u.cost += row.cost;
    this.unmapped.set(key, u);
  }
}

/** Rounds to 6 significant decimals, so sums of a million floats read as the bill does. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
