/**
 * Reference datasets shipped with Techcare. Factor sets are immutable once published: a result names the
 * factor set it used, so it can be reproduced exactly after newer data is published.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TCloudInstance, TFactorSet } from '../lca/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), 'factor-sets');

/** The newest published factor set: the default of new computations. */
export const latestFactorSetId = 'techcare-2027.1';

/** The ids of the factor sets shipped with this version, oldest first. */
export function listFactorSets(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'factor-set.json')))
    .map((d) => d.name)
    .sort();
}

/** Splits one line of our own simple CSV files (fields quoted with `"` only when they hold a comma). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1;
      let s = '';
      while (j < line.length) {
        if (line[j] === '"' && line[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (line[j] === '"') break;
        else s += line[j++];
      }
      out.push(s);
      i = j + 2;
    } else {
      const j = line.indexOf(',', i);
      const end = j === -1 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}
/** A row of `N` fields. */
type TRow<N extends number, R extends string[] = []> = R['length'] extends N ? R : TRow<N, [...R, string]>;

/** The rows of a data CSV, header left out; a row with fewer than `columns` fields is an error naming file and row. */
function csvRows<N extends number>(file: string, columns: N): TRow<N>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(1)
    .map((line, i) => {
      const fields = csvFields(line);
      if (fields.length < columns)
        throw new Error(`${file}: data row ${i + 1} has ${fields.length} fields, ${columns} expected`);
      return fields as TRow<N>;
    });
}

const cache = new Map<string, TFactorSet>();

/**
 * Loads a factor set by id (cached).
 * @throws Error naming the available ids when the id is unknown.
 */
export function getFactorSet(id: string = latestFactorSetId): TFactorSet {
  const hit = cache.get(id);
  if (hit) return hit;
  const dir = join(root, id);
  if (!/^[a-z0-9.-]+$/.test(id) || !existsSync(join(dir, 'factor-set.json'))) {
    throw new Error(`unknown factor set "${id}"; available: ${listFactorSets().join(', ')}`);
  }
  const base = JSON.parse(readFileSync(join(dir, 'factor-set.json'), 'utf8'));
  const electricity = JSON.parse(readFileSync(join(dir, 'electricity.json'), 'utf8'));
  const { platforms } = JSON.parse(readFileSync(join(dir, 'cloud-platforms.json'), 'utf8'));
  const instances: Record<string, TCloudInstance> = {};
  for (const [provider, instance, vcpu, mem, ssd, hdd, gpu, platform] of csvRows(join(dir, 'cloud-instances.csv'), 8)) {
    instances[`${provider}:${instance.toLowerCase()}`] = {
      vcpu: Number(vcpu),
      memoryGb: Number(mem),
      ssdGb: Number(ssd),
      hddGb: Number(hdd),
      gpuUnits: Number(gpu),
      platform,
    };
  }
  const regions: Record<string, string> = {};
  for (const [provider, region, country] of csvRows(join(dir, 'cloud-regions.csv'), 3))
    regions[`${provider}:${region.toLowerCase()}`] = country;
  const cpuDies: TFactorSet['cpuDies'] = {};
  for (const [model, cores, threads, die] of csvRows(join(dir, 'cpu-dies.csv'), 4)) {
    cpuDies[model.toLowerCase()] = {
      dieMm2: Number(die),
      ...(cores ? { cores: Number(cores) } : {}),
      ...(threads ? { threads: Number(threads) } : {}),
    };
  }
  const fs: TFactorSet = { ...base, electricity, cpuDies, cloud: { ...base.cloud, instances, platforms, regions } };
  cache.set(id, fs);
  return fs;
}

/** Directory of a factor set's files (for the immutability test and documentation links). */
export function factorSetDirectory(id: string): string {
  return join(root, id);
}
