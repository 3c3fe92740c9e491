import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { isSignatory } from '../organisations/index.js';
import { ensureManifestoVersions } from '../manifesto/versions.js';

describeEachDb('admin back office', (kind) => {
  let t: TTestDb;
  let admin: TestClient;
  let adminId: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await ensureManifestoVersions(t.db);
    adminId = (await makeUser(t.db, { admin: true, email: 'boss@example.org' })).id;
    admin = new TestClient(testApp(t.db));
    await loginAs(t.db, admin, adminId);
  });
  afterAll(() => t.destroy());

  it('is closed to visitors and members', async () => {
    const visitor = new TestClient(testApp(t.db));
    expect((await visitor.get('/admin')).status).toBe(303);
    const member = new TestClient(testApp(t.db));
    await loginAs(t.db, member, (await makeUser(t.db)).id);
    for (const p of ['/admin', '/admin/users', '/admin/outbox', '/admin/audit'])
      expect((await member.get(p)).status).toBe(403);
    expect((await member.post(`/admin/users/${adminId}/disable`)).status).toBe(403);
  });

  it('validates and rejects pending signatures; rejection needs a reason', async () => {
    const owner = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: owner.id, name: 'Pending Org' });
    const oc = new TestClient(testApp(t.db));
    await loginAs(t.db, oc, owner.id);
    await oc.post(`/organisations/${org.id}/sign`, { signer_name: 'O', signer_role: 'CEO', commitment: '1' });
    const page = await (await admin.get('/admin/signatures')).text();
    expect(page).toContain('Pending Org');
    const id = /\/admin\/signatures\/(\d+)\/validate/.exec(page)![1];
    const noReason = await admin.post(`/admin/signatures/${id}/reject`, { reason: '' });
    expect(noReason.headers.get('location')).toContain('reasonRequired');
    await admin.post(`/admin/signatures/${id}/validate`);
    expect(await isSignatory(t.db, org.id)).toBe(true);
    const again = await admin.post(`/admin/signatures/${id}/reject`, { reason: 'too late' });
    expect(again.headers.get('location')).toContain('refused');
  });

  it('disables and re-enables accounts (ending their sessions), changes roles, never on oneself', async () => {
    const u = await makeUser(t.db, { email: 'target@example.org' });
    const uc = new TestClient(testApp(t.db));
    await loginAs(t.db, uc, u.id);
    expect(await (await admin.get('/admin/users?q=TARGET')).text()).toContain('target@example.org');
    await admin.post(`/admin/users/${u.id}/disable`);
    expect((await uc.get('/dashboard')).status).toBe(303);
    expect(
      (await t.db.selectFrom('users').select('disabled_at').where('id', '=', u.id).executeTakeFirstOrThrow())
        .disabled_at,
    ).not.toBeNull();
    await admin.post(`/admin/users/${u.id}/enable`);
    await admin.post(`/admin/users/${u.id}/role`, { role: 'admin' });
    expect(
      await t.db
        .selectFrom('users')
        .select(['platform_role', 'disabled_at'])
        .where('id', '=', u.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ platform_role: 'admin', disabled_at: null });
    const self = await admin.post(`/admin/users/${adminId}/disable`);
    expect(self.headers.get('location')).toContain('refused');
    const actions = (
      await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(u.id)).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable', 'user.role']));
  });

  it('lists organisations, the outbox with each mail, and the audit log', async () => {
    await makeOrganisation(t.db, { name: 'Listed Écurie' });
    expect(await (await admin.get('/admin/organisations?q=ecurie')).text()).toContain('Listed Écurie');
    await new TestClient(testApp(t.db)).post('/signup', {
      name: 'New',
      email: 'fresh@example.org',
      password: 'a long enough passphrase',
    });
    const outbox = await (await admin.get('/admin/outbox')).text();
    expect(outbox).toContain('fresh@example.org');
    const mailId = /href="\/admin\/outbox\/(\d+)"/.exec(outbox)![1];
    const mail = await (await admin.get(`/admin/outbox/${mailId}`)).text();
    expect(mail).toMatch(/\/confirm\/[A-Za-z0-9_-]+/);
    const audit = await (await admin.get('/admin/audit')).text();
    expect(audit).toContain('signature.validate');
    expect(audit).toContain('boss@example.org');
  });
});
