import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { renderPage } from '../../http/render.js';
import { chromiumAvailable, htmlToPdf } from '../../reports/pdf.js';
import type { TViewContext } from '../../views/context.js';
import { getDeclaration, type TDeclaration } from './rgesn-assessments.js';
import { criterionText, formatScore, statusKey } from './rgesn-views.js';
import { idParam } from './shared.js';

export const declarationPages = new Hono<AppEnv>();

/** The eco-design declaration of one assessment, as a page (and, printed, as the PDF). */
function DeclarationView(props: { v: TViewContext; d: TDeclaration; pdfLink: boolean }) {
  const { v, d } = props;
  const t = v.t;
  const a = d.assessment;
  const content = d.content;
  const byNumber = new Map(d.criteria.map((c) => [c.number, c]));
  const text = (n: string) => `${n} ${criterionText(v, byNumber.get(n)!)}`;
  return (
    <article class="declaration">
      <h1>{t('maturity.declaration.title', { service: a.service_name })}</h1>
      <dl>
        <dt>{t('maturity.declaration.organisation')}</dt>
        <dd>{a.organisation_name}</dd>
        {a.service_url ? (
          <>
            <dt>{t('maturity.declaration.url')}</dt>
            <dd>{a.service_url}</dd>
          </>
        ) : null}
        <dt>{t('maturity.declaration.date')}</dt>
        <dd>{v.fmt.date(a.published_at ?? a.updated_at)}</dd>
        <dt>{t('maturity.declaration.referential')}</dt>
        <dd>{t('maturity.declaration.referentialValue', { version: a.referential_version })}</dd>
        <dt>{t('maturity.rgesn.score')}</dt>
        <dd id="declaration-score">{formatScore(v, content.score.score)}</dd>
        <dt>{t('maturity.rgesn.plan.previous')}</dt>
        <dd>{formatScore(v, content.previousScore)}</dd>
        <dt>{t('maturity.rgesn.plan.target')}</dt>
        <dd>{content.targetScore === null ? '—' : t('maturity.declaration.targetValue', { score: formatScore(v, content.targetScore), date: content.targetDate ? v.fmt.date(content.targetDate) : '—' })}</dd>
      </dl>
      {a.published_at ? null : <p class="notice">{t('maturity.declaration.draft')}</p>}
      <p class="notice">{t('maturity.declaration.notImpact')}</p>
      {a.description ? <p>{a.description}</p> : null}
      <h2>{t('maturity.declaration.validated', { n: content.validated.length })}</h2>
      <ul>{content.validated.map((n) => <li>{text(n)}</li>)}</ul>
      <h2>{t('maturity.declaration.notValidated', { n: content.notValidated.length })}</h2>
      <ul>{content.notValidated.map((x) => <li>{`${text(x.number)} (${t(statusKey(x.status))})`}</li>)}</ul>
      <h2>{t('maturity.declaration.notApplicable', { n: content.notApplicable.length })}</h2>
      <p>{content.notApplicable.join(', ') || '—'}</p>
      <h2>{t('maturity.declaration.plan')}</h2>
      {content.plan.length ? (
        <table>
          <caption class="visually-hidden">{t('maturity.declaration.plan')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('maturity.rgesn.history.criterion')}</th>
              <th scope="col">{t('maturity.rgesn.field.owner')}</th>
              <th scope="col">{t('maturity.rgesn.field.due')}</th>
              <th scope="col">{t('maturity.rgesn.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {content.plan.map((p) => (
              <tr>
                <th scope="row">{text(p.number)}</th>
                <td>{p.owner ?? '—'}</td>
                <td>{p.due ? v.fmt.date(p.due) : '—'}</td>
                <td>{t(statusKey(p.status))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('maturity.declaration.noPlan')}</p>
      )}
      <p class="hint">{t('maturity.rgesn.attribution')}</p>
      {props.pdfLink ? <p><a href={`/declarations/${a.id}/pdf?lang=${v.locale}`}>{t('maturity.declaration.pdf')}</a></p> : null}
    </article>
  );
}

async function renderDeclaration(c: Context<AppEnv>, d: TDeclaration, pdfLink: boolean): Promise<Response> {
  return renderPage(c, c.get('t')('maturity.declaration.title', { service: d.assessment.service_name }), (v) => <DeclarationView v={v} d={d} pdfLink={pdfLink} />);
}

/** Public once published; before that, members of the organisation and administrators only (404 for others). */
declarationPages.get('/declarations/:id', async (c) => {
  const d = await getDeclaration(c.get('db'), c.get('user'), idParam(c, 'id'));
  return renderDeclaration(c, d, true);
});

/** The same page printed to PDF by the system Chromium; without it, a page that says so. */
declarationPages.get('/declarations/:id/pdf', async (c) => {
  const d = await getDeclaration(c.get('db'), c.get('user'), idParam(c, 'id'));
  const config = c.get('config');
  if (!chromiumAvailable(config.CHROMIUM_PATH)) {
    const t = c.get('t');
    return renderPage(c, t('maturity.declaration.title', { service: d.assessment.service_name }), <p>{t('pdf.unavailable')}</p>, { status: 503 });
  }
  const html = await (await renderDeclaration(c, d, false)).text();
  const pdf = await htmlToPdf(html, config.CHROMIUM_PATH);
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="declaration-${d.assessment.id}-${c.get('locale')}.pdf"`,
  });
});
