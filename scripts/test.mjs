// `npm test`: type check, lint, format check, unit + integration tests (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), then
// browser tests when Chromium is found. It says what it skipped and why, and fails when any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skipped = [];
let failed = false;
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Tests that ran on PostgreSQL: those inside a `describeEachDb` suite named `… [postgres]`. */
const postgres = { passed: 0, failed: 0, files: new Set() };
const reportDir = mkdtempSync(join(tmpdir(), 'techcare-test-report-'));

/** Adds a vitest JSON report's counts to the totals printed on the closing line. */
function count(reportFile) {
  if (!existsSync(reportFile)) return;
  const r = JSON.parse(readFileSync(reportFile, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const file of r.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (!(test.ancestorTitles ?? []).some((title) => title.endsWith('[postgres]'))) continue;
      if (test.status === 'passed') postgres.passed++;
      else if (test.status === 'failed') postgres.failed++;
      else continue;
      postgres.files.add(file.name);
    }
  }
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

if (!process.env.TEST_DATABASE_URL)
  skipped.push('PostgreSQL integration runs: TEST_DATABASE_URL is not set (repository tests ran on SQLite only)');

const vitestArgs = ['vitest', 'run', ...reporters('unit.json'), ...process.argv.slice(2)];

run('type check', 'npx', ['tsc', '--noEmit']);
run('lint (Biome)', 'npm', ['run', '--silent', 'lint']);
run('format check (Biome)', 'npm', ['run', '--silent', 'format:check']);
run('unit and integration tests', 'npx', vitestArgs);
if (existsSync(chromium)) {
  run(
    'browser tests (Chromium)',
    'npx',
    ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...reporters('e2e.json')],
    { CHROMIUM_PATH: chromium },
  );
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
console.log(
  process.env.TEST_DATABASE_URL
    ? `PostgreSQL runs: ${postgres.passed + postgres.failed} tests in ${postgres.files.size} files ran on PostgreSQL (${postgres.passed} passed, ${postgres.failed} failed)`
    : 'PostgreSQL runs: 0 (TEST_DATABASE_URL is not set)',
);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
