import { writeCsv } from '../../reports/csv.js';
import type { TNetworkReview } from './build-network-review.js';
import { MIN_GROUP } from './suppression.js';

/** The open-data JSON of a year's review: the aggregates exactly as the page shows them, with the rules applied. */
export function reviewJson(r: TNetworkReview): Record<string, unknown> {
  return {
    ...r,
    units: { gwp: 'kgCO2e', satisfaction: 'mean rating 1..5', shares: 'ratio 0..1' },
    disclosure: { minimumGroup: MIN_GROUP, withheldValue: null },
    // The aggregates are the network's own open data; Etalab's open licence is the French public-sector norm
    // for such data and allows any reuse with attribution.
    licence: {
      name: 'Licence Ouverte / Open Licence 2.0',
      url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
    },
  };
}

/**
 * The open-data CSV of a year's review in long form: `section,dimension,key,metric,value` (one figure a line,
 * UTF-8, comma-separated, empty value = withheld by the disclosure rules).
 */
export function reviewCsv(r: TNetworkReview): string {
  const rows: (string | number | null)[][] = [['section', 'dimension', 'key', 'metric', 'value']];
  const add = (section: string, dimension: string, key: string | number, metric: string, value: number | null) =>
    rows.push([section, dimension, key, metric, value]);
  add('signatories', 'total', r.year, 'count', r.signatories.total);
  add('signatories', 'total', r.year - 1, 'count', r.signatories.previous);
  for (const [dim, list] of [
    ['kind', r.signatories.byKind],
    ['size', r.signatories.bySize],
    ['sector', r.signatories.bySector],
    ['region', r.signatories.byRegion],
  ] as const) {
    for (const c of list) {
      add('signatories', dim, c.code, 'count', c.count);
      add('signatories', dim, c.code, 'previous', c.previous);
    }
  }
  const ws = (dimension: string, key: string | number, l: TNetworkReview['workshops']['total']) => {
    add('workshops', dimension, key, 'workshops', l.workshops);
    add('workshops', dimension, key, 'registrations', l.registrations);
    add('workshops', dimension, key, 'attended', l.attended);
    add('workshops', dimension, key, 'attendance_rate', l.attendanceRate);
    add('workshops', dimension, key, 'feedback', l.feedbackCount);
    add('workshops', dimension, key, 'satisfaction', l.satisfaction);
  };
  ws('total', r.year, r.workshops.total);
  for (const m of r.workshops.months) ws('month', `${r.year}-${String(m.month).padStart(2, '0')}`, m);
  for (const o of r.workshops.organisers) ws('organiser', o.name, o);
  for (const [k, val] of Object.entries(r.training)) if (k !== 'year') add('training', 'total', r.year, k, Number(val));
  for (const [k, val] of Object.entries(r.practices)) add('practices', 'total', r.year, k, val);
  add('actions', 'total', r.year, 'actions', r.actions.actions);
  add('actions', 'total', r.year, 'actions_done', r.actions.actionsDone);
  const f = r.footprint;
  add('footprint', 'total', r.year, 'measured', f.measured);
  add('footprint', 'total', r.year, 'gwp_kgco2e', f.total?.gwp ?? null);
  add('footprint', 'total', r.year, 'gwp_low_kgco2e', f.total?.gwpLow ?? null);
  add('footprint', 'total', r.year, 'gwp_high_kgco2e', f.total?.gwpHigh ?? null);
  add('footprint', 'total', r.year, 'devices', f.total?.devices ?? null);
  add('footprint', 'same_sample', r.year, 'organisations', f.sameSample?.organisations ?? null);
  add('footprint', 'same_sample', r.year - 1, 'gwp_kgco2e', f.sameSample?.gwpBefore ?? null);
  add('footprint', 'same_sample', r.year, 'gwp_kgco2e', f.sameSample?.gwpNow ?? null);
  add('footprint', 'same_sample', r.year, 'change', f.sameSample?.change ?? null);
  for (let i = 0; i < 5; i++) {
    add('maturity', 'level', i + 1, 'organisations', r.maturity?.levels[i] ?? null);
    add('maturity', 'level_previous_year', i + 1, 'organisations', r.maturity?.previousLevels?.[i] ?? null);
  }
  return writeCsv(rows);
}
