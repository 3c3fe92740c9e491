/**
 * Mapping a footprint onto reporting frameworks. The mapping choices (explained on the page):
 * - GHG Protocol / ESRS E1-6: scope 2 = electricity used by the organisation's own devices, network gear and
 *   on-premises servers (use phase of the terminals, network and data-centre tiers); scope 3 category 1 =
 *   purchased services (cloud and data transfer, all phases); category 2 = capital goods (manufacture and
 *   distribution of owned equipment) counted whole in the purchase year; category 5 = end of life of that
 *   equipment (waste); category 11 (use of sold products) concerns vendors of digital products and is not computed.
 * - French BEGES (v5): 2.1 electricity; 4.2 capital goods (immobilisations) amortised over their lifespan;
 *   4.3 waste; 4.5 purchased services.
 */
import type { TFactorSet, TFootprintResult, TPhase, TTier } from '../../lca/index.js';
import type { TMessageKey } from '../../i18n/index.js';
import type { TFootprintExtra } from './compute.js';

export interface TFrameworkRow {
  framework: 'ghg' | 'beges';
  key: TMessageKey;
  gwp: number | null;
  allocation: string | null;
}

/** The tier of a result category (device archetypes carry theirs; cloud and transfer are their own tiers). */
export function tierOf(fs: TFactorSet, category: string): TTier {
  if (category === 'cloud_instance' || category === 'cloud_storage') return 'cloud';
  if (category === 'data_transfer') return 'transfer';
  return fs.devices[fs.aliases[category] ?? category]?.tier ?? 'terminals';
}

function sum(bcp: TFootprintResult['byCategoryPhase'], fs: TFactorSet, tiers: TTier[], phases: TPhase[]): number {
  let s = 0;
  for (const [cat, perPhase] of Object.entries(bcp)) {
    if (!tiers.includes(tierOf(fs, cat))) continue;
    for (const ph of phases) s += perPhase[ph]?.gwp?.value ?? 0;
  }
  return s;
}

/** GWP (kgCO2e) per framework line, each under the allocation that framework asks for. */
export function frameworkRows(fs: TFactorSet, result: TFootprintResult, extra: TFootprintExtra): TFrameworkRow[] {
  const own: TTier[] = ['terminals', 'network', 'datacenter'];
  const services: TTier[] = ['cloud', 'transfer'];
  const alloc = result.methodology.allocation;
  const pick = (wanted: 'amortised' | 'purchase-year') =>
    alloc === wanted
      ? result.byCategoryPhase
      : extra.otherAllocation?.allocation === wanted
        ? extra.otherAllocation.byCategoryPhase
        : null;
  const py = pick('purchase-year');
  const am = pick('amortised');
  const main = result.byCategoryPhase;
  return [
    { framework: 'ghg', key: 'footprint.frameworks.ghg.scope2', gwp: sum(main, fs, own, ['USE']), allocation: null },
    {
      framework: 'ghg',
      key: 'footprint.frameworks.ghg.cat1',
      gwp: sum(main, fs, services, ['BLD', 'DIS', 'USE', 'EOL']),
      allocation: null,
    },
    {
      framework: 'ghg',
      key: 'footprint.frameworks.ghg.cat2',
      gwp: py ? sum(py, fs, own, ['BLD', 'DIS']) : null,
      allocation: 'purchase-year',
    },
    {
      framework: 'ghg',
      key: 'footprint.frameworks.ghg.cat5',
      gwp: py ? sum(py, fs, own, ['EOL']) : null,
      allocation: 'purchase-year',
    },
    { framework: 'ghg', key: 'footprint.frameworks.ghg.cat11', gwp: null, allocation: null },
    { framework: 'beges', key: 'footprint.frameworks.beges.p21', gwp: sum(main, fs, own, ['USE']), allocation: null },
    {
      framework: 'beges',
      key: 'footprint.frameworks.beges.p42',
      gwp: am ? sum(am, fs, own, ['BLD', 'DIS']) : null,
      allocation: 'amortised',
    },
    {
      framework: 'beges',
      key: 'footprint.frameworks.beges.p43',
      gwp: am ? sum(am, fs, own, ['EOL']) : null,
      allocation: 'amortised',
    },
    {
      framework: 'beges',
      key: 'footprint.frameworks.beges.p45',
      gwp: sum(main, fs, services, ['BLD', 'DIS', 'USE', 'EOL']),
      allocation: null,
    },
  ];
}
