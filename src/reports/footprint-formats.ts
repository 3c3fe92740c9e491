/**
 * Output formats of a footprint result: json (the CLI contract), csv (one row per category × phase ×
 * criterion), table (readable, French or English), pcr-si (Boavizta PCR-SI data format response, see `PCRSI_SPEC`).
 */
import { writeCsv, type TCsvValue } from './csv.js';
import { getFactorSet } from '../data/index.js';
import {
  CRITERIA,
  formatWarning,
  PHASES,
  TIERS,
  UNITS,
  type TCriterion,
  type TFootprintResult,
  type TPhase,
  type TTier,
  type TGapCode,
  type TImpact,
  type TImpacts,
} from '../lca/index.js';

export const FOOTPRINT_FORMATS = ['table', 'json', 'csv', 'pcr-si'] as const;
export type TFootprintFormat = (typeof FOOTPRINT_FORMATS)[number];

/** The contract's JSON object (contracts.md, "Footprint CLI"), extended with energy and data-quality details. */
export function toFootprintJson(r: TFootprintResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    methodology: r.methodology,
    lines: r.lines,
    units: r.units,
    total: r.total,
    byPhase: r.byPhase,
    byTier: r.byTier,
    byCategory: r.byCategory,
    energy: r.energy,
    dataQuality: r.dataQuality,
    warnings: r.warnings,
  };
  if (r.monteCarlo) out.monteCarlo = r.monteCarlo;
  return out;
}

/** `--format json`: one object, unrounded values. */
export function formatFootprintJson(r: TFootprintResult): string {
  return JSON.stringify(toFootprintJson(r), null, 2) + '\n';
}

/**
 * `--format csv`: one row per category × phase × criterion present, unrounded, decimal point, `,` separated; then
 * one row per cell counted as zero or left out (no silent zero), with `status` its reason code, `count` the units
 * it concerns and `reason` the explanation. Counted rows have status `counted`.
 */
export function formatFootprintCsv(r: TFootprintResult): string {
  const rows: TCsvValue[][] = [
    ['category', 'phase', 'criterion', 'value', 'low', 'high', 'unit', 'status', 'count', 'reason'],
  ];
  for (const [cat, phases] of Object.entries(r.byCategoryPhase)) {
    for (const ph of PHASES) {
      const imp = phases[ph];
      if (!imp) continue;
      for (const c of CRITERIA) {
        const x = imp[c];
        if (x) rows.push([cat, ph, c, x.value, x.low, x.high, x.unit, 'counted', '', '']);
      }
    }
  }
  for (const g of r.dataQuality.gaps)
    rows.push([
      g.category,
      g.phase,
      g.criterion,
      '',
      '',
      '',
      UNITS[g.criterion],
      g.code ?? 'gap',
      g.units ?? '',
      g.message,
    ]);
  return writeCsv(rows, { eol: '\n' });
}

/** Words of the readable table; French by default, English alongside. */
export interface TFootprintLabels {
  title: string;
  factorSet: string;
  allocation: string;
  year: string;
  country: string;
  lines: string;
  units: string;
  criterion: string;
  value: string;
  low: string;
  high: string;
  total: string;
  byPhase: string;
  byTier: string;
  byCategory: string;
  defaultShare: string;
  warnings: string;
  monteCarlo: string;
  draws: string;
  seed: string;
  phases: Record<TPhase, string>;
  tiers: Record<TTier, string>;
  criteria: Record<TCriterion, string>;
  allocations: Record<string, string>;
  energy: string;
  profile: string;
  gapsTitle: string;
  gapUnits: string;
  gapCodes: Record<TGapCode, string>;
}
export const FOOTPRINT_LABELS_FR: TFootprintLabels = {
  title: 'Empreinte environnementale du numérique',
  factorSet: 'Jeu de facteurs',
  allocation: 'Allocation',
  year: 'Année',
  country: 'Pays par défaut',
  lines: 'Lignes',
  units: 'Équipements',
  criterion: 'Indicateur',
  value: 'Valeur',
  low: 'Basse',
  high: 'Haute',
  total: 'Total',
  byPhase: 'Par phase',
  byTier: 'Par tiers',
  byCategory: 'Par catégorie',
  defaultShare: 'Part du GWP reposant sur des valeurs par défaut',
  warnings: 'Avertissements',
  monteCarlo: 'Monte-Carlo',
  draws: 'tirages',
  seed: 'graine',
  energy: 'Électricité en usage',
  phases: { BLD: 'Fabrication', DIS: 'Distribution', USE: 'Usage', EOL: 'Fin de vie' },
  tiers: {
    terminals: 'Terminaux',
    network: 'Réseau',
    datacenter: 'Centres de données',
    cloud: 'Cloud',
    transfer: 'Transfert de données',
  },
  criteria: {
    gwp: 'Changement climatique',
    adpe: 'Ressources abiotiques (minéraux, métaux)',
    wu: 'Usage de l’eau',
    pe: 'Énergie primaire',
    ap: 'Acidification',
    pm: 'Particules fines',
    ir: 'Rayonnements ionisants',
  },
  allocations: { amortised: 'amortie sur la durée de vie', 'purchase-year': 'l’année d’achat' },
  profile: 'Profil de référence',
  gapsTitle: 'Comptés zéro ou laissés de côté',
  gapUnits: 'équipements',
  gapCodes: {
    'no-factor': 'aucun facteur publié pour cet indicateur',
    'no-use-profile': 'aucun profil d’usage par défaut : indiquez la puissance et les heures, ou les kWh par an',
    'no-use-by-nature': 'pas d’usage propre',
    'fully-amortised': 'entièrement amortis (achetés plus d’une durée de vie avant l’année)',
    'purchased-another-year': 'comptés l’année de leur achat, une autre année',
    quarantined: 'valeur de la source écartée (impossible ou négative)',
    'model-scope': 'hors du périmètre du modèle',
    'no-electricity-factor': 'aucun facteur d’électricité pour cet indicateur et ce pays',
    'not-yet-purchased': 'achetés après l’année : non comptés',
  },
};
export const FOOTPRINT_LABELS_EN: TFootprintLabels = {
  title: 'Digital environmental footprint',
  factorSet: 'Factor set',
  allocation: 'Allocation',
  year: 'Year',
  country: 'Default country',
  lines: 'Lines',
  units: 'Units',
  criterion: 'Criterion',
  value: 'Value',
  low: 'Low',
  high: 'High',
  total: 'Total',
  byPhase: 'By phase',
  byTier: 'By tier',
  byCategory: 'By category',
  defaultShare: 'Share of GWP resting on defaults',
  warnings: 'Warnings',
  monteCarlo: 'Monte Carlo',
  draws: 'draws',
  seed: 'seed',
  energy: 'Use-phase electricity',
  phases: { BLD: 'Manufacture', DIS: 'Distribution', USE: 'Use', EOL: 'End of life' },
  tiers: {
    terminals: 'Terminals',
    network: 'Network',
    datacenter: 'Data centres',
    cloud: 'Cloud',
    transfer: 'Data transfer',
  },
  criteria: {
    gwp: 'Climate change',
    adpe: 'Abiotic resources (minerals, metals)',
    wu: 'Water use',
    pe: 'Primary energy',
    ap: 'Acidification',
    pm: 'Particulate matter',
    ir: 'Ionising radiation',
  },
  allocations: { amortised: 'amortised over the lifespan', 'purchase-year': 'in the purchase year' },
  profile: 'Reference profile',
  gapsTitle: 'Counted as zero or left out',
  gapUnits: 'units',
  gapCodes: {
    'no-factor': 'no published factor for this criterion',
    'no-use-profile': 'no default use profile: give the power and hours, or the kWh a year',
    'no-use-by-nature': 'no use of its own',
    'fully-amortised': 'fully amortised (bought more than a lifespan before the year)',
    'purchased-another-year': 'counted in their purchase year, another year',
    quarantined: 'source value refused (impossible or negative)',
    'model-scope': 'outside the model’s scope',
    'no-electricity-factor': 'no electricity factor for this criterion and country',
    'not-yet-purchased': 'bought after the year: not counted',
  },
};

function pad(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `--format table`: a readable summary, numbers rounded to 3 significant digits (only here: the engine never rounds). */
export function formatFootprintTable(
  r: TFootprintResult,
  labels: TFootprintLabels = FOOTPRINT_LABELS_FR,
  locale = 'fr-FR',
): string {
  const lang = locale.startsWith('en') ? 'en' : 'fr';
  const nf = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const n = (x: number): string => nf.format(x).replace(/[\u202f\u00a0]/g, ' ');
  const row = (name: string, x: TImpact): string[] => [name, n(x.value), n(x.low), n(x.high), x.unit];
  const head = [labels.criterion, labels.value, labels.low, labels.high, ''];
  const out: string[] = [];
  out.push(labels.title);
  out.push(
    `${labels.factorSet}: ${r.methodology.factorSet}${r.methodology.profile ? ` · ${labels.profile}: ${r.methodology.profile}` : ''} · ${labels.allocation}: ${labels.allocations[r.methodology.allocation] ?? r.methodology.allocation} · ${labels.year}: ${r.methodology.year} · ${labels.country}: ${r.methodology.country}`,
  );
  out.push(`${labels.lines}: ${n(r.lines)} · ${labels.units}: ${n(r.units)}`);
  out.push('');
  out.push(`${labels.total}`);
  out.push(
    pad([head, ...CRITERIA.filter((c) => r.total[c]).map((c) => row(labels.criteria[c], r.total[c] as TImpact))]),
  );
  const gwpBlock = (title: string, entries: [string, TImpacts][]): void => {
    const rows = entries.filter(([, v]) => v.gwp).map(([k, v]) => row(k, v.gwp as TImpact));
    if (!rows.length) return;
    out.push('');
    out.push(`${title} (${labels.criteria.gwp})`);
    out.push(pad([head, ...rows]));
  };
  gwpBlock(
    labels.byPhase,
    PHASES.map((p) => [labels.phases[p], r.byPhase[p]]),
  );
  gwpBlock(
    labels.byTier,
    TIERS.map((t) => [labels.tiers[t], r.byTier[t]]),
  );
  gwpBlock(labels.byCategory, Object.entries(r.byCategory));
  out.push('');
  out.push(
    `${labels.energy}: ${n(r.energy.useKwh.value)} kWh (${n(r.energy.useKwh.low)} – ${n(r.energy.useKwh.high)})`,
  );
  out.push(`${labels.defaultShare}: ${n(r.dataQuality.defaultShare * 100)} %`);
  if (r.monteCarlo) {
    const mc = r.monteCarlo;
    out.push('');
    out.push(`${labels.monteCarlo} (${n(mc.draws)} ${labels.draws}, ${labels.seed} ${mc.seed})`);
    out.push(
      pad([
        [labels.criterion, 'p05', 'p50', 'p95'],
        ...CRITERIA.filter((c) => mc[c]).map((c) => {
          const q = mc[c] as { p05: number; p50: number; p95: number };
          return [labels.criteria[c], n(q.p05), n(q.p50), n(q.p95)];
        }),
      ]),
    );
  }
  if (r.dataQuality.gaps.length) {
    out.push('');
    out.push(labels.gapsTitle);
    for (const g of r.dataQuality.gaps) {
      const reason = g.code ? labels.gapCodes[g.code] : g.message;
      // The factor set records these details in English: shown in the English table, summed up by the code in French.
      const detail =
        lang === 'en' && (g.code === 'quarantined' || g.code === 'model-scope' || g.code === 'no-use-by-nature')
          ? ` (${g.message})`
          : '';
      out.push(
        `- ${g.category} · ${labels.phases[g.phase]} · ${labels.criteria[g.criterion]}${g.units !== undefined ? ` · ${n(g.units)} ${labels.gapUnits}` : ''}: ${reason}${detail}`,
      );
    }
  }
  if (r.warnings.length) {
    out.push('');
    out.push(`${labels.warnings} (${r.warnings.length})`);
    for (const w of r.warnings.slice(0, 20)) out.push(`- ${formatWarning(w, lang)}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Boavizta PCR-SI data format (repository Boavizta/PCR-SI_dataformat, MIT; follow-up of the ADEME PCR "Systèmes
 * d’information" working group). What it specifies, and what this formatter follows:
 * - `ImpactObject.md`: an impact object is keyed first by life-cycle step (`BLD`, `DIS`, `USE`, `EOL`), then by
 *   indicator code (`GWP`, `ADPe`, `WU`, `TPE` total primary energy, `AP`, `PM`, `IR` …), values in the units listed
 *   there (kg CO2 eq, kg Sb eq, m3 eq, MJ, mol H+ eq, disease occurrences …).
 * - `response.json` (the response example read at commit 0bd5a918bd26f5eb8a7c4cbbc79133f2fba7a376): top-level
 *   `metadata` {organization, dataset, timestamp, provider, sources[{name, version}], version,
 *   indicators[{indicator, source, unit}]}, `total_impact` (an impact object), `tags` [{name, impacts}],
 *   `quality` {high, medium, low}, `details` {"1": {type, name, tags, quality, impacts, source, provider}, …}.
 * The repository's examples are drafts (placeholders, not valid JSON) and an older stored version of response.json
 * (commit 75c54ae8af990ebf8aaf3fa581c67b43619f3b83) differs (`details` as an array with equipment_type /
 * equipment_name, `tags` as an object); docs/inventory-formats.md lists the choices made here.
 */
export const PCRSI_SPEC = {
  repository: 'https://github.com/Boavizta/PCR-SI_dataformat',
  responseCommit: '0bd5a918bd26f5eb8a7c4cbbc79133f2fba7a376',
} as const;

/** Indicator codes of ImpactObject.md for Techcare's criteria (`pe` is total primary energy: `TPE`). */
export const PCRSI_INDICATORS: Record<TCriterion, { code: string; unit: string }> = {
  gwp: { code: 'GWP', unit: 'kg CO2 eq' },
  adpe: { code: 'ADPe', unit: 'kg Sb eq' },
  wu: { code: 'WU', unit: 'm3 eq' },
  pe: { code: 'TPE', unit: 'MJ' },
  ap: { code: 'AP', unit: 'mol H+ eq' },
  pm: { code: 'PM', unit: 'Disease occurrences' },
  // ImpactObject.md writes "kg U235 eq"; the factor set's figures are in kBq U-235 eq, and
  // a kBq cannot be turned into a kg: the unit is stated as it is.
  ir: { code: 'IR', unit: 'kBq U235 eq' },
};

/** Options of the PCR-SI document that the result itself does not hold. */
export interface TPcrSiOptions {
  /** `metadata.organization` (empty when not given). */
  organization?: string;
  /** `metadata.dataset` (default: `Techcare footprint <year>`). */
  dataset?: string;
  /** `metadata.timestamp`, ISO 8601 (default: now). */
  timestamp?: string;
}

type TImpactObject = Record<string, Record<string, number>>;

/** An ImpactObject: every life-cycle step present (empty when nothing is booked there), indicator codes inside. */
function impactObject(
  perPhase: Partial<Record<string, TImpacts>>,
  pick: (x: TImpact) => number = (x) => x.value,
): TImpactObject {
  const out: TImpactObject = {};
  for (const ph of PHASES) {
    const cell: Record<string, number> = {};
    const imp = perPhase[ph];
    if (imp)
      for (const c of CRITERIA) {
        const x = imp[c];
        if (x) cell[PCRSI_INDICATORS[c].code] = pick(x);
      }
    out[ph] = cell;
  }
  return out;
}

/**
 * `--format pcr-si`: the result as a Boavizta PCR-SI data format response (see `PCRSI_SPEC`). Mapping: `tags` are
 * the tiers (terminals, network, datacenter, cloud, transfer) with their totals over the life cycle (the `Tag` of
 * the draft API carries impacts by indicator only); `details` are the equipment categories, numbered "1", "2" … in
 * name order; `quality` splits the GWP between figures given in the inventory (`high`) and defaults or archetype
 * factors (`low`), `medium` being 0 (Techcare has two levels). The uncertainty ranges and the methodology, which the
 * format has no place for, go in an `x_techcare` extension object.
 */
export function formatFootprintPcrSi(r: TFootprintResult, options: TPcrSiOptions = {}): string {
  const used = CRITERIA.filter((c) => r.total[c]);
  const tierImpacts = (t: (typeof TIERS)[number]): Record<string, number> => {
    const o: Record<string, number> = {};
    for (const c of CRITERIA) {
      const x = r.byTier[t]?.[c];
      if (x) o[PCRSI_INDICATORS[c].code] = x.value;
    }
    return o;
  };
  const tierOf = (cat: string): string | undefined => categoryTier(r.methodology.factorSet, cat);
  const details: Record<string, unknown> = {};
  Object.entries(r.byCategoryPhase)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .forEach(([cat, perPhase], i) => {
      const tier = tierOf(cat);
      details[String(i + 1)] = {
        type: cat,
        name: cat,
        tags: tier ? [tier] : [],
        impacts: impactObject(perPhase),
        source: r.methodology.factorSet,
        provider: 'Techcare',
      };
    });
  const d = r.dataQuality.defaultShare;
  const doc = {
    metadata: {
      organization: options.organization ?? '',
      dataset: options.dataset ?? `Techcare footprint ${r.methodology.year}`,
      timestamp: options.timestamp ?? new Date().toISOString(),
      provider: 'Techcare',
      sources: [{ name: r.methodology.factorSet, version: r.methodology.factorSet.replace(/^[^-]*-/, '') }],
      version: `PCR-SI_dataformat@${PCRSI_SPEC.responseCommit.slice(0, 7)}`,
      indicators: used.map((c) => ({
        indicator: PCRSI_INDICATORS[c].code,
        source: `${r.methodology.factorSet} (figures and sources: docs/methodology.md)`,
        unit: PCRSI_INDICATORS[c].unit,
      })),
    },
    total_impact: impactObject(r.byPhase),
    tags: TIERS.filter((t) => Object.keys(r.byTier[t] ?? {}).length).map((t) => ({ name: t, impacts: tierImpacts(t) })),
    quality: { high: 1 - d, medium: 0, low: d },
    details,
    x_techcare: {
      methodology: r.methodology,
      lines: r.lines,
      units: r.units,
      total_impact_low: impactObject(r.byPhase, (x) => x.low),
      total_impact_high: impactObject(r.byPhase, (x) => x.high),
      use_electricity_kwh: r.energy.useKwh.value,
      // No silent zero: every cell counted as zero or left out, with its reason and unit count.
      counted_as_zero: r.dataQuality.gaps.map((g) => ({
        category: g.category,
        step: g.phase,
        indicator: PCRSI_INDICATORS[g.criterion].code,
        reason_code: g.code ?? null,
        units: g.units ?? null,
        reason: g.message,
      })),
      warnings: r.warnings.map((w) => ({ line: w.line, code: w.code, message: w.message })),
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The tier of a category, from the factor set the result names (none when that factor set is not shipped). */
function categoryTier(factorSetId: string, cat: string): string | undefined {
  if (cat === 'cloud_instance') return 'cloud';
  if (cat === 'data_transfer') return 'transfer';
  try {
    return getFactorSet(factorSetId).devices[cat]?.tier;
  } catch {
    return undefined;
  }
}

/** Formats a result in one of the four formats. */
export function formatFootprint(
  r: TFootprintResult,
  format: TFootprintFormat,
  lang: 'fr' | 'en' = 'fr',
  pcrSi: TPcrSiOptions = {},
): string {
  switch (format) {
    case 'json':
      return formatFootprintJson(r);
    case 'csv':
      return formatFootprintCsv(r);
    case 'pcr-si':
      return formatFootprintPcrSi(r, pcrSi);
    default:
      return formatFootprintTable(
        r,
        lang === 'en' ? FOOTPRINT_LABELS_EN : FOOTPRINT_LABELS_FR,
        lang === 'en' ? 'en-GB' : 'fr-FR',
      );
  }
}
