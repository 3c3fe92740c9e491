import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { addMember, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { listTrainings, trainingStats, type TTraining } from './index.js';
import { ensureSkillsFramework } from './skills-store.js';

const base = {
  description: 'Un module',
  kind: 'module',
  audiences: 'students',
  education_level: 'bachelor',
  duration_hours: '10',
  format: 'online',
  language: 'fr',
  cost_eur: '',
  licence: 'cc-by',
  skill_3: '2',
};

describeEachDb('training catalogue', (kind) => {
  let t: TTestDb;
  let school: { id: number };
  let other: { id: number };
  let company: { id: number };
  let teacher: TestClient;
  let outsider: TestClient;
  let app: ReturnType<typeof testApp>;

  beforeAll(async () => {
    t = await createTestDb(kind);
    await ensureSkillsFramework(t.db);
    app = testApp(t.db);
    const u1 = await makeUser(t.db);
    const u2 = await makeUser(t.db);
    school = await makeOrganisation(t.db, { kind: 'school', ownerId: u1.id, name: 'École Alpha', signed: true });
    other = await makeOrganisation(t.db, { kind: 'partner', ownerId: u2.id, name: 'Partenaire Beta' });
    company = await makeOrganisation(t.db, { kind: 'company', ownerId: u2.id, signed: true });
    teacher = new TestClient(app);
    await loginAs(t.db, teacher, u1.id);
    outsider = new TestClient(app);
    await loginAs(t.db, outsider, u2.id);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('a school member publishes a training; the form names the faulty fields', async () => {
    const bad = await teacher.post('/trainings/new', {
      ...base,
      organisation: school.id,
      title: 'x',
      kind: 'lecture',
      skill_3: '',
    });
    expect(bad.status).toBe(422);
    const html = (await bad.text()).replace(/\u00a0/g, ' ');
    // The summary names each field by its label; the form speaks of its lists, not of the codes files use.
    expect(html).toContain('<a href="#f-title">Titre : Saisissez un titre d’au moins 3 caractères.</a>');
    expect(html).toContain('<a href="#f-kind">Type : Choisissez une des propositions de la liste.</a>');
    expect(html).toContain(
      '<a href="#f-skills">Compétences développées (référentiel DINUM) : Choisissez un niveau pour au moins un bloc de compétences.</a>',
    );
    expect(html).not.toContain('module, programme, mooc');
    expect(html).not.toContain('bloc:niveau');
    const ok = await teacher.post('/trainings/new', {
      ...base,
      organisation: school.id,
      title: 'Écoconception des services numériques',
      audiences: ['students', 'developers'],
      certificate: 'yes',
    });
    expect(ok.status).toBe(303);
    const page = await teacher.get(ok.headers.get('location')!.split('?')[0]!);
    expect(await page.text()).toContain('Écoconception applicative');
    await outsider.post('/trainings/new', {
      ...base,
      organisation: other.id,
      title: 'Green IT pour managers',
      audiences: 'managers',
      cost_eur: '1200',
      format: 'on_site',
      licence: 'proprietary',
      skill_3: '',
      skill_2: '4',
      duration_hours: '35',
    });
  });

  it('only the provider edits its trainings', async () => {
    const [tr] = await listTrainings(t.db, { q: 'ecoconception' });
    expect(tr).toBeDefined();
    expect((await outsider.get(`/trainings/${tr!.id}/edit`)).status).toBe(403);
    expect((await outsider.post(`/trainings/${tr!.id}/edit`, { ...base, title: 'Hijacked' })).status).toBe(403);
    expect((await outsider.post(`/trainings/${tr!.id}/delete`)).status).toBe(403);
    // A company cannot publish trainings, even for itself.
    expect(
      (await outsider.post('/trainings/new', { ...base, organisation: company.id, title: 'Company course' })).status,
    ).toBe(403);
    expect((await new TestClient(app).post(`/trainings/${tr!.id}/edit`, { ...base, title: 'Anon' })).status).toBe(303);
    const edit = await teacher.post(`/trainings/${tr!.id}/edit`, {
      ...base,
      title: 'Écoconception des services numériques (v2)',
    });
    expect(edit.status).toBe(303);
    expect((await listTrainings(t.db, { q: 'v2' }))[0]?.id).toBe(tr!.id);
  });

  it('searches accent-insensitively and filters on every field', async () => {
    const titles = async (f: Parameters<typeof listTrainings>[1]) =>
      (await listTrainings(t.db, f)).map((x) => x.title).sort();
    expect(await titles({ q: 'ÉCOCONCEPTION' })).toHaveLength(1);
    expect(await titles({ q: 'ecoconception numeriques' })).toHaveLength(1);
    expect(await titles({ q: 'introuvable' })).toEqual([]);
    expect(await titles({ audience: 'managers' })).toEqual(['Green IT pour managers']);
    expect(await titles({ cost: 'free' })).toHaveLength(1);
    expect(await titles({ cost: 'paid' })).toEqual(['Green IT pour managers']);
    expect(await titles({ licence: 'open' })).toHaveLength(1);
    expect(await titles({ block: 2, level: 4 })).toEqual(['Green IT pour managers']);
    expect(await titles({ block: 2, level: 3 })).toEqual([]);
    expect(await titles({ format: 'on_site', max_hours: 40 })).toEqual(['Green IT pour managers']);
    expect(await titles({ max_hours: 20 })).toHaveLength(1);
    expect(await titles({ certificate: 'yes' })).toHaveLength(0); // the edit dropped the certificate
    expect(await titles({ provider: other.id })).toEqual(['Green IT pour managers']);
    const page = await (await new TestClient(app).get('/trainings?q=MANAGERS&audience=managers&kind=module')).text();
    expect(page).toContain('Green IT pour managers');
    expect(page).not.toContain('Écoconception des services');
  });

  it('imports a CSV in bulk (French headers, `;`, decimal comma) and refuses a faulty file whole, line by line', async () => {
    const before = (await listTrainings(t.db, { provider: school.id })).length;
    const bad = new FormData();
    bad.set('file', new File([readFileSync('test/fixtures/training/catalogue-errors.csv')], 'catalogue.csv'));
    const res = await teacher.postMultipart(`/organisations/${school.id}/trainings/import`, bad);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<td>3<\/td><td>kind<\/td><td>[^<]*module, programme/);
    expect(html).toMatch(/<td>4<\/td><td>duration_hours<\/td>/);
    expect(html).toMatch(/<td>4<\/td><td>skills<\/td><td>[^<]*bloc:niveau/);
    expect((await listTrainings(t.db, { provider: school.id })).length).toBe(before);

    const good = new FormData();
    good.set('file', new File([readFileSync('test/fixtures/training/catalogue-ok.csv')], 'catalogue.csv'));
    expect((await teacher.postMultipart(`/organisations/${school.id}/trainings/import`, good)).status).toBe(303);
    const imported = await listTrainings(t.db, { q: 'sobriete donnees' });
    expect(imported[0]).toMatchObject({
      durationHours: 12.5,
      audiences: ['data', 'students'],
      certificate: true,
      skills: [
        { block: 4, level: 2 },
        { block: 4, level: 3 },
      ],
    });
    // Outsiders cannot import into the school.
    expect((await outsider.postMultipart(`/organisations/${school.id}/trainings/import`, good)).status).toBe(403);
  });

  it('exports an organisation’s trainings as CSV and JSON that import back identically', async () => {
    const csv = await (await teacher.get(`/organisations/${school.id}/trainings/export.csv`)).text();
    const json = (await (await teacher.get(`/organisations/${school.id}/trainings/export.json`)).json()) as {
      trainings: unknown[];
    };
    expect(json.trainings).toHaveLength(3);
    const target = await makeOrganisation(t.db, { kind: 'school', name: 'École Gamma', signed: true });
    const u = await makeUser(t.db);
    await addMember(t.db, target.id, u.id);
    const c2 = new TestClient(app);
    await loginAs(t.db, c2, u.id);
    for (const [name, body] of [
      ['a.csv', csv],
      ['b.json', JSON.stringify(json)],
    ] as const) {
      const f = new FormData();
      f.set('file', new File([body], name));
      expect((await c2.postMultipart(`/organisations/${target.id}/trainings/import`, f)).status).toBe(303);
    }
    const strip = (x: TTraining) => ({
      ...x,
      id: 0,
      organisationId: 0,
      organisationName: '',
      organisationSlug: '',
      createdAt: '',
      updatedAt: '',
    });
    const src = (await listTrainings(t.db, { provider: school.id }))
      .map(strip)
      .sort((a, b) => a.title.localeCompare(b.title));
    const copies = (await listTrainings(t.db, { provider: target.id, limit: 10 }))
      .map(strip)
      .sort((a, b) => a.title.localeCompare(b.title));
    expect(copies).toEqual([...src, ...src].sort((a, b) => a.title.localeCompare(b.title)));
    const pub = await new TestClient(app).get('/trainings/export.json?audience=managers');
    expect(((await pub.json()) as { trainings: { title: string }[] }).trainings.map((x) => x.title)).toEqual([
      'Green IT pour managers',
    ]);
  });

  it('serves GET /api/v1/trainings with filters, pagination and a Link header', async () => {
    const client = new TestClient(app);
    const res = await client.get('/api/v1/trainings?per_page=2&page=1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { trainings: unknown[]; total: number };
    expect(body.trainings).toHaveLength(2);
    expect(res.headers.get('link')).toContain('rel="next"');
    const filtered = (await (await client.get('/api/v1/trainings?block=2&level=4')).json()) as {
      trainings: { title: string; skills: string[] }[];
    };
    expect(filtered.trainings.map((x) => x.title)).toEqual(['Green IT pour managers']);
    expect(filtered.trainings[0]!.skills).toEqual(['2:4']);
    expect((await client.get('/api/v1/trainings?per_page=500')).status).toBe(400);
    expect((await client.get('/api/v1/trainings/999999')).status).toBe(404);
    const doc = (await (await client.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/trainings');
  });

  it('orders a learning path by level, within the role’s blocks and audience', async () => {
    await teacher.post('/trainings/new', {
      ...base,
      organisation: school.id,
      title: 'Revue de code sobre',
      audiences: 'developers',
      skill_3: '2',
    });
    const html = await (await new TestClient(app).get('/learning-paths?role=developer&level=1')).text();
    const path = html.slice(html.indexOf('id="path"'));
    const order = ['Fresque de l', 'Revue de code sobre'].map((s) => path.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order[0]!).toBeLessThan(order[1]!); // level 1 before level 2
    expect(path).not.toContain('Green IT pour managers'); // aimed at managers only
    expect(path).not.toContain('(v2)'); // aimed at students only since its edit
    const managers = await (await new TestClient(app).get('/learning-paths?role=manager&level=4')).text();
    expect(managers.slice(managers.indexOf('id="path"'))).toContain('Green IT pour managers');
  });

  it('records a school’s curricula and aggregates the year for the annual review', async () => {
    const year = 2025;
    const r1 = await teacher.post(`/organisations/${school.id}/curricula`, {
      programme: 'Licence informatique',
      year,
      hours: '12,5',
      students: '80',
      compulsory: 'yes',
    });
    expect(r1.status).toBe(303);
    await teacher.post(`/organisations/${school.id}/curricula`, {
      programme: 'Master',
      year,
      hours: '20',
      students: '40',
    });
    // The same programme and year again corrects the figures instead of adding a row.
    await teacher.post(`/organisations/${school.id}/curricula`, {
      programme: 'Licence informatique',
      year,
      hours: '15',
      students: '90',
      compulsory: 'yes',
    });
    const bad = await teacher.post(`/organisations/${school.id}/curricula`, {
      programme: 'X1',
      year: 'soon',
      hours: 'a',
      students: '-3',
    });
    expect(bad.status).toBe(422);
    expect((await outsider.get(`/organisations/${school.id}/curricula`)).status).toBe(403);
    const stats = await trainingStats(t.db, year);
    expect(stats).toMatchObject({
      year,
      schoolsReporting: 1,
      programmes: 2,
      students: 130,
      hours: 35,
      compulsoryProgrammes: 1,
    });
    const now = new Date().getUTCFullYear();
    expect((await trainingStats(t.db, now)).trainingsPublished).toBe(
      await t.db
        .selectFrom('trainings')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),
    );
  });

  it('lets a company post, edit and close an offer; visitors see only open ones', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const offer = {
      organisation: company.id,
      title: 'Stage écoconception',
      kind: 'internship',
      description: 'Six mois',
      location: 'Lille',
      start_date: day(30),
      contact_email: 'rh@example.org',
      expires_on: day(20),
      duration_weeks: '24',
      pay: '650 € par mois',
      application_deadline: day(15),
    };
    expect((await outsider.post('/offers/new', { ...offer, expires_on: day(-1) })).status).toBe(422);
    // Dates: no start in the past, an end date or a duration, a deadline before the start; each error names its field.
    expect(await (await outsider.post('/offers/new', { ...offer, pay: '' })).text()).toContain(
      'Indiquez la rémunération',
    );
    const bad = await outsider.post('/offers/new', { ...offer, start_date: day(-2), application_deadline: day(-1) });
    expect(bad.status).toBe(422);
    const html = (await bad.text()).replace(/\u00a0/g, ' ');
    expect(html).toContain('href="#f-start_date"');
    expect(html).toContain('La date de début ne peut pas être passée.');
    const noEnd = await outsider.post('/offers/new', { ...offer, duration_weeks: '', application_deadline: day(40) });
    expect(await noEnd.text()).toContain('Indiquez une date de fin ou une durée en semaines.');
    expect((await outsider.post('/offers/new', { ...offer, end_date: day(29), duration_weeks: '' })).status).toBe(422);
    const before = await t.db
      .selectFrom('job_offers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(before.n)).toBe(0);
    expect((await teacher.post('/offers/new', offer)).status).toBe(403);
    const res = await outsider.post('/offers/new', offer);
    expect(res.status).toBe(303);
    const id = res.headers.get('location')!.match(/\/offers\/(\d+)/)![1];
    const visitor = new TestClient(app);
    expect(await (await visitor.get('/offers')).text()).toContain('Stage écoconception');
    const page = await (await visitor.get(`/offers/${id}`)).text();
    expect(page).toContain('mailto:rh@example.org');
    expect(page).toContain('650 € par mois');
    expect((await teacher.post(`/offers/${id}/close`)).status).toBe(403);
    expect((await outsider.post(`/offers/${id}/close`)).status).toBe(303);
    expect(await (await visitor.get('/offers')).text()).not.toContain('Stage écoconception');
    expect((await visitor.get(`/offers/${id}`)).status).toBe(404);
  });

  it('lists public pages in the sitemap', async () => {
    const paths = await (await import('./index.js')).feature.sitemap!(t.db);
    expect(paths).toEqual(expect.arrayContaining(['/trainings', '/learning-paths', '/offers']));
    expect(paths.filter((p) => /^\/trainings\/\d+$/.test(p)).length).toBeGreaterThanOrEqual(5);
  });
});
