/**
 * Benchmark of the footprint engine alone (no file reading): lines per second through the streaming
 * accumulator, and Monte Carlo of 10,000 draws over a 1,000-line inventory (target < 2 s).
 */
import { getFactorSet } from '../src/data/index.js';
import { computeFootprint, createFootprintAccumulator, type TInventoryLine } from '../src/lca/index.js';
import { at } from '../src/lca/checked-index.js';

const fs = getFactorSet();
const KINDS: TInventoryLine[] = [
  { category: 'laptop', quantity: 3, lifespan_years: 5, purchase_year: 2022 },
  { category: 'monitor', quantity: 2, country: 'FR', power_w: 30.5, hours_per_year: 2000 },
  { category: 'smartphone', quantity: 1, lifespan_years: 3, country: 'DEU' },
  { category: 'server', quantity: 1, cpu_units: 2 },
  { category: 'desktop', quantity: 4, annual_kwh: 120 },
  {
    category: 'cloud_instance',
    quantity: 1,
    provider: 'aws',
    instance_type: 'm5.large',
    region: 'eu-west-3',
    hours: 5000,
  },
  { category: 'printer', quantity: 1 },
  { category: 'data_transfer', gigabytes: 120 },
];
const lines = (n: number): TInventoryLine[] =>
  Array.from({ length: n }, (_, i) => ({ ...at(KINDS, i % KINDS.length), label: `item ${i}` }));

function engineOnly(n: number): void {
  const data = lines(n);
  const acc = createFootprintAccumulator(fs, { year: 2025 });
  const t0 = performance.now();
  data.forEach((line, i) => {
    acc.add(line, i + 2);
  });
  acc.result();
  const s = (performance.now() - t0) / 1000;
  console.log(
    `engine alone, ${n.toLocaleString('en')} lines, all criteria: ${s.toFixed(2)} s, ${Math.round(n / s).toLocaleString('en')} lines/s`,
  );
}

function monteCarlo(): void {
  const data = lines(1000);
  const t0 = performance.now();
  const r = computeFootprint(fs, data, { year: 2025, monteCarlo: { draws: 10_000, seed: 1 } });
  const s = (performance.now() - t0) / 1000;
  console.log(
    `Monte Carlo, 10,000 draws over 1,000 lines, all criteria: ${s.toFixed(2)} s ${s < 2 ? 'OK' : 'ABOVE TARGET'} (gwp p05 ${r.monteCarlo?.gwp?.p05.toFixed(0)}, p50 ${r.monteCarlo?.gwp?.p50.toFixed(0)}, p95 ${r.monteCarlo?.gwp?.p95.toFixed(0)} kgCO2e)`,
  );
}

engineOnly(10_000); // warm-up and small size
engineOnly(1_000_000);
monteCarlo();
