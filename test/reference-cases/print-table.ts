/**
 * The tables of docs/methodology.md, section "Validation against published references".
 * `npx tsx test/reference-cases/print-table.ts` prints them; with `--write` it replaces them in the page, between
 * their markers (`reference-cases` and `monte-carlo`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceTable } from './table.js';
import { monteCarloTable } from './monte-carlo-cases.js';

const tables: Record<string, string> = { 'reference-cases': referenceTable(), 'monte-carlo': monteCarloTable() };

if (process.argv.includes('--write')) {
  const page = join(dirname(fileURLToPath(import.meta.url)), '../../docs/methodology.md');
  let doc = readFileSync(page, 'utf8');
  for (const [name, table] of Object.entries(tables)) {
    const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
    if (!re.test(doc)) throw new Error(`docs/methodology.md has no ${name} markers`);
    doc = doc.replace(re, (_m, a: string, b: string) => a + table + b);
  }
  writeFileSync(page, doc);
  console.log('docs/methodology.md updated');
} else {
  for (const [name, table] of Object.entries(tables))
    console.log(`<!-- ${name}:start -->\n${table}\n<!-- ${name}:end -->\n`);
}
