/**
 * Output formats of a footprint result: json (the CLI contract), csv (one row per category × phase ×
 * criterion), table (readable, French or English), pcr-si (exchange format after Boavizta's PCR-SI data format).
 */
import { CRITERIA, formatWarning, PHASES, TIERS, type TCriterion, type TFootprintResult, type TImpact, type TImpacts } from '../lca/index.js';

export const FOOTPRINT_FORMATS = ['table', 'json', 'csv', 'pcr-si'] as const;
export type TFootprintFormat = (typeof FOOTPRINT_FORMATS)[number];

/** The contract's JSON object (contracts.md, "Footprint CLI"), extended with energy and data-quality details. */
export function toFootprintJson(r: TFootprintResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    methodology: r.methodology, lines: r.lines, units: r.units, total: r.total, byPhase: r.byPhase, byTier: r.byTier,
    byCategory: r.byCategory, energy: r.energy, dataQuality: r.dataQuality, warnings: r.warnings,
  };
  if (r.monteCarlo) out.monteCarlo = r.monteCarlo;
  return out;
}

/** `--format json`: one object, unrounded values. */
export function formatFootprintJson(r: TFootprintResult): string {
  return JSON.stringify(toFootprintJson(r), null, 2) + '\n';
}

const csvCell = (s: string | number): string => {
  const t = String(s);
  return /[",\n;]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/** `--format csv`: one row per category × phase × criterion present, unrounded, decimal point, `,` separated. */
export function formatFootprintCsv(r: TFootprintResult): string {
  const rows = ['category,phase,criterion,value,low,high,unit'];
  for (const [cat, phases] of Object.entries(r.byCategoryPhase)) {
    for (const ph of PHASES) {
      const imp = phases[ph];
      if (!imp) continue;
      for (const c of CRITERIA) {
        const x = imp[c];
        if (x) rows.push([cat, ph, c, x.value, x.low, x.high, x.unit].map(csvCell).join(','));
      }
    }
  }
  return rows.join('\n') + '\n';
}

/** Words of the readable table; French by default, English alongside. */
export interface TFootprintLabels {
  title: string; factorSet: string; allocation: string; year: string; country: string; lines: string; units: string;
  criterion: string; value: string; low: string; high: string; total: string; byPhase: string; byTier: string;
  byCategory: string; defaultShare: string; warnings: string; monteCarlo: string; draws: string; seed: string;
  phases: Record<string, string>; tiers: Record<string, string>; criteria: Record<TCriterion, string>; allocations: Record<string, string>;
  energy: string;
}
export const FOOTPRINT_LABELS_FR: TFootprintLabels = {
  title: 'Empreinte environnementale du numérique', factorSet: 'Jeu de facteurs', allocation: 'Allocation', year: 'Année',
  country: 'Pays par défaut', lines: 'Lignes', units: 'Équipements', criterion: 'Indicateur', value: 'Valeur', low: 'Basse',
  high: 'Haute', total: 'Total', byPhase: 'Par phase', byTier: 'Par tiers', byCategory: 'Par catégorie',
  defaultShare: 'Part du GWP reposant sur des valeurs par défaut', warnings: 'Avertissements', monteCarlo: 'Monte-Carlo',
  draws: 'tirages', seed: 'graine', energy: 'Électricité en usage',
  phases: { BLD: 'Fabrication', DIS: 'Distribution', USE: 'Usage', EOL: 'Fin de vie' },
  tiers: { terminals: 'Terminaux', network: 'Réseau', datacenter: 'Centres de données', cloud: 'Cloud', transfer: 'Transfert de données' },
  criteria: { gwp: 'Changement climatique', adpe: 'Ressources abiotiques (minéraux, métaux)', wu: 'Usage de l’eau', pe: 'Énergie primaire', ap: 'Acidification', pm: 'Particules fines', ir: 'Rayonnements ionisants' },
  allocations: { amortised: 'amortie sur la durée de vie', 'purchase-year': 'l’année d’achat' },
};
export const FOOTPRINT_LABELS_EN: TFootprintLabels = {
  title: 'Digital environmental footprint', factorSet: 'Factor set', allocation: 'Allocation', year: 'Year',
  country: 'Default country', lines: 'Lines', units: 'Units', criterion: 'Criterion', value: 'Value', low: 'Low',
  high: 'High', total: 'Total', byPhase: 'By phase', byTier: 'By tier', byCategory: 'By category',
  defaultShare: 'Share of GWP resting on defaults', warnings: 'Warnings', monteCarlo: 'Monte Carlo', draws: 'draws',
  seed: 'seed', energy: 'Use-phase electricity',
  phases: { BLD: 'Manufacture', DIS: 'Distribution', USE: 'Use', EOL: 'End of life' },
  tiers: { terminals: 'Terminals', network: 'Network', datacenter: 'Data centres', cloud: 'Cloud', transfer: 'Data transfer' },
  criteria: { gwp: 'Climate change', adpe: 'Abiotic resources (minerals, metals)', wu: 'Water use', pe: 'Primary energy', ap: 'Acidification', pm: 'Particulate matter', ir: 'Ionising radiation' },
  allocations: { amortised: 'amortised over the lifespan', 'purchase-year': 'in the purchase year' },
};

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}

/** `--format table`: a readable summary, numbers rounded to 3 significant digits (only here: the engine never rounds). */
export function formatFootprintTable(r: TFootprintResult, labels: TFootprintLabels = FOOTPRINT_LABELS_FR, locale = 'fr-FR'): string {
  const lang = locale.startsWith('en') ? 'en' : 'fr';
  const nf = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const n = (x: number): string => nf.format(x).replace(/[\u202f\u00a0]/g, ' ');
  const row = (name: string, x: TImpact): string[] => [name, n(x.value), n(x.low), n(x.high), x.unit];
  const head = [labels.criterion, labels.value, labels.low, labels.high, ''];
  const out: string[] = [];
  out.push(labels.title);
  out.push(`${labels.factorSet}: ${r.methodology.factorSet} · ${labels.allocation}: ${labels.allocations[r.methodology.allocation] ?? r.methodology.allocation} · ${labels.year}: ${r.methodology.year} · ${labels.country}: ${r.methodology.country}`);
  out.push(`${labels.lines}: ${n(r.lines)} · ${labels.units}: ${n(r.units)}`);
  out.push('');
  out.push(`${labels.total}`);
  out.push(pad([head, ...CRITERIA.filter((c) => r.total[c]).map((c) => row(labels.criteria[c], r.total[c] as TImpact))]));
  const gwpBlock = (title: string, entries: [string, TImpacts][]): void => {
    const rows = entries.filter(([, v]) => v.gwp).map(([k, v]) => row(k, v.gwp as TImpact));
    if (!rows.length) return;
    out.push('');
    out.push(`${title} (${labels.criteria.gwp})`);
    out.push(pad([head, ...rows]));
  };
  gwpBlock(labels.byPhase, PHASES.map((p) => [labels.phases[p], r.byPhase[p]]));
  gwpBlock(labels.byTier, TIERS.map((t) => [labels.tiers[t], r.byTier[t]]));
  gwpBlock(labels.byCategory, Object.entries(r.byCategory));
  out.push('');
  out.push(`${labels.energy}: ${n(r.energy.useKwh.value)} kWh (${n(r.energy.useKwh.low)} – ${n(r.energy.useKwh.high)})`);
  out.push(`${labels.defaultShare}: ${n(r.dataQuality.defaultShare * 100)} %`);
  if (r.monteCarlo) {
    const mc = r.monteCarlo;
    out.push('');
    out.push(`${labels.monteCarlo} (${n(mc.draws)} ${labels.draws}, ${labels.seed} ${mc.seed})`);
    out.push(pad([[labels.criterion, 'p05', 'p50', 'p95'], ...CRITERIA.filter((c) => mc[c]).map((c) => { const q = mc[c] as { p05: number; p50: number; p95: number }; return [labels.criteria[c], n(q.p05), n(q.p50), n(q.p95)]; })]));
  }
  if (r.warnings.length) {
    out.push('');
    out.push(`${labels.warnings} (${r.warnings.length})`);
    for (const w of r.warnings.slice(0, 20)) out.push(`- ${formatWarning(w, lang)}`);
  }
  return out.join('\n') + '\n';
}

const PCRSI_CODES: Record<TCriterion, string> = { gwp: 'GWP', adpe: 'ADPe', wu: 'WU', pe: 'PE', ap: 'AP', pm: 'PM', ir: 'IR' };

/**
 * `--format pcr-si`: an exchange document after the Boavizta PCR-SI data format (MIT): the assessed perimeter,
 * then impacts per equipment category × life-cycle phase × criterion (criterion codes of PCR-SI), with the
 * uncertainty range. See docs/methodology.md for the mapping.
 */
export function formatFootprintPcrSi(r: TFootprintResult): string {
  const impacts: Record<string, unknown>[] = [];
  for (const [cat, phases] of Object.entries(r.byCategoryPhase)) {
    for (const ph of PHASES) {
      const imp = phases[ph];
      if (!imp) continue;
      for (const c of CRITERIA) {
        const x = imp[c];
        if (x) impacts.push({ equipment: cat, phase: ph, criterion: PCRSI_CODES[c], value: x.value, min: x.low, max: x.high, unit: x.unit });
      }
    }
  }
  const doc = {
    format: 'pcr-si',
    formatReference: 'Boavizta PCR-SI data format (https://github.com/Boavizta), as mapped in docs/methodology.md',
    generator: 'techcare',
    perimeter: { reportingYear: r.methodology.year, allocation: r.methodology.allocation, defaultCountry: r.methodology.country, lines: r.lines, units: r.units },
    methodology: { factorSet: r.methodology.factorSet, dataQuality: { defaultShare: r.dataQuality.defaultShare } },
    totals: Object.fromEntries(CRITERIA.filter((c) => r.total[c]).map((c) => [PCRSI_CODES[c], { value: r.total[c]?.value, min: r.total[c]?.low, max: r.total[c]?.high, unit: r.total[c]?.unit }])),
    flows: { electricityUseKwh: r.energy.useKwh.value },
    impacts,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Formats a result in one of the four formats. */
export function formatFootprint(r: TFootprintResult, format: TFootprintFormat, lang: 'fr' | 'en' = 'fr'): string {
  switch (format) {
    case 'json': return formatFootprintJson(r);
    case 'csv': return formatFootprintCsv(r);
    case 'pcr-si': return formatFootprintPcrSi(r);
    default: return formatFootprintTable(r, lang === 'en' ? FOOTPRINT_LABELS_EN : FOOTPRINT_LABELS_FR, lang === 'en' ? 'en-GB' : 'fr-FR');
  }
}
