// `npm run bench`: runs every bench/*.bench.ts (or the ones named on the command line) and prints their figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && (!wanted.length || wanted.some((w) => f.includes(w))))
  .sort();
let failed = false;
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const r = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
