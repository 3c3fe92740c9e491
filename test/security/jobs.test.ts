/**
 * Jobs survive crashes: an import whose process was killed is marked failed at the next start (or by the
 * half-minute job), on both engines, while a live import of another instance is left alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nowIso } from '../../src/db/client.js';
import { HEARTBEAT_TIMEOUT_MS, isImportAlive } from '../../src/features/footprint/import-inventory.js';
import { feature as footprint } from '../../src/features/footprint/index.js';
import { testConfig } from '../helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../helpers/db.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';

describeEachDb('imports killed by a crash', (kind) => {
  let t: TTestDb;
  let orgId: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const u = await makeUser(t.db);
    orgId = (await makeOrganisation(t.db, { ownerId: u.id })).id;
  });
  afterAll(() => t.destroy());

  it('are marked failed by the next start once their heartbeat stopped; a live one of another instance is not', async () => {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '..', 'fixtures', 'footprint', 'kill-mid-import.ts'),
        t.url,
        String(orgId),
        '2024',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(child.signal).toBe('SIGKILL');
    const killed = Number(/import (\d+)/.exec(child.stdout)![1]);
    // Another instance's import, alive: its heartbeat is fresh.
    const live = await t.db
      .insertInto('footprint_imports')
      .values({
        organisation_id: orgId,
        year: 2023,
        user_id: null,
        file_name: 'live.csv',
        preset: null,
        status: 'running',
        runner_id: 'another-instance',
        started_at: nowIso(),
        heartbeat_at: nowIso(),
        finished_at: null,
        errors_json: null,
        failure: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const status = async (id: number) =>
      await t.db
        .selectFrom('footprint_imports')
        .select(['status', 'failure', 'runner_id', 'started_at', 'heartbeat_at', 'id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    // The killed process's last heartbeat is older than the timeout (here: the clock is moved on, not waited for).
    const later = new Date(Date.now() + HEARTBEAT_TIMEOUT_MS + 1000);
    await t.db
      .updateTable('footprint_imports')
      .set({ heartbeat_at: nowIso(new Date(Date.now() - HEARTBEAT_TIMEOUT_MS - 1000)) })
      .where('id', '=', killed)
      .execute();
    expect(isImportAlive({ ...(await status(killed)), id: killed })).toBe(false);
    // The next start runs every feature's seed: the footprint seed marks the dead import failed.
    await footprint.seed!({ db: t.db, config: testConfig(), demo: false, log: () => undefined });
    expect(await status(killed)).toMatchObject({ status: 'failed', failure: 'interrupted' });
    expect((await status(live.id)).status).toBe('running');
    expect(isImportAlive({ ...(await status(live.id)), id: live.id })).toBe(true);
    // Once that instance stops beating too, the job fails it as well.
    const ran = await footprint
      .jobs!.find((j) => j.name === 'footprint.stale-imports')!
      .run({ db: t.db, config: testConfig(), now: later });
    expect(ran).toBe(1);
    expect((await status(live.id)).status).toBe('failed');
  }, 180_000);
});
