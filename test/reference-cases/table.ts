/**
 * The markdown table of docs/methodology.md, section "Validation against published references", generated from the
 * reference cases. Regenerate with `npx tsx test/reference-cases/print-table.ts`; a test checks the page holds it.
 */
import { evaluateCase, referenceCases, type TReferenceCase, type TCaseResult } from './cases.js';
import { fmt } from './format.js';

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
