import { groupInventoryErrors, inventoryErrorParts, type TSkippedRows } from '../../../imports/index.js';
import type { TLineError } from '../../../lca/index.js';
import type { TViewContext } from '../../../views/context.js';
import { categoryChoicesText } from '../categories.js';
import type { TFieldErrors } from '../../../http/forms.js';
import type { TUnknownValue } from '../value-mappings.js';
import { footprintBase } from './labels.js';
import { MappingStep } from './mapping-step.js';

const GROUPS_SHOWN = 100;
/** Line numbers listed per group; the count says how many there are in all. */
const LINES_LISTED = 10;

export interface TImportView {
  id: number;
  year: number;
  fileName: string;
  status: 'running' | 'succeeded' | 'failed';
  linesRead: number;
  errorCount: number;
  errors: TLineError[];
  failure: string | null;
  startedAt: string;
  skipped: TSkippedRows | null;
  factorSet: string;
  /** What the import replaces: the whole year, or the lines of one source. */
  scope: 'year' | 'source';
  sourceName: string | null;
  /** The values that matched nothing, when the import stopped at the mapping step. */
  unknown: TUnknownValue[];
}

/** « 15 lignes : 3, 7, 9 … » or the line alone. */
function linesText(v: TViewContext, lines: number[]): string {
  const shown = lines.filter((l) => l > 0);
  if (shown.length === 0) return '—';
  if (shown.length === 1) return v.fmt.number(shown[0]!);
  const list =
    shown
      .slice(0, LINES_LISTED)
      .map((l) => v.fmt.number(l))
      .join(', ') + (shown.length > LINES_LISTED ? ' …' : '');
  return v.t('footprint.import.linesGroup', { n: shown.length, list });
}

/** What is wrong and the fix; unknown categories list the codes with their names in the page's language. */
function errorParts(v: TViewContext, e: TLineError, factorSet: string): [string, string] {
  const [msg, fix] = inventoryErrorParts(e, v.locale);
  if (e.code === 'unknown-category')
    return [msg, v.t('footprint.import.unknownCategoryFix', { choices: categoryChoicesText(factorSet, v.locale) })];
  return [msg, fix ?? ''];
}

/** Rows left out by the preset's status rules, with how many per status. */
function SkippedNote(p: { v: TViewContext; skipped: TSkippedRows }) {
  const { v, skipped } = p;
  const reasons = skipped.reasons
    .map((r) => v.t('footprint.import.skippedReason', { column: r.column, value: r.value, n: v.fmt.number(r.count) }))
    .join(', ');
  return <p class="notice">{v.t('footprint.import.skipped', { n: skipped.count, reasons })}</p>;
}

/** The status of an import: progress while it runs (the page refreshes itself), then the outcome. */
export function ImportPage(p: {
  v: TViewContext;
  orgId: number;
  imp: TImportView;
  mappingValues?: Record<string, unknown>;
  mappingErrors?: TFieldErrors | null;
}) {
  const { v, imp } = p;
  const t = v.t;
  const base = footprintBase(p.orgId);
  const awaitingMapping = imp.status === 'failed' && imp.failure === 'unknown_values';
  const groups = imp.status === 'failed' && !awaitingMapping ? groupInventoryErrors(imp.errors) : [];
  return (
    <>
      {/* Refreshes without JavaScript; the server also sends a Refresh header. */}
      {imp.status === 'running' ? <meta http-equiv="refresh" content="2" /> : null}
      <h1>{t('footprint.import.title', { year: imp.year })}</h1>
      <dl class="facts">
        <dt>{t('footprint.import.file')}</dt>
        <dd>{imp.fileName}</dd>
        <dt>{t('footprint.import.scope')}</dt>
        <dd>
          {imp.scope === 'source' && imp.sourceName
            ? t('footprint.import.scopeSource', { source: imp.sourceName })
            : t('footprint.import.scopeYear')}
        </dd>
        <dt>{t('footprint.import.started')}</dt>
        <dd>{v.fmt.date(imp.startedAt)}</dd>
        <dt>{t('footprint.import.status')}</dt>
        <dd role="status">
          {awaitingMapping ? t('footprint.import.status.mapping') : t(`footprint.import.status.${imp.status}` as never)}
        </dd>
        <dt>{t('footprint.import.linesRead')}</dt>
        <dd>{v.fmt.number(imp.linesRead)}</dd>
      </dl>
      {imp.skipped && imp.skipped.count > 0 ? <SkippedNote v={v} skipped={imp.skipped} /> : null}
      {imp.status === 'running' ? <p>{t('footprint.import.running')}</p> : null}
      {imp.status === 'succeeded' ? (
        <p>
          <a href={`${base}/${imp.year}`} class="button">
            {t('footprint.import.seeResult')}
          </a>
        </p>
      ) : null}
      {awaitingMapping ? (
        <>
          <p class="notice">{t('footprint.import.failure.unknown_values')}</p>
          <MappingStep
            v={v}
            orgId={p.orgId}
            importId={imp.id}
            factorSet={imp.factorSet}
            unknown={imp.unknown}
            values={p.mappingValues}
            errors={p.mappingErrors}
          />
        </>
      ) : null}
      {imp.status === 'failed' && !awaitingMapping ? (
        <>
          <p class="notice">
            {imp.failure === 'line_errors'
              ? t('footprint.import.rejected', { n: imp.errorCount })
              : t(`footprint.import.failure.${imp.failure ?? 'internal'}` as never)}
          </p>
          {groups.length ? (
            <div class="table-scroll">
              <table>
                <caption>{t('footprint.import.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('footprint.import.line')}</th>
                    <th scope="col">{t('footprint.import.column')}</th>
                    <th scope="col">{t('footprint.import.message')}</th>
                    <th scope="col">{t('footprint.import.fix')}</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.slice(0, GROUPS_SHOWN).map((g) => {
                    const [msg, fix] = errorParts(v, g.error, imp.factorSet);
                    return (
                      <tr>
                        <td>{linesText(v, g.lines)}</td>
                        <td>{g.error.column}</td>
                        <td>{msg}</td>
                        <td>{fix}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
          {groups.length > GROUPS_SHOWN ? (
            <p class="hint">{t('footprint.import.moreErrors', { n: groups.length - GROUPS_SHOWN })}</p>
          ) : null}
          <p>
            <a href={`${base}/${imp.year}/inventory`}>{t('footprint.import.back')}</a>
          </p>
        </>
      ) : null}
    </>
  );
}
