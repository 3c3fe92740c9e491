import type { TMessageKey } from '../../i18n/index.js';
import { BarChart } from '../../views/charts/bar-chart.js';
import { ColumnChart } from './column-chart.js';
import type { TViewContext } from '../../views/context.js';
import { kindLabel, regionLabel, sectorLabel, sizeLabel } from '../organisations/index.js';
import type { TCountRow, TNetworkReview } from './build-network-review.js';
import { MIN_GROUP } from './suppression.js';

/** Rows shown on the page for long breakdowns (sectors, regions, organisers); the exports carry every row. */
export const PAGE_ROWS = 5;

function Growth(props: { v: TViewContext; now: number; before: number }) {
  const { v } = props;
  if (props.before === 0) return <>{props.now > 0 ? v.t('review.growth.new') : '—'}</>;
  const g = (props.now - props.before) / props.before;
  return (
    <>
      {g >= 0 ? '+' : ''}
      {v.fmt.percent(g)}
    </>
  );
}

function CountTable(props: {
  v: TViewContext;
  id: string;
  caption: string;
  rows: TCountRow[];
  label: (code: string) => string;
  year: number;
}) {
  const { v } = props;
  const shown = props.rows.slice(0, PAGE_ROWS);
  const rest = props.rows.slice(PAGE_ROWS);
  return (
    <table id={props.id}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col" class="num">
            {String(props.year)}
          </th>
          <th scope="col" class="num">
            {v.t('review.growthSince', { year: props.year - 1 })}
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr>
            <th scope="row">{props.label(r.code)}</th>
            <td class="num">{v.fmt.number(r.count)}</td>
            <td class="num">
              <Growth v={v} now={r.count} before={r.previous} />
            </td>
          </tr>
        ))}
        {rest.length ? (
          <tr>
            <th scope="row">{v.t('review.others', { n: rest.length })}</th>
            <td class="num">{v.fmt.number(rest.reduce((s, r) => s + r.count, 0))}</td>
            <td class="num">
              <Growth
                v={v}
                now={rest.reduce((s, r) => s + r.count, 0)}
                before={rest.reduce((s, r) => s + r.previous, 0)}
              />
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

const share = (v: TViewContext, n: number, of: number) => (of > 0 ? v.fmt.percent(n / of) : '—');

/** The network's review of a year: every section is a chart and/or a table of aggregates. */
export function NetworkReviewView(props: {
  v: TViewContext;
  r: TNetworkReview;
  years: number[];
  inProgress: boolean;
  printable?: boolean;
}) {
  const { v, r } = props;
  const t = v.t;
  const y = r.year;
  const w = r.workshops;
  const p = r.practices;
  const f = r.footprint;
  const tonnes = (kg: number) => v.fmt.significant(kg / 1000);
  return (
    <>
      <h1>{t('review.title', { year: y })}</h1>
      <p class="lead">{t('review.lead')}</p>
      {props.inProgress ? <p class="notice">{t('review.inProgress')}</p> : null}
      {r.includesDemo ? <p class="demo-note">{t('review.includesDemo')}</p> : null}
      {props.printable ? null : (
        <nav aria-label={t('review.downloads')}>
          <p>
            {t('review.downloadsLabel')}{' '}
            <a href={`/review/${y}.csv`} download>
              CSV
            </a>{' '}
            ·{' '}
            <a href={`/review/${y}.json`} download>
              JSON
            </a>{' '}
            · <a href={`/review/${y}/pdf?lang=${v.locale}`}>PDF</a> · <a href={`/api/v1/reviews/${y}`}>API</a>
          </p>
          {props.years.length > 1 ? (
            <p>
              {t('review.otherYearsLabel')}{' '}
              {props.years
                .filter((x) => x !== y)
                .map((x, i) => (
                  <>
                    {i ? ', ' : ''}
                    <a href={`/review/${x}`}>{String(x)}</a>
                  </>
                ))}
            </p>
          ) : null}
        </nav>
      )}

      <h2 id="signatories">{t('review.signatories.title')}</h2>
      <p>
        {t('review.signatories.summary', {
          total: r.signatories.total,
          added: r.signatories.newInYear,
          previous: r.signatories.previous,
        })}
      </p>
      <ColumnChart
        v={v}
        id="chart-kind"
        title={t('review.signatories.byKind')}
        unit={t('review.unit.organisations')}
        columns={r.signatories.byKind.map((k) => ({ label: kindLabel(t, k.code), value: k.count }))}
        format={(n) => v.fmt.number(n)}
      />
      <CountTable
        v={v}
        id="table-size"
        caption={t('review.signatories.bySize')}
        rows={r.signatories.bySize}
        label={(c) => sizeLabel(t, c)}
        year={y}
      />
      <CountTable
        v={v}
        id="table-sector"
        caption={t('review.signatories.bySector')}
        rows={r.signatories.bySector}
        label={(c) => sectorLabel(t, c)}
        year={y}
      />
      <CountTable
        v={v}
        id="table-region"
        caption={t('review.signatories.byRegion')}
        rows={r.signatories.byRegion}
        label={(c) => regionLabel(t, c)}
        year={y}
      />

      <h2 id="workshops">{t('review.workshops.title')}</h2>
      <p>
        {t('review.workshops.summary', {
          workshops: v.fmt.number(w.total.workshops),
          registrations: v.fmt.number(w.total.registrations),
          attendance: w.total.attendanceRate === null ? '—' : v.fmt.percent(w.total.attendanceRate),
          satisfaction: w.total.satisfaction === null ? t('review.withheld') : v.fmt.number(w.total.satisfaction, 1),
        })}
      </p>
      <ColumnChart
        v={v}
        id="chart-months"
        title={t('review.workshops.byMonth')}
        unit={t('review.unit.workshops')}
        format={(n) => v.fmt.number(n)}
        columns={w.months.map((m) => ({
          label: v.fmt.month(y, m.month),
          short: v.fmt.month(y, m.month).slice(0, 1).toUpperCase(),
          value: m.workshops,
        }))}
      />
      <table id="table-organisers">
        <caption>{t('review.workshops.byOrganiser')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.workshops.organiser')}</th>
            <th scope="col" class="num">
              {t('review.unit.workshops')}
            </th>
            <th scope="col" class="num">
              {t('review.workshops.registrations')}
            </th>
            <th scope="col" class="num">
              {t('review.workshops.attendance')}
            </th>
            <th scope="col" class="num">
              {t('review.workshops.satisfaction')}
            </th>
          </tr>
        </thead>
        <tbody>
          {w.organisers.slice(0, PAGE_ROWS).map((o) => (
            <tr>
              <th scope="row">{o.name}</th>
              <td class="num">{v.fmt.number(o.workshops)}</td>
              <td class="num">{v.fmt.number(o.registrations)}</td>
              <td class="num">{o.attendanceRate === null ? '—' : v.fmt.percent(o.attendanceRate)}</td>
              <td class="num">
                {o.satisfaction === null ? t('review.withheldShort') : v.fmt.number(o.satisfaction, 1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {w.organisers.length > PAGE_ROWS ? (
        <p class="hint">{t('review.moreInExport', { n: w.organisers.length - PAGE_ROWS })}</p>
      ) : null}

      <h2 id="training">{t('review.training.title')}</h2>
      <dl class="facts">
        <dt>{t('review.training.published')}</dt>
        <dd>{v.fmt.number(r.training.trainingsPublished)}</dd>
        <dt>{t('review.training.catalogue')}</dt>
        <dd>{v.fmt.number(r.training.trainingsInCatalogue)}</dd>
        <dt>{t('review.training.schools')}</dt>
        <dd>{v.fmt.number(r.training.schoolsReporting)}</dd>
        <dt>{t('review.training.students')}</dt>
        <dd>{v.fmt.number(r.training.students)}</dd>
      </dl>

      <h2 id="practices">{t('review.practices.title')}</h2>
      <BarChart
        v={v}
        id="chart-practices"
        title={t('review.practices.chart', { members: v.fmt.number(p.members) })}
        unit={t('review.unit.share')}
        bars={[
          { label: t('review.practices.measured'), value: p.members ? p.measured / p.members : 0 },
          { label: t('review.practices.declared'), value: p.members ? p.declared / p.members : 0 },
          { label: t('review.practices.withPlan'), value: p.members ? p.withPlan / p.members : 0 },
        ]}
        format={(n) => v.fmt.percent(n)}
      />
      <p>
        {t('review.practices.counts', {
          measured: v.fmt.number(p.measured),
          declared: v.fmt.number(p.declared),
          withPlan: v.fmt.number(p.withPlan),
          members: v.fmt.number(p.members),
          actionsDone: v.fmt.number(r.actions.actionsDone),
        })}
      </p>

      <h2 id="footprint">{t('review.footprint.title')}</h2>
      {f.total ? (
        <dl class="facts">
          <dt>{t('review.footprint.measured')}</dt>
          <dd>
            {v.fmt.number(f.measured)} ({share(v, f.measured, p.members)})
          </dd>
          <dt>{t('review.footprint.total')}</dt>
          <dd>
            {t('review.footprint.tonnes', {
              value: tonnes(f.total.gwp),
              low: tonnes(f.total.gwpLow),
              high: tonnes(f.total.gwpHigh),
            })}
          </dd>
          <dt>{t('review.footprint.devices')}</dt>
          <dd>{v.fmt.number(f.total.devices)}</dd>
        </dl>
      ) : (
        <p class="notice">{t('review.footprint.withheld', { min: MIN_GROUP, n: v.fmt.number(f.measured) })}</p>
      )}
      <h3>{t('review.footprint.sameSample')}</h3>
      {f.sameSample ? (
        <p>
          {t('review.footprint.sameSampleText', {
            n: v.fmt.number(f.sameSample.organisations),
            before: tonnes(f.sameSample.gwpBefore),
            now: tonnes(f.sameSample.gwpNow),
            change: `${f.sameSample.change >= 0 ? '+' : ''}${v.fmt.percent(f.sameSample.change, 1)}`,
            previous: y - 1,
            year: y,
          })}
        </p>
      ) : (
        <p class="notice">{t('review.footprint.sameSampleWithheld', { min: MIN_GROUP })}</p>
      )}

      <h2 id="maturity">{t('review.maturity.title')}</h2>
      {r.maturity ? (
        <>
          <ColumnChart
            v={v}
            id="chart-maturity"
            title={t('review.maturity.chart', { n: r.maturity.assessed })}
            unit={t('review.unit.organisations')}
            columns={r.maturity.levels.map((n, i) => ({
              label: t(`maturity.level.${i + 1}` as TMessageKey),
              value: n,
            }))}
            format={(n) => v.fmt.number(n)}
          />
          <p id="maturity-change">
            {r.maturity.previousLevels
              ? t('review.maturity.changeText', {
                  previous: y - 1,
                  changes: r.maturity.levels
                    .map((n, i) => {
                      const pts =
                        100 *
                        (n / r.maturity!.assessed - r.maturity!.previousLevels![i]! / r.maturity!.previousAssessed);
                      return `${t(`maturity.level.${i + 1}` as TMessageKey)} ${pts >= 0 ? '+' : '−'}${v.fmt.number(Math.abs(pts), 0)} pts`;
                    })
                    .join(', '),
                })
              : t('review.maturity.noPrevious', { previous: y - 1, min: MIN_GROUP })}
          </p>
        </>
      ) : (
        <p class="notice">{t('review.maturity.withheld', { min: MIN_GROUP })}</p>
      )}

      <h2 id="method">{t('review.method.title')}</h2>
      <p>{t('review.method.members')}</p>
      <p>{t('review.method.privacy', { min: MIN_GROUP })}</p>
    </>
  );
}
