/**
 * Benchmark of the platform's footprint import and result page:
 * - import of a generated 100,000-line inventory CSV through the real service (stream, validate, compute, one
 *   transaction with batched inserts), on SQLite and on PostgreSQL (TEST_DATABASE_URL, or
 *   postgres://postgres@127.0.0.1:5432/test; a temporary database is created and dropped);
 * - server time of the result page of that inventory (precomputed result), median of 30 requests, and its
 *   element count (EcoIndex grade A needs about ≤ 350 DOM elements).
 * Targets: import < 10 s, page < 100 ms.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type DB } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { TestClient, testApp } from '../test/helpers/app.js';
import { loginAs, makeOrganisation, makeUser } from '../test/helpers/factories.js';
import { createImportRow, runImport } from '../src/features/footprint/import-inventory.js';

const LINES = Number(process.env.BENCH_LINES ?? 100_000);

function generate(path: string, n: number): void {
  const kinds = [
    (i: number) =>
      `laptop,${1 + (i % 3)},${4 + (i % 3)},${2019 + (i % 6)},FRA,,,,,,Entité ${i % 12},Site ${i % 7},PC-${i}`,
    (i: number) => `monitor,${1 + (i % 2)},7,${2018 + (i % 7)},FRA,,,,,,Entité ${i % 12},Site ${i % 7},MON-${i}`,
    (i: number) => `smartphone,1,3,${2021 + (i % 4)},FRA,,,,,,Entité ${i % 12},,TEL-${i}`,
    (i: number) => `server,1,6,${2019 + (i % 5)},FRA,1.6,,,,,IT,Datacentre,SRV-${i}`,
    (i: number) => `cloud_instance,1,,,,,aws,m5.large,eu-west-3,${720 + (i % 8000)},IT,,VM-${i}`,
    (i: number) => `data_transfer,,,,,,,,,,Entité ${i % 12},,TR-${i}`.replace('data_transfer,,', `data_transfer,,`),
  ];
  const rows = [
    'category,quantity,lifespan_years,purchase_year,country,pue,provider,instance_type,region,hours,entity,site,label',
  ];
  for (let i = 0; i < n; i++) {
    const k = i % 20;
    const kind = k < 9 ? 0 : k < 14 ? 1 : k < 17 ? 2 : k === 17 ? 3 : k === 18 ? 4 : 5;
    rows.push(kinds[kind]!(i));
  }
  // data_transfer lines need gigabytes: add the column at the end for every row.
  const withGb = rows.map((r, i) =>
    i === 0 ? `${r},gigabytes` : r.startsWith('data_transfer') ? `${r},${100 + (i % 900)}` : `${r},`,
  );
  writeFileSync(path, withGb.join('\n') + '\n');
}

type TDbKind = 'sqlite' | 'postgres';

/** A fresh migrated database (test/helpers/db.ts imports vitest, so benches make their own). */
async function createBenchDb(kind: TDbKind): Promise<{ db: DB; destroy: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const d = mkdtempSync(join(tmpdir(), 'techcare-bench-db-'));
    const db = openDb(`sqlite:${join(d, 'bench.db')}`);
    await migrateToLatest(db);
    return {
      db,
      destroy: async () => {
        await db.destroy();
        rmSync(d, { recursive: true, force: true });
      },
    };
  }
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `techcare_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = openDb(url.toString());
  await migrateToLatest(db);
  return {
    db,
    destroy: async () => {
      await db.destroy();
      const k = new pg.Client({ connectionString: admin });
      await k.connect();
      await k.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await k.end();
    },
  };
}

async function run(kind: TDbKind, file: string): Promise<void> {
  const t = await createBenchDb(kind);
  try {
    const user = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: user.id });
    const target = { orgId: org.id, year: 2025, userId: user.id, source: 'bench' };
    const importId = await createImportRow(t.db, target, 'bench.csv', null);
    const mem0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const out = await runImport(t.db, importId, target, { kind: 'file', path: file });
    const secs = (performance.now() - t0) / 1000;
    if (!out.ok) throw new Error(`import failed: ${JSON.stringify(out.errors.slice(0, 3))} ${out.failure}`);
    console.log(
      `[${kind}] import of ${LINES.toLocaleString('en')} lines: ${secs.toFixed(2)} s (${Math.round(LINES / secs).toLocaleString('en')} lines/s, rss +${Math.round((process.memoryUsage().rss - mem0) / 1e6)} MB) ${secs < 10 ? 'OK' : 'OVER TARGET (10 s)'}`,
    );

    const client = new TestClient(testApp(t.db));
    await loginAs(t.db, client, user.id);
    const path = `/organisations/${org.id}/footprint/2025`;
    let html = '';
    for (let i = 0; i < 3; i++) html = await (await client.get(path)).text();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      const res = await client.get(path);
      html = await res.text();
      times.push(performance.now() - s);
      if (res.status !== 200) throw new Error(`result page answered ${res.status}`);
    }
    times.sort((a, b) => a - b);
    const elements = (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length;
    console.log(
      `[${kind}] result page: median ${times[15]!.toFixed(1)} ms, p95 ${times[28]!.toFixed(1)} ms, ${elements} elements, ${(html.length / 1024).toFixed(1)} KB ${times[15]! < 100 ? 'OK' : 'OVER TARGET (100 ms)'}`,
    );
  } finally {
    await t.destroy();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'techcare-bench-'));
const file = join(dir, 'inventory.csv');
generate(file, LINES);
try {
  await run('sqlite', file);
  try {
    await run('postgres', file);
  } catch (err) {
    console.log(`[postgres] skipped or failed: ${(err as Error).message}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
