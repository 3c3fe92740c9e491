import { Hono, type Context } from 'hono';
import { pdfRenderGuard } from '../../http/middleware/rate-limit.js';
import type { AppEnv } from '../../http/env.js';
import { canActForOrganisation, canManageOrganisation, requireUser } from '../../http/actor.js';
import { forbidden, notFound } from '../../http/errors.js';
import { parseForm } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { chromiumAvailable, htmlToPdf } from '../../reports/pdf.js';
import { buildMemberReport } from './build-member-report.js';
import { buildNetworkReview } from './build-network-review.js';
import { reviewCsv, reviewJson } from './export-review.js';
import { MemberReportView } from './report-view.js';
import { NetworkReviewView } from './review-view.js';
import { reviewYears } from './review-years.js';
import { saveEmployees, savePublicChoices } from './save-report-settings.js';
import { ZEmployeesForm, ZPublicChoicesForm, ZReviewYear } from './schemas.js';

export const pages = new Hono<AppEnv>();

/** Demo organisations count in the review only on an installation that shows its demo network. */
export const includeDemo = (c: Context<AppEnv>) => c.get('config').TECHCARE_DEMO;

/** A year that has a review (a signatory existed by then and it is not in the future), or a 404. */
export async function reviewYearOr404(
  c: Context<AppEnv>,
  raw: string | undefined,
): Promise<{ year: number; years: number[] }> {
  const parsed = ZReviewYear.safeParse(raw);
  if (!parsed.success) throw notFound();
  const years = await reviewYears(c.get('db'), includeDemo(c));
  if (!years.includes(parsed.data)) throw notFound();
  return { year: parsed.data, years };
}

async function reviewPage(c: Context<AppEnv>, year: number, years: number[], printable = false): Promise<Response> {
  const r = await buildNetworkReview(c.get('db'), year, { includeDemo: includeDemo(c) });
  const inProgress = year === new Date().getUTCFullYear();
  return renderPage(c, c.get('t')('review.title', { year }), (v) => (
    <NetworkReviewView v={v} r={r} years={years} inProgress={inProgress} printable={printable} />
  ));
}

async function pdfResponse(c: Context<AppEnv>, name: string, page: () => Promise<Response>): Promise<Response> {
  const config = c.get('config');
  if (!chromiumAvailable(config.CHROMIUM_PATH)) {
    const t = c.get('t');
    return renderPage(
      c,
      t('review.pdfTitle'),
      <>
        <h1>{t('review.pdfTitle')}</h1>
        <p>{t('pdf.unavailable')}</p>
      </>,
      { status: 503 },
    );
  }
  const pdf = await htmlToPdf(await (await page()).text(), config.CHROMIUM_PATH, pdfRenderGuard(c));
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${name}.pdf"`,
  });
}

pages.get('/review', async (c) => {
  const years = await reviewYears(c.get('db'), includeDemo(c));
  if (!years.length) {
    const t = c.get('t');
    return renderPage(
      c,
      t('review.index.title'),
      <>
        <h1>{t('review.index.title')}</h1>
        <p>{t('review.index.empty')}</p>
      </>,
    );
  }
  return reviewPage(c, years[0]!, years);
});

// `/review/2025`, `/review/2025.json`, `/review/2025.csv`.
pages.get('/review/:file', async (c) => {
  const m = /^(\d{4})(?:\.(json|csv))?$/.exec(c.req.param('file'));
  if (!m) throw notFound();
  const { year, years } = await reviewYearOr404(c, m[1]);
  if (!m[2]) return reviewPage(c, year, years);
  const r = await buildNetworkReview(c.get('db'), year, { includeDemo: includeDemo(c) });
  if (m[2] === 'json') {
    return c.body(JSON.stringify(reviewJson(r), null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="techcare-review-${year}.json"`,
    });
  }
  // CSV has no room for metadata: the licence travels as an RFC 8288 link, as in the JSON body.
  return c.body(reviewCsv(r), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="techcare-review-${year}.csv"`,
    Link: '<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"',
  });
});

pages.get('/review/:year/pdf', async (c) => {
  const { year, years } = await reviewYearOr404(c, c.req.param('year'));
  return pdfResponse(c, `techcare-review-${year}-${c.get('locale')}`, () => reviewPage(c, year, years, true));
});

/** The organisation and year of a report URL, after checking the viewer is a member or an administrator. */
function reportParams(c: Context<AppEnv>): { orgId: number; year: number } {
  const user = requireUser(c);
  const orgId = Number(c.req.param('id'));
  const year = ZReviewYear.safeParse(c.req.param('year'));
  if (!Number.isInteger(orgId) || orgId <= 0 || !year.success) throw notFound();
  if (!canActForOrganisation(user, orgId)) throw forbidden();
  return { orgId, year: year.data };
}

async function reportPage(
  c: Context<AppEnv>,
  opts: { printable?: boolean; errors?: Record<string, string>; employeesValue?: string; status?: 200 | 422 } = {},
): Promise<Response> {
  const { orgId, year } = reportParams(c);
  const user = requireUser(c);
  const r = await buildMemberReport(c.get('db'), user, orgId, year, { includeDemo: includeDemo(c) });
  return renderPage(
    c,
    c.get('t')('review.report.title', { org: r.org.name, year }),
    (v) => (
      <MemberReportView
        v={v}
        r={r}
        canManage={canManageOrganisation(user, orgId)}
        printable={opts.printable}
        errors={opts.errors}
        employeesValue={opts.employeesValue}
      />
    ),
    { status: opts.status },
  );
}

pages.get('/organisations/:id/report/:year', (c) => reportPage(c));
pages.get('/organisations/:id/benchmark/:year', (c) => {
  const { orgId, year } = reportParams(c);
  return c.redirect(`/organisations/${orgId}/report/${year}#benchmark`, 302);
});
pages.get('/organisations/:id/report/:year/pdf', (c) => {
  const { orgId, year } = reportParams(c);
  return pdfResponse(c, `report-${orgId}-${year}-${c.get('locale')}`, () => reportPage(c, { printable: true }));
});

pages.post('/organisations/:id/report/:year/employees', async (c) => {
  const { orgId, year } = reportParams(c);
  const { values, result } = await parseForm(c, ZEmployeesForm);
  if (!result.ok)
    return reportPage(c, { errors: result.errors, employeesValue: String(values.employees ?? ''), status: 422 });
  await saveEmployees(c.get('db'), requireUser(c), orgId, year, result.data.employees);
  return redirectWithFlash(c, `/organisations/${orgId}/report/${year}#benchmark`, 'flash.saved');
});

pages.post('/organisations/:id/report/:year/public', async (c) => {
  const { orgId, year } = reportParams(c);
  const { result } = await parseForm(c, ZPublicChoicesForm);
  if (!result.ok) throw notFound();
  await savePublicChoices(c.get('db'), requireUser(c), orgId, result.data);
  return redirectWithFlash(c, `/organisations/${orgId}/report/${year}#public`, 'flash.saved');
});
