/**
 * Bad input gets a 4xx, never a 500: page numbers and ids are validated, bodies are small except on upload routes,
 * every CSV export neutralises formulas, calendar text carries no control character, the language link stays on
 * this site, and PDF renders are cached per content and limited per client.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingsToCsv } from '../../src/features/training/catalogue-files.js';
import type { TTraining } from '../../src/features/training/training-repository.js';
import { buildCalendar, escapeText } from '../../src/features/workshops/ical.js';
import { DEFAULT_BODY_BYTES } from '../../src/http/app.js';
import { pdfLimits, pdfRenderGuard } from '../../src/http/middleware/rate-limit.js';
import { csvCell, writeCsv } from '../../src/reports/csv.js';
import { closePdfBrowser, htmlToPdf, pdfStats } from '../../src/reports/pdf.js';
import { cleanPath } from '../../src/views/layout.js';
import { TestClient, testApp } from '../helpers/app.js';
import { chromiumPath, hasChromium } from '../helpers/browser.js';
import { createTestDb, describeEachDb, type TTestDb } from '../helpers/db.js';
import { apiTokenFor, loginAs, makeOrganisation, makeUser } from '../helpers/factories.js';

describeEachDb('bad input over HTTP', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('a huge, negative or non-numeric ?page= on public lists is a 400, not a 500', async () => {
    const client = new TestClient(testApp(t.db));
    for (const path of ['/directory', '/trainings', '/resources', '/experience', '/offers']) {
      for (const page of ['99999999999999999999999', '1e300', '-3', 'abc', '10001']) {
        const res = await client.get(`${path}?page=${page}`);
        expect([path, page, res.status]).toEqual([path, page, 400]);
      }
      expect((await client.get(`${path}?page=2`)).status).toBe(200);
    }
  });

  it('the API answers 400 for a bad page or per_page, and 404 for an id too large to exist', async () => {
    const u = await makeUser(t.db);
    const token = await apiTokenFor(t.db, u.id);
    const app = testApp(t.db);
    const get = (path: string) =>
      app.request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get('/trainings?page=99999999999999999999')).status).toBe(400);
    expect((await get('/trainings?per_page=1000')).status).toBe(400);
    expect((await get('/trainings?page=2')).status).toBe(200);
    const res = await get('/organisations/99999999999999999999/footprints/2024');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await new TestClient(app).get('/resources/99999999999999999999')).status).toBe(404);
  });

  it('request bodies are capped small, except on the routes that take a file', async () => {
    const client = new TestClient(testApp(t.db));
    const big = 'x'.repeat(DEFAULT_BODY_BYTES + 1);
    const res = await client.request('/login', {
      method: 'POST',
      body: `email=a%40b.fr&password=${big}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(413);
    const api = await testApp(t.db).request('http://localhost/api/v1/trainings', {
      method: 'POST',
      body: JSON.stringify({ x: big }),
      headers: { 'content-type': 'application/json' },
    });
    expect(api.status).toBe(413);
    // An inventory upload of 3 MB is read (here refused as a workbook, with a 422), not cut off at the cap.
    const owner = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: owner.id });
    await loginAs(t.db, client, owner.id);
    const form = new FormData();
    form.set('file', new File([new Uint8Array(randomBytes(3 * 1024 * 1024))], 'inventory.xlsx'));
    expect((await client.postMultipart(`/organisations/${org.id}/footprint/2024/imports`, form)).status).toBe(422);
  });

  it('the 404 page’s language link stays on this site whatever the path', async () => {
    const client = new TestClient(testApp(t.db));
    for (const path of ['//evil.example/x', '/\\evil.example/x', '/%2F%2Fevil.example']) {
      const res = await client.get(path);
      expect(res.status).toBe(404);
      const html = await res.text();
      const href = /<a href="([^"]*)" hreflang=/.exec(html)![1]!;
      expect(href.startsWith('/')).toBe(true);
      expect(href.startsWith('//')).toBe(false);
      expect(href).not.toContain('\\');
    }
  });
});

describe('one CSV writer neutralises formulas', () => {
  it('prefixes every text cell a spreadsheet would run, and leaves numbers as numbers', () => {
    for (const danger of ['=1+1', '+33 1 23', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://x","y")']) {
      const cell = csvCell(danger);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell('plain')).toBe('plain');
    expect(
      writeCsv(
        [
          ['a', 'b;c'],
          [1.5, null],
        ],
        { delimiter: ';', decimalComma: true, bom: true },
      ),
    ).toBe('\uFEFFa;"b;c"\r\n1,5;\r\n');
  });

  it('the training export goes through it', () => {
    const training = {
      id: 1,
      organisationId: 1,
      organisationName: 'O',
      organisationSlug: 'o',
      organisationIsDemo: false,
      title: '=cmd|" /C calc"!A0',
      description: '-1+1',
      kind: 'course',
      audiences: [],
      educationLevel: 'all',
      durationHours: 7,
      format: 'online',
      language: 'fr',
      costEur: 0,
      certificate: false,
      licence: 'none',
      prerequisites: '@x',
      learningOutcomes: '',
      url: null,
      skills: [],
      createdAt: '',
      updatedAt: '',
      unpublished: false,
      reviewPending: false,
    } as TTraining;
    const csv = trainingsToCsv([training]);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csv).toContain(`'-1+1`);
    expect(csv).toContain(`'@x`);
  });
});

describe('calendar text', () => {
  it('escapes line breaks (a bare CR included) and drops every other control character', () => {
    expect(escapeText('a\rb\nc\r\nd')).toBe('a\\nb\\nc\\nd');
    const escaped = escapeText('x\u0000\u0007\u001b\u007fy\u2028z');
    // eslint-disable-next-line no-control-regex
    expect(escaped).not.toMatch(/[\u0000-\u001f\u007f\u2028]/);
    const ics = buildCalendar({
      method: 'PUBLISH',
      events: [
        {
          uid: 'u@x',
          sequence: 0,
          startsAt: '2026-03-01T10:00:00Z',
          durationMinutes: 60,
          summary: 'Atelier\rATTENDEE:mailto:evil@example.org',
          description: 'd\u0007',
          location: 'Salle\r\nX-EVIL:1',
          url: 'http://localhost/w/1',
          status: 'CONFIRMED',
          timeZone: 'Europe/Paris',
          updatedAt: '2026-02-01T10:00:00Z',
          organizer: { name: 'Org\rX-EVIL:2', email: 'o@example.org' },
        },
      ],
    });
    expect(ics.split('\r\n').some((line) => /^(ATTENDEE:mailto:evil|X-EVIL)/.test(line))).toBe(false);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\r');
  });

  it('cleans paths for links', () => {
    expect(cleanPath('//evil.example/x')).toBe('/evil.example/x');
    expect(cleanPath('/\\evil.example')).toBe('/%5Cevil.example');
  });
});

describe.skipIf(!hasChromium)('PDF renders', () => {
  afterAll(() => closePdfBrowser());
  it('are cached per content: the same page is printed once, the guard runs only when printing', async () => {
    let guarded = 0;
    const guard = async () => {
      guarded++;
    };
    const html = `<!doctype html><html><body><p>Cache ${randomBytes(4).toString('hex')}</p></body></html>`;
    const before = pdfStats.renders;
    const [a, b] = await Promise.all([htmlToPdf(html, chromiumPath, guard), htmlToPdf(html, chromiumPath, guard)]);
    const c = await htmlToPdf(html, chromiumPath, guard);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(pdfStats.renders - before).toBe(1);
    expect(guarded).toBe(1);
    await htmlToPdf(html.replace('Cache', 'Other'), chromiumPath, guard);
    expect(pdfStats.renders - before).toBe(2);
  }, 120_000);

  it('a client past its limit of new renders gets a 429', async () => {
    const t = await createTestDb('sqlite');
    try {
      const app = testApp(t.db);
      app.get('/test-only/pdf/:n', async (c) => {
        const pdf = await htmlToPdf(`<!doctype html><p>${c.req.param('n')}</p>`, chromiumPath, pdfRenderGuard(c));
        return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
      });
      const client = new TestClient(app);
      // The limit counts renders, not requests: fill it without printing, then one new page is refused.
      const { hitRateLimit } = await import('../../src/http/middleware/rate-limit.js');
      for (let i = 0; i < pdfLimits.perAddress; i++)
        await hitRateLimit(t.db, 'pdf:address:local', pdfLimits.perAddress, pdfLimits.windowMs);
      expect((await client.get(`/test-only/pdf/${randomBytes(4).toString('hex')}`)).status).toBe(429);
    } finally {
      await t.destroy();
    }
  });
});
