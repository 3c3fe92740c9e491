import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { listResources } from './list-resources.js';
import { publishResource } from './publish-resource.js';
import { relatedResources } from './find-related-resources.js';
import type { TResourceInput } from './schemas.js';

const uploads = mkdtempSync(join(tmpdir(), 'techcare-uploads-test-'));
// The uploads folder comes from the configuration (TECHCARE_UPLOADS_DIR), like every setting.
const env = { TECHCARE_UPLOADS_DIR: uploads };
afterAll(() => rmSync(uploads, { recursive: true, force: true }));

const base: Omit<TResourceInput, 'organisationId' | 'title' | 'summary'> = {
  kind: 'guide',
  language: 'fr',
  publishedOn: '2026-01-15',
  licence: 'cc-by-4.0',
  url: 'https://example.org/doc',
  themes: [],
  levels: [],
  levers: [],
  rgesn: [],
};

describeEachDb('knowledge: library, search, moderation, uploads, comments', (kind) => {
  let t: TTestDb;
  let partnerUser: number;
  let partnerOrg: number;
  let memberUser: number;
  let memberOrg: number;
  let otherUser: number;
  let adminUser: number;

  const asUser = async (id: number) => (await loadCurrentUser(t.db, id))!;
  const titles = async (viewer: number | null, filter: Parameters<typeof listResources>[2]) =>
    (await listResources(t.db, viewer ? await asUser(viewer) : null, filter, { offset: 0, limit: 50 })).items
      .map((r) => r.title)
      .sort();

  beforeAll(async () => {
    t = await createTestDb(kind);
    partnerUser = (await makeUser(t.db)).id;
    partnerOrg = (await makeOrganisation(t.db, { kind: 'partner', ownerId: partnerUser })).id;
    memberUser = (await makeUser(t.db)).id;
    memberOrg = (await makeOrganisation(t.db, { kind: 'company', ownerId: memberUser, signed: true })).id;
    otherUser = (await makeUser(t.db)).id;
    await makeOrganisation(t.db, { kind: 'school', ownerId: otherUser });
    adminUser = (await makeUser(t.db, { admin: true })).id;
    const config = (await import('../../../test/helpers/app.js')).testConfig(env);
    const p = await asUser(partnerUser);
    await publishResource(
      t.db,
      config,
      p,
      {
        ...base,
        organisationId: partnerOrg,
        title: 'Guide de l’éco-conception des services',
        summary: 'Réduire la charge des serveurs et des terminaux.',
        levers: ['eco-design-services'],
      },
      null,
    );
    await publishResource(
      t.db,
      config,
      p,
      {
        ...base,
        organisationId: partnerOrg,
        title: 'Mutualiser ses serveurs',
        summary: 'Consolidation des machines virtuelles dans le centre de données.',
        themes: ['infrastructure'],
        levels: [3],
      },
      null,
    );
    await publishResource(
      t.db,
      config,
      p,
      {
        ...base,
        organisationId: partnerOrg,
        language: 'en',
        kind: 'study',
        title: 'Measuring printers energy',
        summary: 'How offices measured the energy of their printing fleet.',
        licence: 'cc0-1.0',
      },
      null,
    );
  });
  afterAll(() => t.destroy());

  it('searches French with or without accents and hyphens, singular or plural', async () => {
    for (const q of ['écoconception', 'ecoconception', 'éco-conception', 'Eco-Conception', 'conception']) {
      expect(await titles(null, { q }), q).toEqual(['Guide de l’éco-conception des services']);
    }
    expect(await titles(null, { q: 'serveur' })).toEqual([
      'Guide de l’éco-conception des services',
      'Mutualiser ses serveurs',
    ]);
    expect(await titles(null, { q: 'SERVEURS mutualiser' })).toEqual(['Mutualiser ses serveurs']);
    expect(await titles(null, { q: 'imprimante' })).toEqual([]);
  });

  it('searches English with stemming, and combines search with filters', async () => {
    expect(await titles(null, { q: 'printer' })).toEqual(['Measuring printers energy']);
    expect(await titles(null, { q: 'measured printing' })).toEqual(['Measuring printers energy']);
    expect(await titles(null, { q: 'printer', language: 'fr' })).toEqual([]);
    expect(await titles(null, { theme: 'infrastructure', level: 3 })).toEqual(['Mutualiser ses serveurs']);
    expect(await titles(null, { lever: 'eco-design-services' })).toEqual(['Guide de l’éco-conception des services']);
    expect(await titles(null, { licence: 'cc0-1.0', kind: 'study' })).toEqual(['Measuring printers energy']);
    expect(await titles(null, { q: '"; DROP TABLE knowledge_resources; --' })).toEqual([]);
  });

  it('keeps a member organisation’s publication hidden from others until an administrator approves it', async () => {
    const app = testApp(t.db, env);
    const member = new TestClient(app);
    await loginAs(t.db, member, memberUser);
    const res = await member.post('/resources', {
      organisationId: memberOrg,
      title: 'Retour sur nos serveurs reconditionnés',
      summary: 'Nous avons acheté des serveurs reconditionnés.',
      kind: 'method',
      language: 'fr',
      publishedOn: '2026-02-01',
      licence: 'cc-by-4.0',
      url: 'https://example.org/reco',
      levers: 'buy-refurbished',
    });
    expect(res.status).toBe(303);
    const path = res.headers.get('location')!.split('?')[0]!;
    const id = Number(path.split('/').pop());
    expect(await member.get(path).then((r) => r.status)).toBe(200);

    const other = new TestClient(app);
    await loginAs(t.db, other, otherUser);
    const visitor = new TestClient(app);
    for (const c of [other, visitor]) {
      expect((await c.get(path)).status).toBe(404);
      expect(await (await c.get('/resources?q=reconditionnes')).text()).not.toContain('Retour sur nos serveurs');
      expect((await c.get(`/api/v1/resources/${id}`)).status).toBe(404);
    }
    expect(await titles(otherUser, { q: 'serveurs reconditionnés' })).toEqual([]);
    expect(await titles(memberUser, { q: 'serveurs reconditionnés' })).toEqual([
      'Retour sur nos serveurs reconditionnés',
    ]);
    expect((await relatedResources(t.db, { leverSlug: 'buy-refurbished' })).map((r) => r.id)).toEqual([]);

    const admin = new TestClient(app);
    await loginAs(t.db, admin, adminUser);
    expect(await (await admin.get('/admin/resources')).text()).toContain('Retour sur nos serveurs');
    expect((await other.post(`/admin/resources/${id}/approve`)).status).toBe(403);
    expect((await admin.post(`/admin/resources/${id}/approve`)).status).toBe(303);
    expect((await visitor.get(path)).status).toBe(200);
    expect(await titles(otherUser, { q: 'reconditionne' })).toEqual(['Retour sur nos serveurs reconditionnés']);
    expect((await relatedResources(t.db, { leverSlug: 'buy-refurbished' })).map((r) => r.id)).toEqual([id]);
    // The lever's page (actions feature) shows it through the knowledge feature's contribution, not an import.
    expect(await (await visitor.get('/levers/buy-refurbished')).text()).toContain(
      'Retour sur nos serveurs reconditionnés',
    );
    // A second decision on the same publication is a conflict, not a silent overwrite.
    expect((await admin.post(`/admin/resources/${id}/reject`, { reason: 'trop tard' })).status).toBe(409);
  });

  it('publishes a partner’s resource at once and lists it in the API with filters', async () => {
    const res = await new TestClient(testApp(t.db, env)).get('/api/v1/resources?lever=eco-design-services&per_page=5');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { title: string; tags: { levers: string[] } }[];
    expect(body.map((r) => r.title)).toEqual(['Guide de l’éco-conception des services']);
    expect(res.headers.get('x-total-count')).toBe('1');
    expect((await new TestClient(testApp(t.db, env)).get('/api/v1/resources?kind=bogus')).status).toBe(400);
  });

  it('validates uploads by name, type, content and size, and serves them with a safe name', async () => {
    const app = testApp(t.db, env);
    const partner = new TestClient(app);
    await loginAs(t.db, partner, partnerUser);
    const form = (file: File | null, extra: Record<string, string> = {}) => {
      const f = new FormData();
      const fields: Record<string, string> = {
        organisationId: String(partnerOrg),
        title: 'Support d’atelier',
        summary: 'Les diapositives de l’atelier de mars.',
        kind: 'material',
        language: 'fr',
        publishedOn: '2026-03-01',
        licence: 'cc-by-4.0',
        ...extra,
      };
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      if (file) f.append('file', file);
      return f;
    };
    const before = readdirSync(uploads).length;
    const pdf = new File(['%PDF-1.4\n% test\n'], 'Support été "mars".pdf', { type: 'application/pdf' });
    const refused: [File, string][] = [
      [new File(['MZ\u0090 not a pdf'], 'slides.pdf'), 'Le contenu du fichier ne correspond pas'],
      [new File(['%PDF-1.4'], 'slides.pdf.exe'), 'Type de fichier refusé'],
      [new File(['%PDF-1.4'], 'slides.exe.pdf'), 'Nom de fichier refusé'],
      [new File(['%PDF-1.4'], '../../etc/passwd.pdf'), 'Nom de fichier refusé'],
      [new File(['%PDF-1.4'], 'a\u0007b.pdf'), 'Nom de fichier refusé'],
      [new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(37)], 'big.pdf'), 'Fichier trop volumineux'],
    ];
    for (const [file, message] of refused) {
      const res = await partner.postMultipart('/resources', form(file));
      expect(res.status, file.name).toBe(422);
      expect(await res.text(), file.name).toContain(message);
    }
    // A link and a file at once is refused too, and the stored file is removed again.
    expect((await partner.postMultipart('/resources', form(pdf, { url: 'https://example.org/x' }))).status).toBe(422);
    expect(readdirSync(uploads).length).toBe(before);

    const ok = await partner.postMultipart('/resources', form(pdf));
    expect(ok.status).toBe(303);
    const path = ok.headers.get('location')!.split('?')[0]!;
    const stored = readdirSync(uploads).filter((f) => f.endsWith('.pdf'));
    expect(stored.length).toBe(before + 1);
    expect(stored.every((f) => /^[0-9a-f]{32}\.pdf$/.test(f))).toBe(true);
    const dl = await new TestClient(app).get(`${path}/file`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toBe(
      `attachment; filename="Support ete _mars_.pdf"; filename*=UTF-8''${encodeURIComponent('Support été _mars_.pdf')}`,
    );
    expect(await dl.text()).toBe('%PDF-1.4\n% test\n');
  });

  it('lets users comment and report, the author organisation mark the answer, and administrators hide', async () => {
    const app = testApp(t.db, env);
    const { items } = await listResources(t.db, null, { q: 'mutualiser' }, { offset: 0, limit: 1 });
    const path = `/resources/${items[0]!.id}`;
    const other = new TestClient(app);
    await loginAs(t.db, other, otherUser);
    expect((await new TestClient(app).post(`${path}/comments`, { body: 'Visiteur' })).status).toBe(303); // redirected to login
    expect((await other.post(`${path}/comments`, { body: 'Quelle version de l’hyperviseur ?' })).status).toBe(303);
    const comment = await t.db
      .selectFrom('knowledge_comments')
      .select('id')
      .where('body', '=', 'Quelle version de l’hyperviseur ?')
      .executeTakeFirstOrThrow();

    expect((await other.post(`/knowledge/comments/${comment.id}/answer`, { answer: '1' })).status).toBe(403);
    const partner = new TestClient(app);
    await loginAs(t.db, partner, partnerUser);
    expect((await partner.post(`/knowledge/comments/${comment.id}/answer`, { answer: '1' })).status).toBe(303);
    expect(await (await other.get(path)).text()).toContain('Réponse de l’organisation autrice');

    const reporter = await makeUser(t.db);
    await addMember(t.db, memberOrg, reporter.id);
    const r = new TestClient(app);
    await loginAs(t.db, r, reporter.id);
    await r.post(`/knowledge/comments/${comment.id}/report`);
    await r.post(`/knowledge/comments/${comment.id}/report`);
    await partner.post(`/knowledge/comments/${comment.id}/report`);
    const admin = new TestClient(app);
    await loginAs(t.db, admin, adminUser);
    const queue = await (await admin.get('/admin/resources')).text();
    expect(queue).toContain('Quelle version de l’hyperviseur ?');
    expect(queue).toContain('Signalements : 2');
    expect((await admin.post(`/admin/resources/comments/${comment.id}/hide`, { reason: 'Hors sujet' })).status).toBe(
      303,
    );
    expect(await (await other.get(path)).text()).not.toContain('Quelle version de l’hyperviseur ?');
    expect(await (await admin.get('/admin/resources')).text()).not.toContain('Quelle version de l’hyperviseur ?');
  });
});
