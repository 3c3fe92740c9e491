/** Prints the reference-case table for docs/methodology.md: `npx tsx test/reference-cases/print-table.ts`. */
import { referenceTable } from './table.js';

console.log(referenceTable());
