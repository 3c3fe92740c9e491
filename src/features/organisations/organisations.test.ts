import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastMailTo } from '../../../test/helpers/mail.js';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { isValidSiren } from './siren.js';
import { normaliseSearchName, slugify } from './names.js';
import { isSignatory } from './queries.js';

const profile = {
  name: 'Écoles & Co',
  kind: 'company',
  siren: '732 829 320',
  size_band: '10-49',
  sector: 'software',
  region: 'BRE',
  website: 'https://example.org',
  description: 'Hello',
};

describe('SIREN and names', () => {
  it('accepts SIRENs with a valid Luhn key and rejects others', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('552 100 554')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('12345678')).toBe(false);
    expect(isValidSiren('abcdefghi')).toBe(false);
  });
  it('normalises names for search and slugs', () => {
    expect(normaliseSearchName('  Île-de-FRANCE École ')).toBe('ile de france ecole');
    expect(slugify('Atelier Sobre (démo)')).toBe('atelier-sobre-demo');
  });
});

describeEachDb('organisations', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  async function owner() {
    const u = await makeUser(t.db);
    const client = new TestClient(testApp(t.db));
    await loginAs(t.db, client, u.id);
    return { u, client };
  }

  it('creates an organisation whose creator becomes owner, with field errors in the user language', async () => {
    const { u, client } = await owner();
    const bad = await client.post('/organisations/new?lang=en', {
      ...profile,
      siren: '732829321',
      kind: 'castle',
      website: 'nope',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('This SIREN number is not valid');
    expect(html).toContain('Choose the kind of organisation');
    expect(html).toContain('https://');
    const ok = await client.post('/organisations/new', profile);
    expect(ok.status).toBe(303);
    const org = await t.db
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', 'Écoles & Co')
      .executeTakeFirstOrThrow();
    expect(org.siren).toBe('732829320');
    expect(org.search_name).toBe('ecoles co');
    expect(org.slug).toMatch(/^ecoles-co/);
    const m = await t.db.selectFrom('memberships').selectAll().where('organisation_id', '=', org.id).execute();
    expect(m.map((x) => [x.user_id, x.role])).toEqual([[u.id, 'owner']]);
    const page = await client.get(`/organisations/${org.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`/organisations/${org.id}/footprint`);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', String(org.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('organisation.create');
  });

  it('refuses creation to an unconfirmed user and says why', async () => {
    const u = await makeUser(t.db);
    await t.db.updateTable('users').set({ email_confirmed_at: null }).where('id', '=', u.id).execute();
    const client = new TestClient(testApp(t.db));
    await loginAs(t.db, client, u.id);
    expect(await (await client.get('/organisations/new')).text()).toContain('/account/confirm/resend');
    await client.post('/organisations/new', { ...profile, name: 'Unconfirmed Org' });
    expect(
      await t.db.selectFrom('organisations').select('id').where('name', '=', 'Unconfirmed Org').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('lets owners edit; members see but cannot edit; outsiders get 403', async () => {
    const { u, client } = await owner();
    const org = await makeOrganisation(t.db, { ownerId: u.id });
    const member = await makeUser(t.db);
    await addMember(t.db, org.id, member.id);
    const mc = new TestClient(testApp(t.db));
    await loginAs(t.db, mc, member.id);
    expect((await mc.get(`/organisations/${org.id}`)).status).toBe(200);
    expect((await mc.post(`/organisations/${org.id}/edit`, { ...profile, name: 'Hijacked' })).status).toBe(403);
    const outsider = new TestClient(testApp(t.db));
    await loginAs(t.db, outsider, (await makeUser(t.db)).id);
    expect((await outsider.get(`/organisations/${org.id}`)).status).toBe(403);
    expect((await client.post(`/organisations/${org.id}/edit`, { ...profile, name: 'Renamed Ltd' })).status).toBe(303);
    expect(
      await t.db
        .selectFrom('organisations')
        .select(['name', 'search_name'])
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ name: 'Renamed Ltd', search_name: 'renamed ltd' });
  });

  it('changes roles and removes members but never the last owner', async () => {
    const { u, client } = await owner();
    const org = await makeOrganisation(t.db, { ownerId: u.id });
    const other = await makeUser(t.db);
    await addMember(t.db, org.id, other.id);
    const rows = await t.db.selectFrom('memberships').selectAll().where('organisation_id', '=', org.id).execute();
    const mine = rows.find((r) => r.user_id === u.id)!;
    const theirs = rows.find((r) => r.user_id === other.id)!;
    const res = await client.post(`/organisations/${org.id}/members/${mine.id}/role`, { role: 'member' });
    expect(res.headers.get('location')).toContain('organisations.flash.lastOwner');
    await client.post(`/organisations/${org.id}/members/${theirs.id}/role`, { role: 'owner' });
    expect(
      (await t.db.selectFrom('memberships').select('role').where('id', '=', theirs.id).executeTakeFirstOrThrow()).role,
    ).toBe('owner');
    await client.post(`/organisations/${org.id}/members/${theirs.id}/remove`);
    expect(
      await t.db.selectFrom('memberships').select('id').where('id', '=', theirs.id).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('invites by email; only the invited address accepts, after sign-in', async () => {
    const { u, client } = await owner();
    const org = await makeOrganisation(t.db, { ownerId: u.id });
    expect(
      (await client.post(`/organisations/${org.id}/invitations`, { email: 'not-an-email', role: 'member' })).status,
    ).toBe(422);
    await client.post(`/organisations/${org.id}/invitations`, { email: 'Colleague@Example.org', role: 'member' });
    const path = lastMailTo('colleague@example.org').link!;
    expect(path).toMatch(/^\/invitations\//);
    const visitor = new TestClient(testApp(t.db));
    expect(await (await visitor.get(path)).text()).toContain('/login?next=');
    const wrong = new TestClient(testApp(t.db));
    await loginAs(t.db, wrong, (await makeUser(t.db)).id);
    expect((await wrong.post(path)).status).toBe(403);
    const invitee = await makeUser(t.db, { email: 'colleague@example.org' });
    const ic = new TestClient(testApp(t.db));
    await loginAs(t.db, ic, invitee.id);
    expect((await ic.post(path)).status).toBe(303);
    expect(
      (
        await t.db
          .selectFrom('memberships')
          .select('role')
          .where('organisation_id', '=', org.id)
          .where('user_id', '=', invitee.id)
          .executeTakeFirstOrThrow()
      ).role,
    ).toBe('member');
    expect((await ic.post(path)).status).toBe(404);
    const again = await client.post(`/organisations/${org.id}/invitations`, {
      email: 'colleague@example.org',
      role: 'member',
    });
    expect(again.headers.get('location')).toContain('alreadyMember');
  });

  it('accepts an invitation from the dashboard after sign-up and confirmation', async () => {
    const { u, client } = await owner();
    const org = await makeOrganisation(t.db, { ownerId: u.id, name: 'Dash Org' });
    await client.post(`/organisations/${org.id}/invitations`, { email: 'newcomer@example.org', role: 'owner' });
    const newcomer = await makeUser(t.db, { email: 'newcomer@example.org' });
    const nc = new TestClient(testApp(t.db));
    await loginAs(t.db, nc, newcomer.id);
    const dash = await (await nc.get('/dashboard')).text();
    const action = /action="(\/invitations\/id\/\d+\/accept)"/.exec(dash)?.[1];
    expect(action).toBeDefined();
    await nc.post(action!);
    expect(
      (
        await t.db
          .selectFrom('memberships')
          .select('role')
          .where('organisation_id', '=', org.id)
          .where('user_id', '=', newcomer.id)
          .executeTakeFirstOrThrow()
      ).role,
    ).toBe('owner');
    expect(await (await nc.get('/dashboard')).text()).toContain('Dash Org');
  });

  it('exports the organisation data and deletes it with its rows after confirmation', async () => {
    const { u, client } = await owner();
    const org = await makeOrganisation(t.db, { ownerId: u.id, name: 'Gone Soon', signed: true });
    expect(await isSignatory(t.db, org.id)).toBe(true);
    const res = await client.get(`/organisations/${org.id}/export.json`);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = (await res.json()) as {
      organisation: { name: string };
      members: unknown[];
      signatures: { status: string }[];
    };
    expect(data.organisation.name).toBe('Gone Soon');
    expect(data.members).toHaveLength(1);
    expect(data.signatures[0]!.status).toBe('validated');
    expect((await client.post(`/organisations/${org.id}/delete`, { confirm_name: 'wrong' })).status).toBe(422);
    expect((await client.post(`/organisations/${org.id}/delete`, { confirm_name: 'Gone Soon' })).status).toBe(303);
    expect(
      await t.db.selectFrom('organisations').select('id').where('id', '=', org.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await t.db.selectFrom('memberships').select('id').where('organisation_id', '=', org.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await t.db.selectFrom('signatures').select('id').where('organisation_id', '=', org.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'organisation.delete')
        .where('subject_id', '=', String(org.id))
        .executeTakeFirst(),
    ).toBeDefined();
  });
});
