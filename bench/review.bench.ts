/**
 * Benchmark of the annual review (issue 9): a generated network of 2,500 organisations with 5 years of footprint
 * results and inventory lines, assessments, declarations, action plans and workshops; then the server time of the
 * review page (`/review/<last year>` through app.request, rendering included), of its JSON export and of one
 * member's report with its benchmark, on SQLite and on PostgreSQL. Target: the review page under 1 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDb, type DB } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createApp } from '../src/http/app.js';
import { loadCurrentUser } from '../src/http/middleware/session.js';
import { buildMemberReport } from '../src/features/review/build-member-report.js';
import { generateNetwork } from './generate-network.js';

const ORGS = 2500;
const RUNS = 5;
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const year = new Date().getUTCFullYear() - 1;

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: statement caches, JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(
    `  ${label.padEnd(44)} median ${median.toFixed(0).padStart(5)} ms   (min ${ms[0]!.toFixed(0)}, max ${ms[ms.length - 1]!.toFixed(0)})`,
  );
  return median;
}

async function run(kind: string, url: string, db: DB): Promise<boolean> {
  console.log(`\n${kind}`);
  await migrateToLatest(db);
  const t0 = performance.now();
  const { counts, organisationIds } = await generateNetwork(db, { organisations: ORGS, all: true, analyze: false });
  console.log(
    `  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  const app = createApp({
    db,
    config: loadConfig({
      DATABASE_URL: url,
      TECHCARE_DEMO: 'false',
      LOG_LEVEL: 'silent',
      TECHCARE_ADMIN_PASSWORD: 'bench-password-123',
    }),
  });
  const reviewPage = async () => {
    const res = await app.request(`/review/${year}`);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.text();
  };
  // First on tables the planner has no statistics on yet (right after a bulk load), then as in steady state.
  const cold = await time(`GET /review/${year} (page, before ANALYZE)`, RUNS, reviewPage);
  await sql`analyze`.execute(db);
  const page = await time(`GET /review/${year} (page)`, RUNS, reviewPage);
  await time(`GET /review/${year}.json`, RUNS, async () => (await app.request(`/review/${year}.json`)).text());
  // A member's report (with its benchmark), as an administrator would open it.
  const admin = await db
    .insertInto('users')
    .values({
      email: `admin-${Date.now()}@bench.invalid`,
      password_hash: 'x',
      name: 'Admin',
      platform_role: 'admin',
      locale: 'fr',
      email_confirmed_at: null,
      disabled_at: null,
      digest_opt_in: 0,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor = (await loadCurrentUser(db, admin.id))!;
  const member = organisationIds[Math.floor(organisationIds.length / 2)]!;
  await time('member report + benchmark (service)', RUNS, () =>
    buildMemberReport(db, actor, member, year, { includeDemo: false }),
  );
  const ok = page < 1000 && cold < 1000;
  console.log(`  review page target < 1000 ms: ${ok ? 'met' : 'MISSED'}`);
  return ok;
}

let ok = true;
const dir = mkdtempSync(join(tmpdir(), 'techcare-bench-review-'));
const sqliteUrl = `sqlite:${join(dir, 'bench.db')}`;
const sqliteDb = openDb(sqliteUrl);
try {
  ok = (await run('SQLite', sqliteUrl, sqliteDb)) && ok;
} finally {
  await sqliteDb.destroy();
  rmSync(dir, { recursive: true, force: true });
}

const name = `techcare_bench_review_${process.pid}`;
const adminClient = new pg.Client({ connectionString: PG_ADMIN });
try {
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  const pgDb = openDb(u.toString());
  try {
    ok = (await run('PostgreSQL', u.toString(), pgDb)) && ok;
  } finally {
    await pgDb.destroy();
    await adminClient.query(`DROP DATABASE IF EXISTS ${name}`);
  }
} catch (err) {
  console.log(`\nPostgreSQL: skipped (${(err as Error).message})`);
} finally {
  await adminClient.end().catch(() => undefined);
}
process.exit(ok ? 0 : 1);
