// `npm test`: type check, unit + integration tests (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), then
// browser tests when Chromium is found. It says what it skipped and why, and fails when any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skipped = [];
let failed = false;
const totals = { passed: 0, failed: 0, skipped: 0 };
const reportDir = mkdtempSync(join(tmpdir(), 'techcare-test-report-'));

/** Adds a vitest JSON report's counts to the totals printed on the closing line. */
function count(reportFile) {
  if (!existsSync(reportFile)) return;
  const r = JSON.parse(readFileSync(reportFile, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
const reporters = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, name)}`];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    failed = true;
    console.error(`✗ ${label} failed (exit ${r.status})`);
  }
}

if (!process.env.TEST_DATABASE_URL) skipped.push('PostgreSQL integration runs: TEST_DATABASE_URL is not set (repository tests ran on SQLite only)');

/** Test files that read the shared reference files (official RGESN file, DINUM skills XLSX) from ../shared. */
function testsReadingShared(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testsReadingShared(path));
    else if (/\.test\.tsx?$/.test(name) && /'\.\.', 'shared'|\.\.\/shared\//.test(readFileSync(path, 'utf8'))) found.push(path);
  }
  return found;
}

const vitestArgs = ['vitest', 'run', ...reporters('unit.json'), ...process.argv.slice(2)];
if (!existsSync('../shared/data')) {
  // A checkout without the reference files beside it (CI always has them): those tests cannot run here.
  const files = [...testsReadingShared('src'), ...testsReadingShared('test')];
  for (const f of files) vitestArgs.push('--exclude', f);
  skipped.push(`tests that read ../shared (not found next to the project): ${files.join(', ')}`);
}

run('type check', 'npx', ['tsc', '--noEmit']);
run('unit and integration tests', 'npx', vitestArgs);
if (existsSync(chromium)) {
  run('browser tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...reporters('e2e.json')], { CHROMIUM_PATH: chromium });
} else {
  skipped.push(`browser tests: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH)`);
}

if (skipped.length) {
  console.log('\nSkipped:');
  for (const s of skipped) console.log(`- ${s}`);
}
count(join(reportDir, 'unit.json'));
count(join(reportDir, 'e2e.json'));
rmSync(reportDir, { recursive: true, force: true });
console.log(failed ? '\nTest run FAILED' : '\nAll test steps passed');
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
