/**
 * Prints the tables of docs/methodology.md, section "Validation against published references":
 * `npx tsx test/reference-cases/print-table.ts`, then paste each between its markers.
 */
import { referenceTable } from './table.js';
import { monteCarloTable } from './monte-carlo-cases.js';

console.log('<!-- reference-cases:start -->');
console.log(referenceTable());
console.log('<!-- reference-cases:end -->\n');
console.log('<!-- monte-carlo:start -->');
console.log(monteCarloTable());
console.log('<!-- monte-carlo:end -->');
