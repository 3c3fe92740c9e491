// `npm test`: type check, unit + integration tests (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), then
// browser tests when Chromium is found. It says what it skipped and why, and fails when any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skipped = [];
let failed = false;

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    failed = true;
    console.error(`✗ ${label} failed (exit ${r.status})`);
  }
}

if (!process.env.TEST_DATABASE_URL) skipped.push('PostgreSQL integration runs: TEST_DATABASE_URL is not set (repository tests ran on SQLite only)');

run('type check', 'npx', ['tsc', '--noEmit']);
run('unit and integration tests', 'npx', ['vitest', 'run', ...process.argv.slice(2)]);
if (existsSync(chromium)) {
  run('browser tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], { CHROMIUM_PATH: chromium });
} else {
  skipped.push(`browser tests: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH)`);
}

if (skipped.length) {
  console.log('\nSkipped:');
  for (const s of skipped) console.log(`- ${s}`);
}
console.log(failed ? '\nTest run FAILED' : '\nAll test steps passed');
process.exit(failed ? 1 : 0);
