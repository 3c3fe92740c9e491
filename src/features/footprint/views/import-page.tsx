import { inventoryErrorParts } from '../../../imports/index.js';
import type { TLineError } from '../../../lca/index.js';
import type { TViewContext } from '../../../views/context.js';
import { footprintBase } from './labels.js';

const ERRORS_SHOWN = 100;

/** The status of an import: progress while it runs (the page refreshes itself), then the outcome. */
export function ImportPage(p: { v: TViewContext; orgId: number; imp: { id: number; year: number; fileName: string; status: 'running' | 'succeeded' | 'failed'; linesRead: number; errorCount: number; errors: TLineError[]; failure: string | null; startedAt: string } }) {
  const { v, imp } = p;
  const t = v.t;
  const base = footprintBase(p.orgId);
  return (
    <>
      {/* Refreshes without JavaScript; the server also sends a Refresh header. */}
      {imp.status === 'running' ? <meta http-equiv="refresh" content="2" /> : null}
      <h1>{t('footprint.import.title', { year: imp.year })}</h1>
      <dl class="facts">
        <dt>{t('footprint.import.file')}</dt><dd>{imp.fileName}</dd>
        <dt>{t('footprint.import.started')}</dt><dd>{v.fmt.date(imp.startedAt)}</dd>
        <dt>{t('footprint.import.status')}</dt><dd role="status">{t(`footprint.import.status.${imp.status}` as never)}</dd>
        <dt>{t('footprint.import.linesRead')}</dt><dd>{v.fmt.number(imp.linesRead)}</dd>
      </dl>
      {imp.status === 'running' ? <p>{t('footprint.import.running')}</p> : null}
      {imp.status === 'succeeded' ? <p><a href={`${base}/${imp.year}`} class="button">{t('footprint.import.seeResult')}</a></p> : null}
      {imp.status === 'failed' ? (
        <>
          <p class="notice">{imp.failure === 'line_errors' ? t('footprint.import.rejected', { n: v.fmt.number(imp.errorCount) }) : t(`footprint.import.failure.${imp.failure ?? 'internal'}` as never)}</p>
          {imp.errors.length ? (
            <table>
              <caption>{t('footprint.import.errorsCaption')}</caption>
              <thead><tr><th scope="col" class="num">{t('footprint.import.line')}</th><th scope="col">{t('footprint.import.column')}</th><th scope="col">{t('footprint.import.message')}</th><th scope="col">{t('footprint.import.fix')}</th></tr></thead>
              <tbody>
                {imp.errors.slice(0, ERRORS_SHOWN).map((e) => {
                  const [msg, fix] = inventoryErrorParts(e, v.locale);
                  return <tr><td class="num">{e.line || '—'}</td><td>{e.column}</td><td>{msg}</td><td>{fix}</td></tr>;
                })}
              </tbody>
            </table>
          ) : null}
          {imp.errors.length > ERRORS_SHOWN ? <p class="hint">{t('footprint.import.moreErrors', { n: imp.errorCount - ERRORS_SHOWN })}</p> : null}
          <p><a href={`${base}/${imp.year}/inventory`}>{t('footprint.import.back')}</a></p>
        </>
      ) : null}
    </>
  );
}
