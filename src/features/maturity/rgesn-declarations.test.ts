import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DB } from '../../db/client.js';
import { testApp, testConfig, TestClient } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TDbKind, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { answerFingerprint } from './rgesn-assessments.js';
import { declarationsPublishedBy } from './review-aggregates.js';
import { seedMaturity } from './seed.js';

/** The form fields of one criterion as the family page posts them. */
function fields(n: string, status: string, extra: { justification?: string; owner?: string; seen?: string } = {}) {
  const id = n.replace('.', '-');
  return {
    [`status-${id}`]: status,
    [`justification-${id}`]: extra.justification ?? '',
    [`owner-${id}`]: extra.owner ?? '',
    [`due-${id}`]: '',
    [`seen-${id}`]: extra.seen ?? answerFingerprint(undefined),
  };
}

const idIn = (location: string | null, re: RegExp) => Number(re.exec(location ?? '')![1]);

async function orgsDeclaredBy(db: DB, before: string): Promise<number[]> {
  const rows = await db.selectFrom(declarationsPublishedBy(db, before).as('d')).select('d.organisation_id').execute();
  return rows.map((r) => Number(r.organisation_id)).sort((a, b) => a - b);
}

describeEachDb('RGESN declarations are dated snapshots', (kind) => {
  let t: TTestDb;
  let db: DB;
  let alice: TestClient;
  let visitor: TestClient;
  let orgId: number;
  let aid: number;
  let v1: number;
  let v2: number;
  const base = () => `/organisations/${orgId}/rgesn/${aid}`;

  beforeAll(async () => {
    t = await createTestDb(kind);
    db = t.db;
    await seedMaturity({ db, config: testConfig(), demo: false, log: () => undefined });
    const aliceId = (await makeUser(db, { name: 'Alice' })).id;
    orgId = (await makeOrganisation(db, { ownerId: aliceId, name: 'Acme' })).id;
    alice = new TestClient(testApp(db));
    visitor = new TestClient(testApp(db));
    await loginAs(db, alice, aliceId);
    // Two assessments nobody publishes first, so assessment ids and declaration ids differ below.
    for (const name of ['Intranet', 'Extranet'])
      await alice.post(`/organisations/${orgId}/rgesn`, { service_name: name });
    aid = idIn(
      (await alice.post(`/organisations/${orgId}/rgesn`, { service_name: 'Portail' })).headers.get('location'),
      /\/rgesn\/(\d+)/,
    );
    await alice.post(`${base()}/family/1`, fields('1.1', 'validated', { justification: 'Étude initiale' }));
  });
  afterAll(async () => t?.destroy());

  it('asks for confirmation before publishing: the button opens a page whose form publishes; an unconfirmed post only asks', async () => {
    const summary = await (await alice.get(base())).text();
    expect(summary).toContain(`<a class="button" href="${base()}/publish">`);
    const ask = await alice.get(`${base()}/publish`);
    expect(ask.status).toBe(200);
    const html = await ask.text();
    expect(html).toMatch(/Publier la déclaration RGESN de/);
    expect(html).toContain('name="confirm" value="1"');
    const unconfirmed = await alice.post(`${base()}/publish`, { published: '1' });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get('location')).toBe(`${base()}/publish`);
    expect((await alice.get(base())).status).toBe(200);
    expect(await (await alice.get(base())).text()).toContain('id="publication-state"');
    expect(await (await alice.get(base())).text()).not.toMatch(/publiée le/);
  });

  it('publishes version 1; editing the answers afterwards leaves the public page as published and shows unpublished changes', async () => {
    const pub = await alice.post(`${base()}/publish`, { published: '1', confirm: '1' });
    expect(pub.status).toBe(303);
    v1 = idIn(pub.headers.get('location'), /\/declarations\/(\d+)/);
    const before = await (await visitor.get(`/declarations/${v1}`)).text();
    expect(before).toContain('Critères validés (1)');
    expect(await (await alice.get(base())).text()).toContain('correspond aux réponses actuelles');

    const shown = answerFingerprint({
      status: 'validated',
      justification: 'Étude initiale',
      actionOwner: null,
      actionDue: null,
    });
    await alice.post(`${base()}/family/1`, {
      ...fields('1.1', 'not_validated', { justification: 'Revue', seen: shown }),
      ...fields('1.3', 'validated'),
      ...fields('1.4', 'in_progress', { owner: 'Zoé' }),
    });
    const after = await (await visitor.get(`/declarations/${v1}`)).text();
    expect(after).toBe(before);
    expect(after).not.toContain('Zoé');
    const summary = await (await alice.get(base())).text();
    expect(summary).toContain('Modifications non publiées');
    expect(summary).toContain('Publier une nouvelle version');
    expect(await (await alice.get(`/organisations/${orgId}/rgesn`)).text()).toContain('modifications non publiées');
    const preview = await (await alice.get(`${base()}/declaration`)).text();
    expect(preview).toContain('Zoé');
  });

  it('republishing creates version 2: the page shows it and lists the earlier dated version, which stays as it was', async () => {
    const pub = await alice.post(`${base()}/publish`, { published: '1', confirm: '1' });
    v2 = idIn(pub.headers.get('location'), /\/declarations\/(\d+)/);
    expect(v2).not.toBe(v1);
    const rows = await db
      .selectFrom('rgesn_declarations')
      .select(['id', 'version'])
      .where('assessment_id', '=', aid)
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      { id: v1, version: 1 },
      { id: v2, version: 2 },
    ]);
    const latest = await (await visitor.get(`/declarations/${v2}`)).text();
    expect(latest).toContain('Zoé');
    expect(latest).toContain('Versions publiées');
    expect(latest).toContain(`href="/declarations/${v1}"`);
    const old = await (await visitor.get(`/declarations/${v1}`)).text();
    expect(old).toContain('remplacée par une version plus récente');
    expect(old).toContain(`href="/declarations/${v2}"`);
    expect(old).not.toContain('Zoé');
    // Nothing changed since: publishing again adds no version.
    const again = await alice.post(`${base()}/publish`, { published: '1', confirm: '1' });
    expect(again.headers.get('location')).toContain(`/declarations/${v2}?`);
    expect(
      await db.selectFrom('rgesn_declarations').select('id').where('assessment_id', '=', aid).execute(),
    ).toHaveLength(2);
    expect(await (await alice.get(base())).text()).toContain('correspond aux réponses actuelles');
    // The sitemap names the latest version only.
    const sitemap = await (await visitor.get('/sitemap.xml')).text();
    expect(sitemap).toContain(`/declarations/${v2}<`);
    expect(sitemap).not.toContain(`/declarations/${v1}<`);
  });

  it('redirects an old link (the assessment id) to the latest version, the PDF too', async () => {
    expect(aid).not.toBe(v2);
    const res = await visitor.get(`/declarations/${aid}?lang=en`);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/declarations/${v2}?lang=en`);
    const pdf = await visitor.get(`/declarations/${aid}/pdf`);
    expect(pdf.status).toBe(301);
    expect(pdf.headers.get('location')).toBe(`/declarations/${v2}/pdf`);
  });

  it('defaults a new assessment’s previous score to the last published score of the same service', async () => {
    const v2Score = (
      await db.selectFrom('rgesn_declarations').select('score').where('id', '=', v2).executeTakeFirstOrThrow()
    ).score;
    const res = await alice.post(`/organisations/${orgId}/rgesn`, { service_name: 'Portail' });
    const next = idIn(res.headers.get('location'), /\/rgesn\/(\d+)/);
    const row = await db
      .selectFrom('rgesn_assessments')
      .select('previous_score')
      .where('id', '=', next)
      .executeTakeFirstOrThrow();
    expect(Number(row.previous_score)).toBeCloseTo(Number(v2Score), 10);
  });

  it('withdrawal answers 404 to visitors for every version, leaves the sitemap and the review counts the past only', async () => {
    const year = new Date().getUTCFullYear();
    const nextYear = `${year + 1}-01-01T00:00:00.000Z`;
    expect(await orgsDeclaredBy(db, nextYear)).toContain(orgId);
    const beforeWithdrawal = new Date(Date.now() - 1).toISOString();
    const res = await alice.post(`${base()}/publish`, { published: '0' });
    expect(res.status).toBe(303);
    for (const id of [v1, v2, aid]) expect((await visitor.get(`/declarations/${id}`)).status).toBe(404);
    expect((await visitor.get(`/declarations/${v2}/pdf`)).status).toBe(404);
    const member = await alice.get(`/declarations/${v2}`);
    expect(member.status).toBe(200);
    expect(await member.text()).toContain('Publication retirée');
    expect(await (await visitor.get('/sitemap.xml')).text()).not.toContain('/declarations/');
    // Published (and not yet withdrawn) as of an instant before the withdrawal: still counted then; not after.
    expect(await orgsDeclaredBy(db, beforeWithdrawal)).toContain(orgId);
    expect(await orgsDeclaredBy(db, nextYear)).not.toContain(orgId);
    // A later publication is a new version and public again.
    const pub = await alice.post(`${base()}/publish`, { published: '1', confirm: '1' });
    const v3 = idIn(pub.headers.get('location'), /\/declarations\/(\d+)/);
    expect(
      (await db.selectFrom('rgesn_declarations').select('version').where('id', '=', v3).executeTakeFirstOrThrow())
        .version,
    ).toBe(3);
    expect((await visitor.get(`/declarations/${v3}`)).status).toBe(200);
    expect(await orgsDeclaredBy(db, nextYear)).toEqual([orgId]);
  });

  it('keeps counting assessments published without a snapshot (written directly) in the review aggregate', async () => {
    const other = (await makeOrganisation(db, { ownerId: (await makeUser(db)).id })).id;
    const ref = (await db.selectFrom('rgesn_referentials').select('id').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('rgesn_assessments')
      .values({
        organisation_id: other,
        referential_id: ref,
        service_name: 'S',
        service_url: null,
        previous_score: null,
        target_score: null,
        target_date: null,
        published_at: '2025-04-01T00:00:00.000Z',
        published_score: 50,
        created_by: null,
        created_at: '2025-04-01T00:00:00.000Z',
        updated_at: '2025-04-01T00:00:00.000Z',
      })
      .execute();
    expect(await orgsDeclaredBy(db, '2026-01-01T00:00:00.000Z')).toEqual([other]);
    expect(await orgsDeclaredBy(db, '2025-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('lets members only publish or withdraw', async () => {
    const strangerId = (await makeUser(db)).id;
    await addMember(db, (await makeOrganisation(db, { ownerId: strangerId })).id, (await makeUser(db)).id);
    const stranger = new TestClient(testApp(db));
    await loginAs(db, stranger, strangerId);
    expect((await stranger.post(`${base()}/publish`, { published: '0' })).status).toBe(403);
    expect((await visitor.post(`${base()}/publish`, { published: '1' })).status).toBe(303);
  });

  it('the directory page of an organisation links its published declarations, and no longer once withdrawn', async () => {
    const ownerId = (await makeUser(db, { name: 'Bea' })).id;
    const org = await makeOrganisation(db, { ownerId, name: 'Annuaire', signed: true });
    const bea = new TestClient(testApp(db));
    await loginAs(db, bea, ownerId);
    const a = idIn(
      (await bea.post(`/organisations/${org.id}/rgesn`, { service_name: 'Site vitrine' })).headers.get('location'),
      /\/rgesn\/(\d+)/,
    );
    expect(await (await visitor.get(`/directory/${org.slug}`)).text()).not.toContain('id="declarations-title"');
    const pub = await bea.post(`/organisations/${org.id}/rgesn/${a}/publish`, { published: '1', confirm: '1' });
    const declId = idIn(pub.headers.get('location'), /\/declarations\/(\d+)/);
    const page = await (await visitor.get(`/directory/${org.slug}`)).text();
    expect(page).toContain('id="declarations-title"');
    expect(page).toContain(`<a href="/declarations/${declId}">Site vitrine</a>`);
    await bea.post(`/organisations/${org.id}/rgesn/${a}/publish`, { published: '0' });
    expect(await (await visitor.get(`/directory/${org.slug}`)).text()).not.toContain(`/declarations/${declId}`);
  });
});

/** The migration files, imported through the test runner (Kysely's own file provider cannot load .ts). */
const migrationFiles: MigrationProvider = {
  async getMigrations() {
    const dir = path.join(process.cwd(), 'src/db/migrations');
    const out: Record<string, Migration> = {};
    for (const f of (await fs.readdir(dir)).filter((x) => /^\d{4}-[a-z0-9-]+\.ts$/.test(x)).sort())
      out[f.replace(/\.ts$/, '')] = (await import(path.join(dir, f))) as Migration;
    return out;
  },
};

/** An empty database, to migrate step by step (a deployment from before snapshots) (a deployment from before snapshots). */
async function legacyDb(kind: TDbKind): Promise<{ db: DB; destroy: () => Promise<void> }> {
  let db: DB;
  let destroy: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'techcare-legacy-'));
    db = openDb(`sqlite:${path.join(dir, 'legacy.db')}`);
    destroy = async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const admin = process.env.TEST_DATABASE_URL!;
    const name = `techcare_l_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    db = openDb(url.toString());
    destroy = async () => {
      await db.destroy();
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    };
  }
  return { db, destroy };
}

describeEachDb('RGESN declarations: migration of declarations published before snapshots', (kind) => {
  it('turns each published assessment into version 1 and keeps its old link working', async () => {
    const { db, destroy } = await legacyDb(kind);
    try {
      const migrator = new Migrator({ db, provider: migrationFiles });
      const first = await migrator.migrateTo('0020-maturity');
      expect(first.error).toBeUndefined();
      const ref =
        (await db.selectFrom('rgesn_referentials').select('id').executeTakeFirst())?.id ??
        (
          await db
            .insertInto('rgesn_referentials')
            .values({ version: '2024', source: 'shipped', imported_by: null, imported_at: '2024-01-01T00:00:00.000Z' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const ownerId = (await makeUser(db)).id;
      const orgId = (await makeOrganisation(db, { ownerId, name: 'Ancienne' })).id;
      const at = '2025-03-01T00:00:00.000Z';
      const ids: number[] = [];
      for (const published of [false, false, true]) {
        const row = await db
          .insertInto('rgesn_assessments')
          .values({
            organisation_id: orgId,
            referential_id: ref,
            service_name: 'Vieux portail',
            service_url: null,
            previous_score: 10,
            target_score: null,
            target_date: null,
            published_at: published ? at : null,
            published_score: published ? 42 : null,
            created_by: null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      const done = await migrator.migrateToLatest();
      expect(done.error).toBeUndefined();
      const snaps = await db.selectFrom('rgesn_declarations').selectAll().execute();
      expect(snaps).toHaveLength(1);
      expect(snaps[0]).toMatchObject({
        assessment_id: ids[2],
        version: 1,
        published_at: at,
        service_name: 'Vieux portail',
      });
      expect(Number(snaps[0]!.score)).toBe(42);
      expect(snaps[0]!.id).toBeGreaterThan(Math.max(...ids));
      const visitor = new TestClient(testApp(db));
      const old = await visitor.get(`/declarations/${ids[2]}`);
      expect(old.status).toBe(301);
      expect(old.headers.get('location')).toBe(`/declarations/${snaps[0]!.id}`);
      const page = await (await visitor.get(`/declarations/${snaps[0]!.id}`)).text();
      expect(page).toContain('Ancienne');
      expect(page).toContain('42 / 100');
      expect((await visitor.get(`/declarations/${ids[0]}`)).status).toBe(404);
    } finally {
      await destroy();
    }
  });
});
