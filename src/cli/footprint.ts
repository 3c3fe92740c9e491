/**
 * `techcare footprint <inventory.csv|.xlsx>`: the footprint of an inventory file, exactly as contracts.md
 * ("Footprint CLI") says: exit 0 with the result on stdout; exit 1 with every file error on stderr
 * (`line <n>, column <name>: <message>`) and nothing on stdout; exit 2 on a usage error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { getFactorSet, latestFactorSetId, listFactorSets } from '../data/index.js';
import { CRITERIA, createFootprintAccumulator, profileIdsOf, type TCriterion, type TFactorSet } from '../lca/index.js';
import {
  getPreset,
  inventoryErrorText,
  PRESETS,
  readerError,
  readInventory,
  ZInventoryMapping,
  type TInventoryMapping,
} from '../imports/index.js';
import { addCloudBilling, looksLikeCloudBilling } from './footprint-cloud.js';
import { formatFootprint, FOOTPRINT_FORMATS, type TFootprintFormat } from '../reports/footprint-formats.js';

export interface TFootprintIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

class UsageError extends Error {}

const int =
  (name: string) =>
  (v: string): number => {
    if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError(`${name} must be an integer`);
    return Number(v);
  };

function build(io: TFootprintIo, action: (file: string, opts: Record<string, unknown>) => Promise<void>): Command {
  const cmd = new Command('footprint')
    .description('compute the environmental footprint of an inventory file (CSV or XLSX)')
    .argument('<inventory>', 'inventory file: .csv or .xlsx')
    .option('--year <year>', 'reporting year', int('--year'), new Date().getFullYear() - 1)
    .option('--country <code>', 'default country of use (ISO 3166 alpha-3 or alpha-2, WOR, EEE)', 'FRA')
    .addOption(
      new Option('--allocation <mode>', 'embodied impacts: amortised over the lifespan or counted in the purchase year')
        .choices(['amortised', 'purchase-year'])
        .default('amortised'),
    )
    .option('--criteria <list>', `comma-separated criteria among ${CRITERIA.join(',')}`, 'gwp,adpe,wu,pe')
    .option('--monte-carlo <draws>', 'Monte Carlo draws (p05/p50/p95)', int('--monte-carlo'))
    .option('--seed <n>', 'seed of the Monte Carlo draws', int('--seed'), 1)
    .addOption(new Option('--format <format>', 'output format').choices([...FOOTPRINT_FORMATS]).default('table'))
    .option('--factor-set <id>', `factor set id (${listFactorSets().join(', ')})`, latestFactorSetId)
    .option('--mapping <file>', 'mapping file (JSON): source columns → inventory columns, value maps')
    .option('--preset <name>', `built-in mapping: ${Object.keys(PRESETS).join(', ')}`)
    .addOption(
      new Option(
        '--cloud-billing <provider>',
        'the file is a cloud billing export (AWS CUR, Azure cost details, Google Cloud billing export; .csv or .csv.gz); auto: recognised from the header, as without this option',
      ).choices(['aws', 'azure', 'gcp', 'auto']),
    )
    .option(
      '--profile <id>',
      'reference profile of the factor set: ademe-fr (French reference practice, the default) or boavizta-eu',
    )
    .option(
      '--electricity <zone=variant...>',
      'alternative electricity reference of factor sets that have one (techcare-2026.1: FRA=ademe)',
    )
    .addOption(
      new Option(
        '--lang <lang>',
        'language of the table format (French by default) and, when given, of the error messages on stderr (English by default, as scripts expect)',
      )
        .choices(['fr', 'en'])
        .default('fr'),
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .action(async (file: string, opts: Record<string, unknown>) => action(file, opts));
  return cmd;
}

function resolveMapping(opts: Record<string, unknown>): TInventoryMapping | undefined {
  let mapping: TInventoryMapping | undefined;
  if (typeof opts.preset === 'string') {
    mapping = getPreset(opts.preset);
    if (!mapping)
      throw new UsageError(`unknown preset "${opts.preset}"; use one of ${Object.keys(PRESETS).join(', ')}`);
  }
  if (typeof opts.mapping === 'string') {
    if (!existsSync(opts.mapping)) throw new UsageError(`mapping file not found: ${opts.mapping}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(opts.mapping, 'utf8'));
    } catch (e) {
      throw new UsageError(`mapping file ${opts.mapping} is not valid JSON: ${(e as Error).message}`);
    }
    const res = ZInventoryMapping.safeParse(parsed);
    if (!res.success)
      throw new UsageError(
        `mapping file ${opts.mapping}: ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    // A mapping file refines a preset: its entries win.
    mapping = mapping
      ? {
          columns: { ...mapping.columns, ...res.data.columns },
          values: { ...mapping.values, ...res.data.values },
          defaults: { ...mapping.defaults, ...res.data.defaults },
          skip: { ...mapping.skip, ...res.data.skip },
        }
      : res.data;
  }
  return mapping;
}

/**
 * Runs `footprint` with user arguments (without `node techcare footprint`), writing to the given streams.
 * @returns the exit code: 0 result, 1 file errors, 2 usage error.
 */
export async function runFootprint(argv: string[], io: TFootprintIo): Promise<number> {
  let code = 0;
  const cmd = build(io, async (file, opts) => {
    let fs: TFactorSet;
    try {
      fs = getFactorSet(String(opts.factorSet));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`inventory file not found: ${file}`);
    const cloudOpt = typeof opts.cloudBilling === 'string' ? opts.cloudBilling : undefined;
    const isCloud = cloudOpt !== undefined || (/\.(csv|gz)$/i.test(file) && (await looksLikeCloudBilling(file)));
    if (!isCloud && !/\.(csv|txt|tsv|xlsx)$/i.test(file))
      throw new UsageError(`unsupported file type: ${file}; give a .csv or .xlsx file`);
    const criteria = String(opts.criteria)
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const bad = criteria.filter((c) => !(CRITERIA as readonly string[]).includes(c));
    if (bad.length || !criteria.length)
      throw new UsageError(`unknown criteria: ${bad.join(', ') || '(none)'}; use ${CRITERIA.join(',')}`);
    let country = String(opts.country).toUpperCase();
    if (country.length === 2) {
      const z = Object.entries(fs.electricity.zones).find(([, v]) => v.alpha2 === country);
      if (z) country = z[0];
    }
    if (!fs.electricity.zones[country])
      throw new UsageError(
        `unknown country "${opts.country}"; use an ISO 3166 alpha-3 (FRA) or alpha-2 (FR) code, WOR or EEE`,
      );
    const variants: Record<string, string> = {};
    for (const spec of (opts.electricity as string[] | undefined) ?? []) {
      const [zone, variant] = spec.split('=');
      const z = zone?.toUpperCase();
      if (!z || !variant || !fs.electricity.alternatives[z]?.[variant]) {
        const known = Object.entries(fs.electricity.alternatives).flatMap(([k, v]) =>
          Object.keys(v).map((x) => `${k}=${x}`),
        );
        throw new UsageError(`unknown electricity reference "${spec}"; available: ${known.join(', ')}`);
      }
      variants[z] = variant;
    }
    const profile = typeof opts.profile === 'string' ? opts.profile : undefined;
    if (profile !== undefined) {
      const ids = profileIdsOf(fs);
      if (!ids.includes(profile))
        throw new UsageError(
          ids.length
            ? `unknown profile "${profile}"; available: ${ids.join(', ')}`
            : `factor set ${fs.id} has no reference profiles; leave --profile out`,
        );
    }
    if (opts.monteCarlo !== undefined && (opts.monteCarlo as number) <= 0)
      throw new UsageError('--monte-carlo must be a positive number of draws');
    const mapping = resolveMapping(opts);
    // Error messages stay English unless --lang is given explicitly: the table's French default must not change
    // what scripts read on stderr.
    const errorLang = cmd.getOptionValueSource('lang') === 'cli' ? (opts.lang as 'fr' | 'en') : 'en';
    const acc = createFootprintAccumulator(fs, {
      year: opts.year as number,
      country,
      allocation: opts.allocation as 'amortised' | 'purchase-year',
      criteria: criteria as TCriterion[],
      electricityVariants: variants,
      ...(profile ? { profile } : {}),
      monteCarlo:
        opts.monteCarlo !== undefined ? { draws: opts.monteCarlo as number, seed: opts.seed as number } : undefined,
    });
    if (isCloud) {
      code = await addCloudBilling(
        file,
        cloudOpt && cloudOpt !== 'auto' ? (cloudOpt as 'aws' | 'azure' | 'gcp') : undefined,
        fs,
        acc,
        (t) => io.stderr(t),
      );
      if (code === 0)
        io.stdout(
          formatFootprint(acc.result(), opts.format as TFootprintFormat, opts.lang as 'fr' | 'en', {
            dataset: basename(file),
          }),
        );
      return;
    }
    let summary;
    try {
      summary = await readInventory(file, (line, lineNo) => acc.add(line, lineNo), { mapping });
    } catch (e) {
      const err = readerError(1, '-', 'file-unreadable', { reason: (e as Error).message });
      io.stderr(`line ${err.line}, column ${err.column}: ${inventoryErrorText(err, errorLang)}\n`);
      code = 1;
      return;
    }
    if (summary.errorCount > 0) {
      // The `line <n>, column <name>: ` prefix stays English in every language (contracts.md: scripts parse it).
      io.stderr(
        summary.errors
          .map((e) => `line ${e.line}, column ${e.column}: ${inventoryErrorText(e, errorLang)}`)
          .join('\n') + '\n',
      );
      code = 1;
      return;
    }
    if (summary.skipped.count > 0) {
      // On stderr so the output stays the footprint alone: rows left out by the preset's status rules.
      const why = summary.skipped.reasons.map((r) => `${r.column} "${r.value}": ${r.count}`).join(', ');
      io.stderr(`skipped ${summary.skipped.count} rows not in use (${why})\n`);
    }
    io.stdout(
      formatFootprint(acc.result(), opts.format as TFootprintFormat, opts.lang as 'fr' | 'en', {
        dataset: basename(file),
      }),
    );
  });
  try {
    await cmd.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // help/version exit 0; parse errors are usage errors.
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}
