/**
 * Requests per second and latency of the home page and of a directory search with 2,500 signatory organisations,
 * on SQLite. The server runs in its own process (as in production) so the load generator does not share its event
 * loop. Targets (issue 2): ≥ 1,000 requests/s and p99 < 50 ms on 2 cores.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { openDb } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedAll } from '../src/seed.js';
import { generateNetwork } from './generate-network.js';

const dir = mkdtempSync(join(tmpdir(), 'techcare-bench-http-'));
const url = `sqlite:${join(dir, 'bench.db')}`;
const port = 3900 + Math.floor(Math.random() * 50);

// 1. A database with reference data and 2,500 validated signatories.
const config = loadConfig({ DATABASE_URL: url, TECHCARE_DEMO: 'false', TECHCARE_ADMIN_PASSWORD: 'bench-password-123' });
const db = openDb(url);
await migrateToLatest(db);
await seedAll(db, config, false, () => undefined);
await generateNetwork(db, { organisations: 2500 });
await db.destroy();

// 2. The server, in a child process.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    TECHCARE_DEMO: 'false',
    TECHCARE_ADMIN_PASSWORD: 'bench-password-123',
    LOG_LEVEL: 'silent',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (d: Buffer) => {
    if (d.toString().includes('listening')) resolve();
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});

async function load(title: string, path: string): Promise<void> {
  // Warm-up, then the measured run.
  await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: 2 });
  const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: 10 });
  const ok = r.requests.average >= 1000 && r.latency.p99 < 50;
  console.log(
    `${title.padEnd(28)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ` +
      `errors ${r.errors + r.non2xx}  ${ok ? 'meets target' : 'BELOW TARGET (≥1000 req/s, p99<50 ms)'}`,
  );
}

try {
  await load('home page', '/');
  await load('directory search (2,500 orgs)', '/directory?q=num&kind=company&page=2');
  await load('directory page 1, no filter', '/directory');
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
