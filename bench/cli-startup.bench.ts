/**
 * `npx techcare footprint` end to end, as a user runs it: a new Node process running the compiled CLI (dist/, built
 * by `npm install`), reading a CSV inventory and printing JSON. Targets (issue 17): one line < 0.3 s, 10,000 lines
 * < 0.5 s, 1M lines < 3 s. Each size runs five times (the 1M file twice); the best run is the code's cost, the
 * median says what a loaded machine adds; CPU time (user + system of the child) is printed beside the wall time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInventory } from './footprint-cli.bench.js';

const bin = join(import.meta.dirname, '..', 'bin', 'techcare.js');
if (!existsSync(join(import.meta.dirname, '..', 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

function once(file: string): { ms: number; cpuMs: number; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%U %S', process.execPath, bin, 'footprint', file, '--year', '2025', '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const ms = performance.now() - t0;
  const [user, sys] = (r.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
  return { ms, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000, code: r.status };
}

const dir = mkdtempSync(join(tmpdir(), 'techcare-cli-bench-'));
try {
  const one = join(dir, 'one-line.csv');
  writeFileSync(one, 'category;quantity;lifetime;country\nlaptop;3;5;FRA\n');
  const sizes: Array<[string, string, number, number]> = [
    ['1 line', one, 300, 5],
    ['10,000 lines', await generateInventory(dir, 10_000), 500, 5],
    ['1,000,000 lines', await generateInventory(dir, 1_000_000), 3000, 2],
  ];
  console.log(
    `techcare footprint (compiled), new process per run; load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores`,
  );
  for (const [label, file, targetMs, runs] of sizes) {
    const results = Array.from({ length: runs }, () => once(file));
    if (results.some((r) => r.code !== 0)) console.log(`  ${label}: exit code ${results.map((r) => r.code).join(',')}`);
    const walls = results.map((r) => r.ms).sort((a, b) => a - b);
    const best = walls[0] ?? 0;
    const median = walls[Math.floor(walls.length / 2)] ?? 0;
    const cpu = Math.min(...results.map((r) => r.cpuMs));
    console.log(
      `${label.padStart(16)}: best ${(best / 1000).toFixed(3)} s, median ${(median / 1000).toFixed(3)} s wall, ${(cpu / 1000).toFixed(3)} s CPU — target < ${targetMs / 1000} s: ${best < targetMs ? 'OK' : 'ABOVE TARGET'}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
