import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from './helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from './helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from './helpers/factories.js';
import { nowIso } from '../src/db/client.js';
import type { TCurrentUser } from '../src/http/env.js';
import { loadCurrentUser } from '../src/http/middleware/session.js';
// The app composes every feature, so each one's status-loss handler is registered before the tests run.
import '../src/http/app.js';
import { moderatePublication } from '../src/features/knowledge/moderate-publication.js';
import { canPublishFor } from '../src/features/knowledge/policy.js';
import {
  applyForStatus,
  canPublishAs,
  createOrganisation,
  decideStatusRequest,
  isPublisher,
  isSignatory,
  nameKey,
  NameTakenError,
  withdrawStatus,
} from '../src/features/organisations/index.js';
import { canPostOffersFor, canPublishTrainingsFor } from '../src/features/training/policy.js';
import { organiserOrgs } from '../src/features/workshops/policy.js';
import { quickWorkshop } from '../src/features/workshops/test-kit.js';

const config = testConfig();
const profile = {
  kind: 'company' as const,
  siren: null,
  size_band: '10-49' as const,
  sector: 'software' as const,
  region: 'BRE' as const,
  website: null,
  description: '',
};

describe('name keys', () => {
  it('ignore case, accents, spaces and punctuation', () => {
    expect(nameKey('GreenIT.fr')).toBe('greenitfr');
    expect(nameKey('  Gréen IT - FR ')).toBe('greenitfr');
    expect(nameKey('École Sobre')).not.toBe(nameKey('École Sobres'));
  });
});

describeEachDb('trust: status is granted, not claimed', (kind) => {
  let t: TTestDb;
  let admin: TCurrentUser;
  beforeAll(async () => {
    t = await createTestDb(kind);
    admin = (await loadCurrentUser(
      t.db,
      (
        await makeUser(t.db, { admin: true, email: `admin-${kind}@example.org` })
      ).id,
    ))!;
  });
  afterAll(() => t.destroy());

  const me = async (id: number) => (await loadCurrentUser(t.db, id))!;
  const client = async (id: number) => {
    const c = new TestClient(testApp(t.db));
    await loginAs(t.db, c, id);
    return c;
  };
  const mailsTo = (to: string) =>
    t.db.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();

  it('creates companies and schools only: the form and the service refuse partner and expert', async () => {
    const u = await makeUser(t.db);
    const c = await client(u.id);
    const res = await c.post('/organisations/new?lang=en', {
      ...profile,
      siren: '',
      website: '',
      name: 'Self-Proclaimed Partner',
      kind: 'partner',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('The partner or expert status is applied for afterwards');
    await expect(
      createOrganisation(t.db, await me(u.id), { ...profile, name: 'Sneaky Expert', kind: 'expert' as never }),
    ).rejects.toMatchObject({ code: 'invalid_kind' });
    expect(
      await t.db
        .selectFrom('organisations')
        .select('id')
        .where('name', 'in', ['Self-Proclaimed Partner', 'Sneaky Expert'])
        .execute(),
    ).toEqual([]);
  });

  it('refuses a name already taken, ignoring case, accents and punctuation, on creation, rename and race', async () => {
    const u = await makeUser(t.db);
    const actor = await me(u.id);
    await createOrganisation(t.db, actor, { ...profile, name: 'GreenIT.fr' });
    const c = await client(u.id);
    const res = await c.post('/organisations/new?lang=en', { ...profile, siren: '', website: '', name: 'gréen it FR' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('An organisation already has this name');

    const other = await createOrganisation(t.db, actor, { ...profile, name: 'Sobre Conseil' });
    const rename = await (await client(u.id)).post(`/organisations/${other.id}/edit?lang=en`, {
      ...profile,
      siren: '',
      website: '',
      name: 'GREENIT-FR',
    });
    expect(rename.status).toBe(422);
    expect(await rename.text()).toContain('An organisation already has this name');
    // Keeping its own name is not a clash.
    expect(
      (
        await (
          await client(u.id)
        ).post(`/organisations/${other.id}/edit`, { ...profile, siren: '', website: '', name: 'Sobre  conseil' })
      ).status,
    ).toBe(303);

    // Two creations at once: the unique key lets one through and the other gets the same clear error.
    const results = await Promise.allSettled(
      [1, 2].map(() => createOrganisation(t.db, actor, { ...profile, name: 'Twin Racers' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
      NameTakenError,
    );
  });

  it('lets an owner apply, an administrator grant with a note or reject with a reason, each mailed', async () => {
    const owner = await makeUser(t.db);
    const member = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: owner.id, name: 'Mesure Libre' });
    await addMember(t.db, org.id, member.id);
    const short = await (await client(owner.id)).post(`/organisations/${org.id}/status?lang=en`, {
      kind: 'partner',
      motivation: 'too short',
    });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('Explain in 20 to 2,000 characters');
    // A plain member may not apply for the organisation.
    expect(
      (
        await (
          await client(member.id)
        ).post(`/organisations/${org.id}/status`, {
          kind: 'partner',
          motivation: 'We run measurement workshops every month.',
        })
      ).status,
    ).toBe(403);

    const ok = await (await client(owner.id)).post(`/organisations/${org.id}/status`, {
      kind: 'partner',
      motivation: 'We run measurement workshops every month.',
    });
    expect(ok.status).toBe(303);
    expect((await mailsTo(admin.email)).at(-1)?.subject).toContain('Mesure Libre');
    await expect(
      applyForStatus(t.db, config, await me(owner.id), org.id, {
        kind: 'expert',
        motivation: 'A second application while one waits.',
      }),
    ).rejects.toMatchObject({ code: 'status_pending' });
    expect(await (await (await client(admin.id)).get('/admin')).text()).toContain('href="/admin/statuses">1<');

    const req = await t.db
      .selectFrom('organisation_status_requests')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    // Only administrators decide.
    await expect(decideStatusRequest(t.db, config, await me(owner.id), req.id, { grant: true })).rejects.toMatchObject({
      status: 403,
    });
    const rejected = await (await client(admin.id)).post(`/admin/statuses/${req.id}/reject`, {
      reason: 'Please describe your programme first.',
    });
    expect(rejected.status).toBe(303);
    expect(
      (await t.db.selectFrom('organisations').select('kind').where('id', '=', org.id).executeTakeFirstOrThrow()).kind,
    ).toBe('company');
    const mails = await mailsTo(owner.email);
    expect(mails.at(-1)?.body_text).toContain('Please describe your programme first.');

    // A new application, granted: the kind changes and the member now publishes as a partner.
    await applyForStatus(t.db, config, await me(owner.id), org.id, {
      kind: 'partner',
      motivation: 'Our programme: one workshop a month on measurement.',
    });
    const again = await t.db
      .selectFrom('organisation_status_requests')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(
      (await (await client(admin.id)).post(`/admin/statuses/${again.id}/grant`, { reason: 'Welcome to the network.' }))
        .status,
    ).toBe(303);
    expect(
      (await t.db.selectFrom('organisations').select('kind').where('id', '=', org.id).executeTakeFirstOrThrow()).kind,
    ).toBe('partner');
    expect((await mailsTo(owner.email)).at(-1)?.body_text).toContain('Welcome to the network.');
    expect(organiserOrgs(await me(member.id)).map((o) => o.organisationId)).toEqual([org.id]);
    expect(await isPublisher(t.db, org.id)).toBe(true);
    expect(await isSignatory(t.db, org.id)).toBe(false);
    // Deciding twice is refused.
    await expect(
      decideStatusRequest(t.db, config, admin, again.id, { grant: false, reason: 'changed my mind' }),
    ).rejects.toMatchObject({ code: 'already_decided' });
  });

  it('withdraws a status with a reason: the kind returns, upcoming publications go offline, nothing is deleted', async () => {
    const owner = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: owner.id, name: 'Ancien Partenaire', kind: 'school' });
    await applyForStatus(t.db, config, await me(owner.id), org.id, {
      kind: 'expert',
      motivation: 'We teach eco-design to every student.',
    });
    const req = await t.db
      .selectFrom('organisation_status_requests')
      .select('id')
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    await decideStatusRequest(t.db, config, admin, req.id, { grant: true });
    const now = nowIso();
    const upcoming = await quickWorkshop(t.db, { organisationId: org.id, createdBy: owner.id, capacity: 10 });
    const past = await quickWorkshop(t.db, {
      organisationId: org.id,
      createdBy: owner.id,
      capacity: 10,
      startsAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    });
    const resource = await t.db
      .insertInto('knowledge_resources')
      .values({
        title: 'Guide',
        summary: 's',
        kind: 'guide',
        organisation_id: org.id,
        author_user_id: owner.id,
        language: 'fr',
        published_on: now.slice(0, 10),
        licence: 'cc-by-4.0',
        url: 'https://example.org/guide',
        file_key: null,
        file_name: null,
        file_type: null,
        file_size: null,
        workshop_id: null,
        training_id: null,
        status: 'published',
        reviewed_by: null,
        reviewed_at: null,
        rejection_reason: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const training = await t.db
      .insertInto('trainings')
      .values({
        organisation_id: org.id,
        title: 'Éco-conception',
        description: 'd',
        search_text: 'eco conception',
        kind: 'module',
        education_level: 'any',
        duration_hours: 7,
        format: 'online',
        language: 'fr',
        cost_cents: 0,
        certificate: 0,
        licence: 'cc-by',
        prerequisites: '',
        learning_outcomes: '',
        url: null,
        created_by: owner.id,
        created_at: now,
        updated_at: now,
        unpublished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await (await new TestClient(testApp(t.db)).get(`/trainings/${training.id}`)).status).toBe(200);

    // Only administrators withdraw, and a reason is required on the page.
    await expect(withdrawStatus(t.db, config, await me(owner.id), org.id, 'no')).rejects.toMatchObject({ status: 403 });
    const noReason = await (await client(admin.id)).post(`/admin/organisations/${org.id}/withdraw-status`, {
      reason: '',
    });
    expect(noReason.headers.get('location')).toContain('reasonRequired');
    const res = await (await client(admin.id)).post(`/admin/organisations/${org.id}/withdraw-status`, {
      reason: 'No workshop run in a year.',
    });
    expect(res.status).toBe(303);

    expect(
      (await t.db.selectFrom('organisations').select('kind').where('id', '=', org.id).executeTakeFirstOrThrow()).kind,
    ).toBe('school');
    const ws = await t.db
      .selectFrom('workshops')
      .select(['id', 'status'])
      .where('organisation_id', '=', org.id)
      .orderBy('id')
      .execute();
    expect(ws).toEqual([
      { id: upcoming, status: 'draft' },
      { id: past, status: 'published' },
    ]);
    expect(
      (
        await t.db
          .selectFrom('knowledge_resources')
          .select('status')
          .where('id', '=', resource.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('pending');
    expect(
      (
        await t.db
          .selectFrom('trainings')
          .select('unpublished_at')
          .where('id', '=', training.id)
          .executeTakeFirstOrThrow()
      ).unpublished_at,
    ).not.toBeNull();
    expect(await (await new TestClient(testApp(t.db)).get(`/trainings/${training.id}`)).status).toBe(404);
    expect((await (await client(owner.id)).get(`/trainings/${training.id}`)).status).toBe(200);
    const mail = (await mailsTo(owner.email)).at(-1)!;
    expect(mail.body_text).toContain('No workshop run in a year.');
    expect(mail.body_text).toContain('3 publications ne sont plus visibles');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'organisation.status.withdraw')
      .where('subject_id', '=', String(org.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details_json!).unpublished).toMatchObject({ workshops: 1, knowledge: 1, training: 1 });
    // The withdrawn organisation may apply again.
    const page = await (await client(owner.id)).get(`/organisations/${org.id}?lang=en`);
    expect(await page.text()).toContain('Status withdrawn: No workshop run in a year.');
  });

  it('applies one publishing rule for visitor, member, owner, partner, expert, school, admin and a status just withdrawn', async () => {
    const u = async () => (await makeUser(t.db)).id;
    const [
      unsignedOwner,
      unsignedMember,
      signedMember,
      partnerMember,
      expertMember,
      schoolMember,
      unsignedSchoolMember,
      withdrawnMember,
    ] = await Promise.all([u(), u(), u(), u(), u(), u(), u(), u()]);
    const unsigned = await makeOrganisation(t.db, { ownerId: unsignedOwner });
    await addMember(t.db, unsigned.id, unsignedMember);
    const signed = await makeOrganisation(t.db, { ownerId: signedMember, signed: true });
    const partner = await makeOrganisation(t.db, { ownerId: partnerMember, kind: 'partner' });
    const expert = await makeOrganisation(t.db, { ownerId: expertMember, kind: 'expert' });
    const school = await makeOrganisation(t.db, { ownerId: schoolMember, kind: 'school', signed: true });
    const unsignedSchool = await makeOrganisation(t.db, { ownerId: unsignedSchoolMember, kind: 'school' });
    const withdrawn = await makeOrganisation(t.db, { ownerId: withdrawnMember, kind: 'partner' });
    await withdrawStatus(t.db, config, admin, withdrawn.id, 'Status review.');

    const cases: [
      string,
      TCurrentUser | null,
      { id: number; kind: string },
      { publish: boolean; workshops: boolean; trainings: boolean; offers: boolean },
    ][] = [
      [
        'visitor',
        null,
        signed && { id: signed.id, kind: 'company' },
        { publish: false, workshops: false, trainings: false, offers: false },
      ],
      [
        'owner of an unsigned company',
        await me(unsignedOwner),
        { id: unsigned.id, kind: 'company' },
        { publish: false, workshops: false, trainings: false, offers: false },
      ],
      [
        'member of an unsigned company',
        await me(unsignedMember),
        { id: unsigned.id, kind: 'company' },
        { publish: false, workshops: false, trainings: false, offers: false },
      ],
      [
        'member of a signatory company',
        await me(signedMember),
        { id: signed.id, kind: 'company' },
        { publish: true, workshops: false, trainings: false, offers: true },
      ],
      [
        'partner',
        await me(partnerMember),
        { id: partner.id, kind: 'partner' },
        { publish: true, workshops: true, trainings: true, offers: false },
      ],
      [
        'expert',
        await me(expertMember),
        { id: expert.id, kind: 'expert' },
        { publish: true, workshops: true, trainings: true, offers: false },
      ],
      [
        'member of a signatory school',
        await me(schoolMember),
        { id: school.id, kind: 'school' },
        { publish: true, workshops: false, trainings: true, offers: true },
      ],
      [
        'member of an unsigned school',
        await me(unsignedSchoolMember),
        { id: unsignedSchool.id, kind: 'school' },
        { publish: false, workshops: false, trainings: false, offers: false },
      ],
      [
        'member of a partner just withdrawn',
        await me(withdrawnMember),
        { id: withdrawn.id, kind: 'company' },
        { publish: false, workshops: false, trainings: false, offers: false },
      ],
      [
        'administrator',
        admin,
        { id: signed.id, kind: 'company' },
        { publish: true, workshops: false, trainings: true, offers: true },
      ],
    ];
    for (const [who, user, org, expected] of cases) {
      const got = {
        publish: canPublishAs(user, org.id) && canPublishFor(user, org.id),
        workshops: organiserOrgs(user).some((o) => o.organisationId === org.id),
        trainings: canPublishTrainingsFor(user, org),
        offers: canPostOffersFor(user, org),
      };
      expect({ who, ...got }).toEqual({ who, ...expected });
    }
    // The withdrawn partner's members see no publish button any more.
    const html = await (await client(withdrawnMember)).get('/resources');
    expect(await html.text()).not.toContain('href="/resources/new"');
    expect((await (await client(withdrawnMember)).get('/resources/new')).status).toBe(403);
  });

  it('tells authors of every moderation decision with the reason; the administrator unpublishes a published resource', async () => {
    const author = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: author.id, signed: true });
    const now = nowIso();
    const resource = async (status: 'pending' | 'published') =>
      (
        await t.db
          .insertInto('knowledge_resources')
          .values({
            title: `Guide ${status}`,
            summary: 's',
            kind: 'guide',
            organisation_id: org.id,
            author_user_id: author.id,
            language: 'fr',
            published_on: now.slice(0, 10),
            licence: 'cc-by-4.0',
            url: 'https://example.org/guide',
            file_key: null,
            file_name: null,
            file_type: null,
            file_size: null,
            workshop_id: null,
            training_id: null,
            status,
            reviewed_by: null,
            reviewed_at: null,
            rejection_reason: null,
            is_demo: 0,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const pendingId = await resource('pending');
    await moderatePublication(t.db, config, admin, 'resource', pendingId, {
      approve: false,
      reason: 'Citez vos sources.',
    });
    expect((await mailsTo(author.email)).at(-1)?.body_text).toContain('Citez vos sources.');
    const liveId = await resource('published');
    // Only administrators unpublish; a reason is required on the page.
    await expect(
      moderatePublication(t.db, config, await me(author.id), 'resource', liveId, { unpublish: true, reason: 'x' }),
    ).rejects.toMatchObject({ status: 403 });
    const c = await client(admin.id);
    expect(await (await c.get(`/resources/${liveId}`)).text()).toContain(`/admin/resources/${liveId}/unpublish`);
    expect((await c.post(`/admin/resources/${liveId}/unpublish`, { reason: 'Lien mort depuis un mois.' })).status).toBe(
      303,
    );
    expect(
      await t.db
        .selectFrom('knowledge_resources')
        .select(['status', 'rejection_reason'])
        .where('id', '=', liveId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'rejected', rejection_reason: 'Lien mort depuis un mois.' });
    const mail = (await mailsTo(author.email)).at(-1)!;
    expect(mail.subject).toContain('retirée');
    expect(mail.body_text).toContain('Lien mort depuis un mois.');
    // Visitors no longer see it; a second unpublish is refused.
    expect((await new TestClient(testApp(t.db)).get(`/resources/${liveId}`)).status).toBe(404);
    await expect(
      moderatePublication(t.db, config, admin, 'resource', liveId, { unpublish: true, reason: 'again' }),
    ).rejects.toMatchObject({ code: 'already_moderated' });
  });
});
