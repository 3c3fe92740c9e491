import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { nowIso } from '../../db/client.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { hashSecret, newSecret } from '../../http/tokens.js';
import { quickWorkshop } from '../workshops/test-kit.js';
import { postComment } from './comments.js';
import { editResource } from './edit-resource.js';
import { feature } from './index.js';
import { listExperienceReports } from './list-experience-reports.js';
import { listResources } from './list-resources.js';
import { moderatePublication } from './moderate-publication.js';
import { publishExperienceReport } from './publish-experience-report.js';
import { publishResource } from './publish-resource.js';
import type { TResourceInput } from './schemas.js';
import { sweepOrphanRows, sweepOrphanUploads } from './sweep-orphan-uploads.js';
import { storeUpload } from './uploads.js';

const pdf = (text: string, name = 'support.pdf') =>
  new File([`%PDF-1.4\n${text}\n`], name, { type: 'application/pdf' });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describeEachDb('knowledge: editing and deleting publications, orphan files, unsubscribe expiry', (kind) => {
  let t: TTestDb;
  // One uploads folder per database, so one suite's sweep never sees the other's files.
  const uploads = mkdtempSync(join(tmpdir(), `techcare-kn-edit-${kind}-`));
  const env = { TECHCARE_UPLOADS_DIR: uploads };
  const config = testConfig(env);
  let partnerUser: number;
  let partnerOrg: number;
  let memberUser: number;
  let memberOrg: number;
  let otherUser: number;
  let adminUser: number;

  const as = async (id: number) => (await loadCurrentUser(t.db, id))!;
  const client = async (userId: number | null) => {
    const c = new TestClient(testApp(t.db, env));
    if (userId) await loginAs(t.db, c, userId);
    return c;
  };
  const base = (organisationId: number, extra: Partial<TResourceInput> = {}): TResourceInput => ({
    organisationId,
    title: 'Guide des serveurs sobres',
    summary: 'Consolider les serveurs et éteindre les machines inutiles.',
    kind: 'guide',
    language: 'fr',
    publishedOn: '2026-01-10',
    licence: 'cc-by-4.0',
    url: 'https://example.org/guide',
    themes: [],
    levels: [],
    levers: [],
    rgesn: [],
    ...extra,
  });
  /** The edit form's fields for a resource (a multipart body, as the browser sends it). */
  const editForm = (fields: Record<string, string | string[]>, file?: File) => {
    const f = new FormData();
    const all: Record<string, string | string[]> = {
      title: 'Guide des serveurs sobres',
      summary: 'Consolider les serveurs et éteindre les machines inutiles.',
      kind: 'guide',
      language: 'fr',
      publishedOn: '2026-01-10',
      licence: 'cc-by-4.0',
      url: '',
      ...fields,
    };
    for (const [k, v] of Object.entries(all)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
    if (file) f.append('file', file);
    return f;
  };
  const statusOf = async (id: number) =>
    (await t.db.selectFrom('knowledge_resources').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;
  const found = async (q: string, viewer: number | null = null) =>
    (await listResources(t.db, viewer ? await as(viewer) : null, { q }, { offset: 0, limit: 50 })).items.map(
      (r) => r.id,
    );
  const audits = (subjectType: string, id: number) =>
    t.db
      .selectFrom('audit_log')
      .select(['action', 'details_json'])
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await createTestDb(kind);
    partnerUser = (await makeUser(t.db)).id;
    partnerOrg = (await makeOrganisation(t.db, { kind: 'partner', ownerId: partnerUser })).id;
    memberUser = (await makeUser(t.db)).id;
    memberOrg = (await makeOrganisation(t.db, { kind: 'company', ownerId: memberUser, signed: true })).id;
    otherUser = (await makeUser(t.db)).id;
    await makeOrganisation(t.db, { kind: 'company', ownerId: otherUser, signed: true });
    adminUser = (await makeUser(t.db, { admin: true })).id;
  });
  afterAll(async () => {
    await t.destroy();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('lets a partner edit its resource: it stays public, the search index follows, the audit says what changed', async () => {
    const { id } = await publishResource(t.db, config, await as(partnerUser), base(partnerOrg), null);
    const partner = await client(partnerUser);
    const page = await (await partner.get(`/resources/${id}`)).text();
    expect(page).toContain(`href="/resources/${id}/edit"`);
    expect(page).toContain(`href="/resources/${id}/delete"`);
    expect(await (await (await client(otherUser)).get(`/resources/${id}`)).text()).not.toContain(
      `/resources/${id}/edit`,
    );
    const form = await partner.get(`/resources/${id}/edit`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('value="Guide des serveurs sobres"');

    const res = await partner.postMultipart(
      `/resources/${id}/edit`,
      editForm({ title: 'Guide des imprimantes partagées', url: 'https://example.org/guide', themes: 'devices' }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/resources/${id}?flash=knowledge.flash.edited`);
    expect(await statusOf(id)).toBe('published');
    expect(await found('imprimante')).toEqual([id]);
    expect(await found('sobres serveurs guide')).toEqual([]);
    const log = await audits('knowledge_resource', id);
    expect(log.map((a) => a.action)).toEqual(['resource.publish', 'resource.edit']);
    expect(JSON.parse(log[1]!.details_json!)).toMatchObject({
      changed: ['title', 'tags'],
      status: 'published',
      previousStatus: 'published',
    });
  });

  it('sends a member organisation’s approved resource back to review only when its title, summary, link or file changes', async () => {
    const admin = await as(adminUser);
    const { id } = await publishResource(
      t.db,
      config,
      await as(memberUser),
      base(memberOrg, { title: 'Nos écrans reconditionnés' }),
      null,
    );
    await moderatePublication(t.db, testConfig(), admin, 'resource', id, { approve: true });
    const member = await client(memberUser);
    const visitor = await client(null);
    const fields = { title: 'Nos écrans reconditionnés', url: 'https://example.org/guide' };

    // Tags, licence, date: descriptive, so the resource stays online.
    let res = await member.postMultipart(
      `/resources/${id}/edit`,
      editForm({ ...fields, themes: ['devices', 'purchasing'], licence: 'cc0-1.0', publishedOn: '2026-02-01' }),
    );
    expect(res.headers.get('location')).toBe(`/resources/${id}?flash=knowledge.flash.edited`);
    expect(await statusOf(id)).toBe('published');
    expect((await visitor.get(`/resources/${id}`)).status).toBe(200);

    // The summary is the claim: back to review, hidden from others, still visible to its organisation.
    res = await member.postMultipart(
      `/resources/${id}/edit`,
      editForm({ ...fields, summary: 'Nous avons acheté 40 écrans reconditionnés cette année.' }),
    );
    expect(res.headers.get('location')).toBe(`/resources/${id}?flash=knowledge.flash.editedPending`);
    expect(await statusOf(id)).toBe('pending');
    expect((await visitor.get(`/resources/${id}`)).status).toBe(404);
    expect(await found('reconditionnes')).toEqual([]);
    expect(await found('reconditionnes', memberUser)).toEqual([id]);
    const row = await t.db
      .selectFrom('knowledge_resources')
      .select(['reviewed_by', 'reviewed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reviewed_by: null, reviewed_at: null });

    // Rejected, then edited in any way: the edit is a resubmission.
    await moderatePublication(t.db, testConfig(), admin, 'resource', id, {
      approve: false,
      reason: 'Précisez la source',
    });
    await member.postMultipart(
      `/resources/${id}/edit`,
      editForm({ ...fields, summary: 'Nous avons acheté 40 écrans reconditionnés cette année.', themes: 'devices' }),
    );
    expect(await statusOf(id)).toBe('pending');

    // An administrator's edit needs no review.
    await moderatePublication(t.db, testConfig(), admin, 'resource', id, { approve: true });
    await (await client(adminUser)).postMultipart(
      `/resources/${id}/edit`,
      editForm({ ...fields, title: 'Nos écrans reconditionnés (2026)' }),
    );
    expect(await statusOf(id)).toBe('published');
  });

  it('lets only the author organisation’s members and administrators edit or delete', async () => {
    const { id } = await publishResource(
      t.db,
      config,
      await as(partnerUser),
      base(partnerOrg, { title: 'Ressource protégée' }),
      null,
    );
    const other = await client(otherUser);
    expect((await other.get(`/resources/${id}/edit`)).status).toBe(403);
    expect(
      (await other.postMultipart(`/resources/${id}/edit`, editForm({ url: 'https://example.org/x' }))).status,
    ).toBe(403);
    expect((await other.get(`/resources/${id}/delete`)).status).toBe(403);
    expect((await other.post(`/resources/${id}/delete`)).status).toBe(403);
    const visitor = await client(null);
    expect((await visitor.get(`/resources/${id}/edit`)).headers.get('location')).toMatch(/^\/login/);
    await expect(
      editResource(t.db, config, await as(otherUser), id, { ...base(partnerOrg), title: 'Piraté' }, null),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      (await t.db.selectFrom('knowledge_resources').select('title').where('id', '=', id).executeTakeFirstOrThrow())
        .title,
    ).toBe('Ressource protégée');
    // A pending publication of another organisation does not even exist for them.
    const pending = await publishResource(
      t.db,
      config,
      await as(memberUser),
      base(memberOrg, { title: 'En attente' }),
      null,
    );
    expect((await other.get(`/resources/${pending.id}/edit`)).status).toBe(404);
    expect((await (await client(adminUser)).get(`/resources/${pending.id}/edit`)).status).toBe(200);
  });

  it('replaces an uploaded file with the upload checks, and never leaves the old one behind', async () => {
    const partner = await client(partnerUser);
    const created = await partner.postMultipart(
      '/resources',
      (() => {
        const f = editForm({ organisationId: String(partnerOrg), title: 'Support de l’atelier' });
        f.append('file', pdf('first'));
        return f;
      })(),
    );
    expect(created.status).toBe(303);
    const id = Number(created.headers.get('location')!.split('?')[0]!.split('/').pop());
    const keyOf = async () =>
      await t.db
        .selectFrom('knowledge_resources')
        .select(['file_key', 'url'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const first = (await keyOf()).file_key!;
    expect(existsSync(join(uploads, first))).toBe(true);
    const before = readdirSync(uploads).sort();

    for (const [file, message] of [
      [pdf('x', 'slides.exe.pdf'), 'Nom de fichier refusé'],
      [new File(['MZ not a pdf'], 'slides.pdf'), 'Le contenu du fichier ne correspond pas'],
    ] as const) {
      const res = await partner.postMultipart(
        `/resources/${id}/edit`,
        editForm({ title: 'Support de l’atelier' }, file),
      );
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(message);
    }
    // A new file and a link at once: refused, and the new file is not kept.
    expect(
      (
        await partner.postMultipart(
          `/resources/${id}/edit`,
          editForm({ title: 'Support de l’atelier', url: 'https://example.org/x' }, pdf('both')),
        )
      ).status,
    ).toBe(422);
    expect(readdirSync(uploads).sort()).toEqual(before);

    // No new file, no link: the current file stays.
    expect(
      (await partner.postMultipart(`/resources/${id}/edit`, editForm({ title: 'Support de l’atelier (v1)' }))).status,
    ).toBe(303);
    expect((await keyOf()).file_key).toBe(first);

    expect(
      (
        await partner.postMultipart(
          `/resources/${id}/edit`,
          editForm({ title: 'Support de l’atelier' }, pdf('second', 'Support v2.pdf')),
        )
      ).status,
    ).toBe(303);
    const second = (await keyOf()).file_key!;
    expect(second).not.toBe(first);
    expect(existsSync(join(uploads, first))).toBe(false);
    const dl = await (await client(null)).get(`/resources/${id}/file`);
    expect(await dl.text()).toBe('%PDF-1.4\nsecond\n');
    expect(dl.headers.get('content-disposition')).toContain('Support v2.pdf');

    // A link instead of the file: the file goes.
    expect(
      (
        await partner.postMultipart(
          `/resources/${id}/edit`,
          editForm({ title: 'Support de l’atelier', url: 'https://example.org/support' }),
        )
      ).status,
    ).toBe(303);
    expect(await keyOf()).toEqual({ file_key: null, url: 'https://example.org/support' });
    expect(existsSync(join(uploads, second))).toBe(false);
    // Now neither a link nor a file: the form says to give one.
    const none = await partner.postMultipart(`/resources/${id}/edit`, editForm({ title: 'Support de l’atelier' }));
    expect(none.status).toBe(422);
  });

  it('deletes after a confirmation step: the row, its file, comments, tags and search entry', async () => {
    const stored = await storeUpload(config, pdf('to delete'));
    if (!stored.ok) throw new Error(stored.error);
    const { id } = await publishResource(
      t.db,
      config,
      await as(partnerUser),
      base(partnerOrg, { title: 'Supprimable', url: undefined, themes: ['cloud'] }),
      stored.file,
    );
    await postComment(t.db, await as(otherUser), 'resource', id, 'Une question');
    const partner = await client(partnerUser);
    const confirm = await partner.get(`/resources/${id}/delete`);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain(`action="/resources/${id}/delete"`);
    expect(html).toContain('method="post"');
    expect(await found('supprimable')).toEqual([id]);

    const res = await partner.post(`/resources/${id}/delete`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/resources?flash=knowledge.flash.deleted');
    expect(
      await t.db.selectFrom('knowledge_resources').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
    expect(existsSync(join(uploads, stored.file.key))).toBe(false);
    for (const table of ['knowledge_comments', 'knowledge_tags', 'knowledge_search'] as const) {
      expect(
        await t.db.selectFrom(table).select('id').where('doc_type', '=', 'resource').where('doc_id', '=', id).execute(),
        table,
      ).toEqual([]);
    }
    expect(await found('supprimable')).toEqual([]);
    expect((await partner.get(`/resources/${id}`)).status).toBe(404);
    expect((await audits('knowledge_resource', id)).map((a) => a.action)).toEqual([
      'resource.publish',
      'resource.delete',
    ]);
  });

  it('edits and deletes experience reports with the same review rule', async () => {
    const admin = await as(adminUser);
    const { id } = await publishExperienceReport(t.db, await as(memberUser), {
      organisationId: memberOrg,
      title: 'Extinction des postes la nuit',
      language: 'fr',
      whatWeDid: 'Une extinction programmée des postes chaque soir à 20 heures.',
      costEur: 0,
      costNotes: '',
      measureSource: 'declared',
      measureLabel: 'Consommation des postes',
      beforeValue: 100,
      afterValue: 80,
      measureUnit: 'MWh',
      themes: [],
      levels: [],
      levers: [],
      rgesn: [],
    });
    await moderatePublication(t.db, testConfig(), admin, 'report', id, { approve: true });
    const member = await client(memberUser);
    expect(await (await member.get(`/experience/${id}`)).text()).toContain(`href="/experience/${id}/edit"`);
    const form = await (await member.get(`/experience/${id}/edit`)).text();
    expect(form).toContain('value="Consommation des postes"');
    const fields = {
      title: 'Extinction des postes la nuit',
      language: 'fr',
      whatWeDid: 'Une extinction programmée des postes chaque soir à 20 heures.',
      costEur: '0',
      measureSource: 'declared',
      measureLabel: 'Consommation des postes',
      beforeValue: '100',
      afterValue: '80',
      measureUnit: 'MWh',
    };
    const statusOfReport = async () =>
      (await t.db.selectFrom('knowledge_reports').select('status').where('id', '=', id).executeTakeFirstOrThrow())
        .status;
    expect(
      (await member.post(`/experience/${id}/edit`, { ...fields, themes: 'devices' })).headers.get('location'),
    ).toBe(`/experience/${id}?flash=knowledge.flash.edited`);
    expect(await statusOfReport()).toBe('published');
    // A new measured figure is a new claim.
    expect(
      (
        await member.post(`/experience/${id}/edit`, {
          ...fields,
          afterValue: '60',
          whatWeDid: `${fields.whatWeDid} Les écrans aussi.`,
        })
      ).headers.get('location'),
    ).toBe(`/experience/${id}?flash=knowledge.flash.editedPending`);
    expect(await statusOfReport()).toBe('pending');
    const search = async (q: string, viewer: number) =>
      (await listExperienceReports(t.db, await as(viewer), { q }, { offset: 0, limit: 10 })).items.map((r) => r.id);
    expect(await search('ecrans', memberUser)).toEqual([id]);
    expect((await member.post(`/experience/${id}/edit`, { ...fields, beforeValue: '' })).status).toBe(422);

    expect((await (await client(otherUser)).post(`/experience/${id}/delete`)).status).toBe(404); // pending: not theirs to see
    expect((await member.get(`/experience/${id}/delete`)).status).toBe(200);
    expect((await member.post(`/experience/${id}/delete`)).headers.get('location')).toBe(
      '/experience?flash=knowledge.flash.deleted',
    );
    expect(await search('ecrans', memberUser)).toEqual([]);
    expect((await audits('knowledge_report', id)).map((a) => a.action)).toEqual([
      'report.publish',
      'report.approve',
      'report.edit',
      'report.edit',
      'report.delete',
    ]);
  });

  it('shows platform-measured figures and years on the report page, and links the footprint pages only for the organisation’s members', async () => {
    const footprintGwp = async (_db: unknown, _org: number, year: number) =>
      year === 2024 ? { value: 52_000, unit: 'kgCO2e' } : year === 2025 ? { value: 39_000, unit: 'kgCO2e' } : null;
    const { id } = await publishExperienceReport(
      t.db,
      await as(partnerUser),
      {
        organisationId: partnerOrg,
        title: 'Deux ans de mesure',
        language: 'fr',
        whatWeDid: 'Nous avons prolongé la durée de vie de tous nos portables.',
        costNotes: '',
        measureSource: 'platform',
        measureLabel: '',
        measureUnit: '',
        baselineYear: 2024,
        resultYear: 2025,
        themes: [],
        levels: [],
        levers: [],
        rgesn: [],
      },
      { footprintGwp },
    );
    const footprintHref = `href="/organisations/${partnerOrg}/footprint"`;
    for (const viewer of [null, otherUser]) {
      const html = (await (await (await client(viewer)).get(`/experience/${id}`)).text()).replace(/\s/g, ' ');
      expect(html).toContain('Résultat 2024');
      expect(html).toContain('52 000 kgCO2e');
      expect(html).toContain('Résultat 2025');
      expect(html).toContain('39 000 kgCO2e');
      expect(html).not.toContain(footprintHref);
    }
    expect(await (await (await client(partnerUser)).get(`/experience/${id}`)).text()).toContain(footprintHref);
    expect(await (await (await client(partnerUser)).get('/experience')).text()).not.toContain(footprintHref);
  });

  it('prefills the publish form from a workshop or a training, naming it, and links to it from the organiser’s pages', async () => {
    const organiser = (await makeUser(t.db)).id;
    await makeOrganisation(t.db, { kind: 'company', ownerId: organiser });
    await addMember(t.db, partnerOrg, organiser);
    const wid = await quickWorkshop(t.db, { organisationId: partnerOrg, createdBy: organiser, capacity: 20 });
    await t.db.updateTable('workshops').set({ title: 'Mesurer son parc informatique' }).where('id', '=', wid).execute();
    const c = await client(organiser);
    const html = await (await c.get(`/resources/new?workshopId=${wid}`)).text();
    expect(html).toContain('Mesurer son parc informatique');
    expect(html).toMatch(new RegExp(`<input type="checkbox" name="workshopId" value="${wid}" checked`));
    expect(html).not.toContain('type="number" name="workshopId"');
    // The workshop's organisation is picked, though the user's first organisation is another one.
    expect(html).toMatch(new RegExp(`<option value="${partnerOrg}" selected`));
    expect(await (await c.get(`/workshops/${wid}`)).text()).toContain(`/resources/new?workshopId=${wid}`);
    expect(await (await (await client(otherUser)).get(`/workshops/${wid}`)).text()).not.toContain(
      '/resources/new?workshopId=',
    );

    // A draft workshop of another organisation stays unnamed: the bare number field.
    const draft = await quickWorkshop(t.db, {
      organisationId: partnerOrg,
      createdBy: organiser,
      capacity: 5,
      status: 'draft',
    });
    await t.db.updateTable('workshops').set({ title: 'Brouillon secret' }).where('id', '=', draft).execute();
    const otherForm = await (await (await client(otherUser)).get(`/resources/new?workshopId=${draft}`)).text();
    expect(otherForm).not.toContain('Brouillon secret');
    expect(otherForm).toContain(`value="${draft}"`);

    const now = nowIso();
    const school = (await makeUser(t.db)).id;
    const schoolOrg = (await makeOrganisation(t.db, { kind: 'school', ownerId: school, signed: true })).id;
    const tr = await t.db
      .insertInto('trainings')
      .values({
        organisation_id: schoolOrg,
        title: 'Écoconception des services numériques',
        description: 'd',
        search_text: 'ecoconception',
        kind: 'course',
        education_level: 'none',
        duration_hours: 14,
        format: 'online',
        language: 'fr',
        cost_cents: 0,
        certificate: 0,
        licence: 'cc-by-4.0',
        prerequisites: '',
        learning_outcomes: '',
        url: null,
        created_by: school,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sc = await client(school);
    expect(await (await sc.get(`/resources/new?trainingId=${tr.id}`)).text()).toContain(
      'Écoconception des services numériques',
    );
    expect(await (await sc.get(`/trainings/${tr.id}`)).text()).toContain(`/resources/new?trainingId=${tr.id}`);

    const res = await c.post('/resources', {
      organisationId: partnerOrg,
      title: 'Supports',
      summary: 'Les diapositives de l’atelier.',
      kind: 'material',
      language: 'fr',
      publishedOn: '2026-03-01',
      licence: 'cc-by-4.0',
      url: 'https://example.org/s',
      workshopId: wid,
    });
    expect(res.status).toBe(303);
    const id = Number(res.headers.get('location')!.split('?')[0]!.split('/').pop());
    expect(await (await c.get(`/resources/${id}`)).text()).toContain('Mesurer son parc informatique');
    const unknown = await c.post('/resources', {
      organisationId: partnerOrg,
      title: 'Supports',
      summary: 'Les diapositives de l’atelier.',
      kind: 'material',
      language: 'fr',
      publishedOn: '2026-03-01',
      licence: 'cc-by-4.0',
      url: 'https://example.org/s',
      workshopId: 999_999,
    });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Aucun atelier ne porte ce numéro');
  });

  it('sweeps files no row references (an organisation deleted with its resources) once they are an hour old', async () => {
    const owner = (await makeUser(t.db)).id;
    const doomedOrg = (await makeOrganisation(t.db, { kind: 'partner', ownerId: owner })).id;
    const doomedFile = await storeUpload(config, pdf('doomed'));
    const keptFile = await storeUpload(config, pdf('kept'));
    if (!doomedFile.ok || !keptFile.ok) throw new Error('upload');
    const doomed = await publishResource(
      t.db,
      config,
      await as(owner),
      base(doomedOrg, { title: 'Organisation disparue', url: undefined, themes: ['cloud'] }),
      doomedFile.file,
    );
    await publishResource(
      t.db,
      config,
      await as(partnerUser),
      base(partnerOrg, { title: 'Toujours là', url: undefined }),
      keptFile.file,
    );
    await t.db.deleteFrom('organisations').where('id', '=', doomedOrg).execute();
    expect(
      await t.db.selectFrom('knowledge_resources').select('id').where('id', '=', doomed.id).executeTakeFirst(),
    ).toBeUndefined();

    const youngOrphan = `${randomBytes(16).toString('hex')}.pdf`;
    const oldOrphan = `${randomBytes(16).toString('hex')}.xlsx`;
    writeFileSync(join(uploads, youngOrphan), '%PDF-');
    writeFileSync(join(uploads, oldOrphan), 'PK');
    writeFileSync(join(uploads, 'notes-of-the-operator.txt'), 'not ours');
    for (const name of [oldOrphan, doomedFile.file.key, keptFile.file.key, 'notes-of-the-operator.txt'])
      utimesSync(join(uploads, name), hoursAgo(2), hoursAgo(2));

    const job = feature.jobs!.find((j) => j.name === 'knowledge-sweep')!;
    const result = (await job.run({ db: t.db, config, now: new Date() })) as {
      files: { removed: string[] };
      rows: number;
    };
    expect(result.files.removed.sort()).toEqual([doomedFile.file.key, oldOrphan].sort());
    expect(existsSync(join(uploads, keptFile.file.key))).toBe(true);
    expect(existsSync(join(uploads, youngOrphan))).toBe(true);
    expect(existsSync(join(uploads, 'notes-of-the-operator.txt'))).toBe(true);
    // The deleted resource's tags and index entry went too.
    expect(result.rows).toBeGreaterThanOrEqual(1);
    for (const table of ['knowledge_tags', 'knowledge_search'] as const) {
      expect(
        await t.db
          .selectFrom(table)
          .select('id')
          .where('doc_type', '=', 'resource')
          .where('doc_id', '=', doomed.id)
          .execute(),
        table,
      ).toEqual([]);
    }
    const log = await t.db
      .selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'upload.sweep')
      .execute();
    expect(log.length).toBe(1);
    // An hour later the young orphan goes as well; a second run finds nothing else.
    expect((await sweepOrphanUploads(t.db, config, new Date(Date.now() + 2 * 3_600_000))).removed).toEqual([
      youngOrphan,
    ]);
    expect((await sweepOrphanUploads(t.db, config, new Date(Date.now() + 2 * 3_600_000))).removed).toEqual([]);
    expect(await sweepOrphanRows(t.db)).toBe(0);
    rmSync(join(uploads, 'notes-of-the-operator.txt'));
  });

  it('honours an unsubscribe link for 12 months, then answers 410 and points to the account page', async () => {
    const u = await makeUser(t.db);
    await t.db.updateTable('users').set({ digest_opt_in: 1 }).where('id', '=', u.id).execute();
    const link = async (monthsAgo: number, month: string) => {
      const token = newSecret();
      const created = new Date();
      created.setUTCMonth(created.getUTCMonth() - monthsAgo);
      await t.db
        .insertInto('knowledge_digest_sends')
        .values({
          user_id: u.id,
          month,
          status: 'sent',
          outbox_id: null,
          unsubscribe_token_hash: hashSecret(token),
          created_at: created.toISOString(),
        })
        .execute();
      return `/digest/unsubscribe/${token}`;
    };
    const old = await link(13, '2024-01');
    const recent = await link(11, '2024-02');
    const visitor = await client(null);
    const expired = await visitor.get(old);
    expect(expired.status).toBe(410);
    const text = await expired.text();
    expect(text).toContain('plus de 12 mois');
    expect(text).not.toContain(u.email);
    expect((await visitor.post(old)).status).toBe(410);
    expect(
      (await t.db.selectFrom('users').select('digest_opt_in').where('id', '=', u.id).executeTakeFirstOrThrow())
        .digest_opt_in,
    ).toBe(1);
    expect((await visitor.get(recent)).status).toBe(200);
    expect((await visitor.post(recent)).status).toBe(200);
    expect(
      (await t.db.selectFrom('users').select('digest_opt_in').where('id', '=', u.id).executeTakeFirstOrThrow())
        .digest_opt_in,
    ).toBe(0);
  });
});
