/**
 * The markdown table of docs/methodology.md, section "Validation against published references", generated from the
 * reference cases. Regenerate with `npx tsx test/reference-cases/print-table.ts`; a test checks the page holds it.
 */
import { evaluateCase, referenceCases, type TReferenceCase, type TCaseResult } from './cases.js';

/** A figure with 4 significant digits, without a trailing exponent for the small ones. */
export function fmt(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a >= 0.01) return String(Number(x.toPrecision(4)));
  return x.toExponential(3);
}
/** A relative difference in per cent; rounding noise (under 0.0005 %) reads as an exact 0. */
const pct = (d: number): string => (Math.abs(d) < 5e-6 ? '0.000 %' : `${d > 0 ? '+' : ''}${(d * 100).toFixed(3)} %`);
const unit = (c: TReferenceCase): string => (c.measure === 'useKwh' ? 'kWh' : 'kgCO2e');

function row(c: TReferenceCase, r: TCaseResult): string {
  const engine = c.check === 'within-range' ? `${fmt(r.low)}–${fmt(r.high)} (typical ${fmt(r.value)})` : fmt(r.value);
  const diff = c.check === 'within-range' ? 'inside the range' : pct(r.difference);
  const status = r.pass ? (c.knownDifference ? 'known difference' : 'pass') : 'FAIL';
  return `| ${c.id} | [${c.source.short}](${c.source.url}) | ${fmt(c.expected)} ${unit(c)} | ${engine} | ${diff} | ${status} |`;
}

/** The table, one line per case, in the order of the cases. */
export function referenceTable(): string {
  const head = ['| id | source | expected | engine | difference | status |', '|---|---|---|---|---|---|'];
  return [...head, ...referenceCases.map((c) => row(c, evaluateCase(c)))].join('\n');
}
