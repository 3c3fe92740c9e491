import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { isSignatory } from '../organisations/index.js';
import { decideSignature, listPendingSignatures } from './sign-manifesto.js';
import { ensureManifestoVersions } from './versions.js';

describeEachDb('manifesto', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await ensureManifestoVersions(t.db);
  });
  afterAll(() => t.destroy());

  async function setup(orgKind: 'company' | 'school' = 'company') {
    const u = await makeUser(t.db, { name: 'Owner Person' });
    const org = await makeOrganisation(t.db, { ownerId: u.id, kind: orgKind });
    const client = new TestClient(testApp(t.db));
    await loginAs(t.db, client, u.id);
    const admin = await loadCurrentUser(t.db, (await makeUser(t.db, { admin: true })).id);
    return { u, org, client, admin: admin! };
  }

  it('shows both versions on the public page, in French and English', async () => {
    const app = testApp(t.db);
    const fr = await (await app.request('/manifesto')).text();
    expect(fr).toContain('Manifeste pour les entreprises du numérique');
    expect(fr).toContain('Manifeste pour les écoles');
    const en = await (await app.request('/manifesto?lang=en')).text();
    expect(en).toContain('Manifesto for schools and higher education');
  });

  it('records a pending signature of the version matching the kind, then blocks a second one', async () => {
    const { org, client } = await setup('school');
    expect(
      (await client.post(`/organisations/${org.id}/sign`, { signer_name: 'Owner Person', signer_role: 'Director' }))
        .status,
    ).toBe(422);
    const res = await client.post(`/organisations/${org.id}/sign`, {
      signer_name: 'Owner Person',
      signer_role: 'Director',
      commitment: '1',
    });
    expect(res.status).toBe(303);
    const sig = await t.db
      .selectFrom('signatures')
      .innerJoin('manifesto_versions', 'manifesto_versions.id', 'signatures.manifesto_version_id')
      .select(['status', 'audience', 'version', 'signer_role'])
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(sig).toEqual({ status: 'pending', audience: 'school', version: '2026-1', signer_role: 'Director' });
    await client.post(`/organisations/${org.id}/sign`, {
      signer_name: 'Owner Person',
      signer_role: 'Director',
      commitment: '1',
    });
    expect(
      await t.db.selectFrom('signatures').select('id').where('organisation_id', '=', org.id).execute(),
    ).toHaveLength(1);
    expect(await isSignatory(t.db, org.id)).toBe(false);
  });

  it('refuses signing to members who are not owners', async () => {
    const { org } = await setup();
    const member = await makeUser(t.db);
    await t.db
      .insertInto('memberships')
      .values({ organisation_id: org.id, user_id: member.id, role: 'member', created_at: new Date().toISOString() })
      .execute();
    const mc = new TestClient(testApp(t.db));
    await loginAs(t.db, mc, member.id);
    expect(
      (await mc.post(`/organisations/${org.id}/sign`, { signer_name: 'X', signer_role: 'Y', commitment: '1' })).status,
    ).toBe(403);
  });

  it('validation by an administrator makes a signatory and mails the owners', async () => {
    const { u, org, client, admin } = await setup();
    await client.post(`/organisations/${org.id}/sign`, {
      signer_name: 'Owner Person',
      signer_role: 'CEO',
      commitment: '1',
    });
    const pending = (await listPendingSignatures(t.db)).find((p) => p.organisationId === org.id)!;
    const toAdmin = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', admin.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(toAdmin.body_text).toContain('/admin/signatures');
    const owner = (await loadCurrentUser(t.db, u.id))!;
    await expect(decideSignature(t.db, testConfig(), owner, pending.id, { validate: true })).rejects.toThrow();
    await decideSignature(t.db, testConfig(), admin, pending.id, { validate: true });
    expect(await isSignatory(t.db, org.id)).toBe(true);
    const mail = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', u.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('validée');
    expect(mail.body_text).toContain(`/directory/${org.slug}`);
    await expect(
      decideSignature(t.db, testConfig(), admin, pending.id, { validate: false, reason: 'x' }),
    ).rejects.toThrow();
    // Same version again: refused; a newer version: allowed.
    await client.post(`/organisations/${org.id}/sign`, {
      signer_name: 'Owner Person',
      signer_role: 'CEO',
      commitment: '1',
    });
    expect((await listPendingSignatures(t.db)).some((p) => p.organisationId === org.id)).toBe(false);
    const newer = await t.db
      .insertInto('manifesto_versions')
      .values({ audience: 'company', version: `test-${kind}-2`, published_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await client.post(`/organisations/${org.id}/sign`, {
      signer_name: 'Owner Person',
      signer_role: 'CEO',
      commitment: '1',
    });
    expect((await listPendingSignatures(t.db)).find((p) => p.organisationId === org.id)?.version).toBe(
      `test-${kind}-2`,
    );
    await t.db.deleteFrom('signatures').where('manifesto_version_id', '=', newer.id).execute();
    await t.db.deleteFrom('manifesto_versions').where('id', '=', newer.id).execute();
  });

  it('rejection carries the reason to the owners, who may sign again', async () => {
    const { u, org, client, admin } = await setup();
    await client.post(`/organisations/${org.id}/sign`, {
      signer_name: 'Owner Person',
      signer_role: 'CEO',
      commitment: '1',
    });
    const pending = (await listPendingSignatures(t.db)).find((p) => p.organisationId === org.id)!;
    await decideSignature(t.db, testConfig(), admin, pending.id, { validate: false, reason: 'Profil incomplet' });
    const mail = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', u.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Profil incomplet');
    expect(await (await client.get(`/organisations/${org.id}`)).text()).toContain('Profil incomplet');
    expect(
      (
        await client.post(`/organisations/${org.id}/sign`, {
          signer_name: 'Owner Person',
          signer_role: 'CEO',
          commitment: '1',
        })
      ).status,
    ).toBe(303);
    expect((await listPendingSignatures(t.db)).some((p) => p.organisationId === org.id)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', String(org.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['signature.create', 'signature.reject']));
  });
});
