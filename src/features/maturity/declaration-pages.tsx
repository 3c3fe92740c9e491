import { Hono, type Context } from 'hono';
import { pdfRenderGuard } from '../../http/middleware/rate-limit.js';
import type { AppEnv } from '../../http/env.js';
import { renderPage } from '../../http/render.js';
import { chromiumAvailable, htmlToPdf } from '../../reports/pdf.js';
import type { TViewContext } from '../../views/context.js';
import { lookupDeclaration, type TDeclarationDoc, type TDeclarationVersion } from './rgesn-declarations.js';
import { formatScore, statusKey } from './rgesn-views.js';
import { idParam } from './shared.js';

export const declarationPages = new Hono<AppEnv>();

/** The published versions, dated, the one shown marked as current page. */
function VersionList(props: { v: TViewContext; current: number | null; versions: TDeclarationVersion[] }) {
  const { v } = props;
  const t = v.t;
  if (props.versions.length < 2 && props.versions.every((x) => x.id === props.current)) return null;
  return (
    <nav aria-labelledby="versions-title">
      <h2 id="versions-title">{t('maturity.declaration.versions')}</h2>
      <ul>
        {props.versions.map((x) => {
          const label = t('maturity.declaration.versionLabel', { n: x.version, date: v.fmt.date(x.publishedAt) });
          return (
            <li>
              {x.id === props.current ? (
                <a href={`/declarations/${x.id}`} aria-current="page">
                  {label}
                </a>
              ) : (
                <a href={`/declarations/${x.id}`}>{label}</a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * An eco-design declaration as a page (and, printed, as the PDF): a stored version, or the live draft for the
 * organisation's members. Everything shown comes from `d` (the snapshot), never from the live assessment.
 */
export function DeclarationView(props: {
  v: TViewContext;
  d: TDeclarationDoc;
  versions: TDeclarationVersion[];
  pdfLink: boolean;
}) {
  const { v, d } = props;
  const t = v.t;
  const content = d.content;
  const wording = new Map(d.snapshot.criteria.map((c) => [c.number, v.locale === 'en' ? c.text.en : c.text.fr]));
  const text = (n: string) => `${n} ${wording.get(n) ?? ''}`;
  const latest = props.versions[0];
  return (
    <article class="declaration">
      <h1>{t('maturity.declaration.title', { service: d.serviceName })}</h1>
      {d.withdrawnAt ? (
        <p class="notice">{t('maturity.declaration.withdrawn', { date: v.fmt.date(d.withdrawnAt) })}</p>
      ) : null}
      {d.id !== null && !d.withdrawnAt && latest && latest.id !== d.id ? (
        <p class="notice">
          {t('maturity.declaration.superseded')}{' '}
          <a href={`/declarations/${latest.id}`}>
            {t('maturity.declaration.latestLink', { date: v.fmt.date(latest.publishedAt) })}
          </a>
        </p>
      ) : null}
      <dl>
        <dt>{t('maturity.declaration.organisation')}</dt>
        <dd>{d.snapshot.organisationName}</dd>
        {d.serviceUrl ? (
          <>
            <dt>{t('maturity.declaration.url')}</dt>
            <dd>{d.serviceUrl}</dd>
          </>
        ) : null}
        <dt>{t('maturity.declaration.date')}</dt>
        <dd>{d.publishedAt ? v.fmt.date(d.publishedAt) : '—'}</dd>
        {d.version !== null ? (
          <>
            <dt>{t('maturity.declaration.version')}</dt>
            <dd>{String(d.version)}</dd>
          </>
        ) : null}
        <dt>{t('maturity.declaration.referential')}</dt>
        <dd>{t('maturity.declaration.referentialValue', { version: d.referentialVersion })}</dd>
        <dt>{t('maturity.rgesn.score')}</dt>
        <dd id="declaration-score">{formatScore(v, d.score)}</dd>
        <dt>{t('maturity.rgesn.plan.previous')}</dt>
        <dd>{formatScore(v, d.previousScore)}</dd>
        <dt>{t('maturity.rgesn.plan.target')}</dt>
        <dd>
          {d.targetScore === null
            ? '—'
            : t('maturity.declaration.targetValue', {
                score: formatScore(v, d.targetScore),
                date: d.targetDate ? v.fmt.date(d.targetDate) : '—',
              })}
        </dd>
      </dl>
      {d.id === null ? <p class="notice">{t('maturity.declaration.draft')}</p> : null}
      <p class="notice">{t('maturity.declaration.notImpact')}</p>
      {d.snapshot.description ? <p>{d.snapshot.description}</p> : null}
      <h2>{t('maturity.declaration.validated', { n: content.validated.length })}</h2>
      <ul>
        {content.validated.map((n) => (
          <li>{text(n)}</li>
        ))}
      </ul>
      <h2>{t('maturity.declaration.notValidated', { n: content.notValidated.length })}</h2>
      <ul>
        {content.notValidated.map((x) => (
          <li>{`${text(x.number)} (${t(statusKey(x.status))})`}</li>
        ))}
      </ul>
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
      <VersionList v={v} current={d.id} versions={props.versions} />
      <p class="hint">{t('maturity.rgesn.attribution')}</p>
      {props.pdfLink && d.id !== null ? (
        <p>
          <a href={`/declarations/${d.id}/pdf?lang=${v.locale}`}>{t('maturity.declaration.pdf')}</a>
        </p>
      ) : null}
    </article>
  );
}

/** Renders a declaration page (stored version or draft). */
export function renderDeclaration(
  c: Context<AppEnv>,
  d: TDeclarationDoc,
  versions: TDeclarationVersion[],
  pdfLink: boolean,
): Promise<Response> {
  return renderPage(c, c.get('t')('maturity.declaration.title', { service: d.serviceName }), (v) => (
    <DeclarationView v={v} d={d} versions={versions} pdfLink={pdfLink} />
  ));
}

/** An old link (assessment id) moves for good to the latest version; the query (language) goes along. */
function redirectTo(c: Context<AppEnv>, id: number, suffix: string): Response {
  const query = new URL(c.req.url).search;
  return c.redirect(`/declarations/${id}${suffix}${query}`, 301);
}

/** A published version: public unless withdrawn (then members and administrators only, 404 for others). */
declarationPages.get('/declarations/:id', async (c) => {
  const found = await lookupDeclaration(c.get('db'), c.get('user'), idParam(c, 'id'));
  if (found.kind === 'redirect') return redirectTo(c, found.id, '');
  return renderDeclaration(c, found.doc, found.versions, true);
});

/** The same page printed to PDF by the system Chromium; without it, a page that says so. */
declarationPages.get('/declarations/:id/pdf', async (c) => {
  const found = await lookupDeclaration(c.get('db'), c.get('user'), idParam(c, 'id'));
  if (found.kind === 'redirect') return redirectTo(c, found.id, '/pdf');
  const d = found.doc;
  const config = c.get('config');
  if (!chromiumAvailable(config.CHROMIUM_PATH)) {
    const t = c.get('t');
    return renderPage(c, t('maturity.declaration.title', { service: d.serviceName }), <p>{t('pdf.unavailable')}</p>, {
      status: 503,
    });
  }
  const html = await (await renderDeclaration(c, d, found.versions, false)).text();
  const pdf = await htmlToPdf(html, config.CHROMIUM_PATH, pdfRenderGuard(c));
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="declaration-${d.id}-v${d.version}-${c.get('locale')}.pdf"`,
  });
});
