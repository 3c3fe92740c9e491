import type { TFieldErrors } from '../../http/forms.js';
import type { TMessageKey } from '../../i18n/index.js';
import { LineChart } from '../../views/charts/line-chart.js';
import { ErrorSummary, Field } from '../../views/components.js';
import type { TViewContext } from '../../views/context.js';
import { manifestoText } from '../manifesto/index.js';
import { sectorLabel, sizeLabel } from '../organisations/index.js';
import type { TMemberReport } from './build-member-report.js';
import { sizeBandMidpoints, type TBenchmarkFigure } from './peer-benchmark.js';
import { publicChoiceKeys } from './schemas.js';
import { MIN_GROUP } from './suppression.js';

const level = (v: TViewContext, n: number | null) =>
  n === null ? v.t('review.report.notAssessed') : v.t(`maturity.level.${n}` as TMessageKey);

function BenchmarkRow(props: { v: TViewContext; f: TBenchmarkFigure }) {
  const { v, f } = props;
  const t = v.t;
  const num = (x: number | null) =>
    x === null ? '—' : f.metric === 'maturityLevel' ? v.fmt.number(x, 1) : v.fmt.significant(x);
  return (
    <tr>
      <th scope="row">{t(`review.benchmark.metric.${f.metric}` as TMessageKey)}</th>
      <td class="num">{num(f.own)}</td>
      {f.group ? (
        <>
          <td>
            {t(`review.benchmark.group.${f.group}` as TMessageKey)} ({v.fmt.number(f.n)})
          </td>
          <td class="num">{num(f.p25)}</td>
          <td class="num">{num(f.p50)}</td>
          <td class="num">{num(f.p75)}</td>
          <td>{f.quarter ? t(`review.benchmark.quarter.${f.quarter}` as TMessageKey) : '—'}</td>
        </>
      ) : (
        <td colspan={5}>{t('review.benchmark.tooFew', { min: MIN_GROUP })}</td>
      )}
    </tr>
  );
}

/** A member's yearly report: commitments against what it did, its peer benchmark and its settings forms. */
export function MemberReportView(props: {
  v: TViewContext;
  r: TMemberReport;
  canManage: boolean;
  printable?: boolean;
  errors?: TFieldErrors | null;
  employeesValue?: string;
}) {
  const { v, r } = props;
  const t = v.t;
  const base = `/organisations/${r.org.id}/report/${r.year}`;
  const text = r.signature ? manifestoText(t, r.signature.version, r.signature.audience) : null;
  const fp = r.footprint;
  const b = r.benchmark;
  return (
    <>
      <h1>{t('review.report.title', { org: r.org.name, year: r.year })}</h1>
      <p class="lead">{t('review.report.lead')}</p>
      {props.printable ? null : (
        <p>
          <a href={`${base}/pdf?lang=${v.locale}`}>{t('review.report.pdf')}</a> ·{' '}
          <a href={`/review/${r.year}`}>{t('review.report.networkReview', { year: r.year })}</a>
        </p>
      )}

      <h2 id="commitments">{t('review.report.commitments')}</h2>
      {r.signature && text ? (
        <>
          <p>
            {t('review.report.signed', {
              version: r.signature.version,
              date: v.fmt.date(r.signature.decidedAt ?? r.signature.signedAt),
            })}
          </p>
          <ol>
            {text.commitments.map((c) => (
              <li>{c}</li>
            ))}
          </ol>
        </>
      ) : (
        <p class="notice">{t('review.report.notSigned')}</p>
      )}

      <h2 id="footprint">{t('review.report.footprint')}</h2>
      {fp.now ? (
        <p>
          {t('review.report.footprintNow', { value: v.fmt.significant(fp.now.gwp / 1000), year: r.year })}{' '}
          {fp.change !== null
            ? t('review.report.footprintChange', {
                change: `${fp.change >= 0 ? '+' : ''}${v.fmt.percent(fp.change, 1)}`,
                previous: r.year - 1,
              })
            : t('review.report.noPrevious')}
        </p>
      ) : (
        <p>
          {t('review.report.notMeasured', { year: r.year })}{' '}
          <a href={`/organisations/${r.org.id}/footprint`}>{t('review.report.measureLink')}</a>
        </p>
      )}
      {fp.years.length > 1 ? (
        <LineChart
          v={v}
          id="chart-trend"
          title={t('review.report.trend')}
          unit="tCO2e"
          series={[{ name: t('review.report.gwp'), points: fp.years.map((p) => ({ x: p.year, y: p.gwp / 1000 })) }]}
        />
      ) : null}

      <h2 id="maturity">{t('review.report.maturity')}</h2>
      <p>
        {t('review.report.maturityText', {
          now: level(v, r.maturity.now),
          before: level(v, r.maturity.before),
          year: r.year,
          previous: r.year - 1,
        })}
      </p>

      <h2 id="actions">{t('review.report.actions')}</h2>
      <p>
        {t('review.report.actionsText', {
          done: r.actions.doneInYear,
          planned: r.actions.planned,
          progress: r.actions.inProgress,
          gwp: v.fmt.significant(r.actions.expectedGwpKgDone / 1000),
        })}
      </p>
      {r.actions.done.length ? (
        <ul>
          {r.actions.done.map((a) => (
            <li>
              {a.title} ({v.fmt.date(a.doneAt)})
            </li>
          ))}
        </ul>
      ) : null}

      <h2 id="workshops">{t('review.report.workshops')}</h2>
      {r.workshops.length ? (
        <ul>
          {r.workshops.map((w) => (
            <li>
              <a href={`/workshops/${w.workshopId}`}>{w.title}</a> — {w.organiser}, {v.fmt.date(w.startsAt)} (
              {t('review.report.attendees', { n: w.attendees })})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('review.report.noWorkshops')}</p>
      )}

      <h2 id="training">{t('review.report.training')}</h2>
      <p>{t('review.report.trainingsPublished', { n: v.fmt.number(r.training.published) })}</p>
      {r.training.curricula.length ? (
        <table>
          <caption>{t('review.report.curricula', { students: v.fmt.number(r.training.students) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.report.programme')}</th>
              <th scope="col" class="num">
                {t('review.report.hours')}
              </th>
              <th scope="col">{t('review.report.compulsory')}</th>
              <th scope="col" class="num">
                {t('review.report.students')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.training.curricula.map((c) => (
              <tr>
                <th scope="row">{c.programme}</th>
                <td class="num">{v.fmt.number(c.hours)}</td>
                <td>{c.compulsory ? t('review.yes') : t('review.no')}</td>
                <td class="num">{v.fmt.number(c.students)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : r.org.kind === 'school' ? (
        <p>
          {t('review.report.noCurricula')}{' '}
          <a href={`/organisations/${r.org.id}/curricula`}>{t('review.report.curriculaLink')}</a>
        </p>
      ) : null}

      <h2 id="benchmark">{t('review.benchmark.title')}</h2>
      <p>
        {t('review.benchmark.lead', {
          sector: sectorLabel(t, b.sector),
          size: sizeLabel(t, b.sizeBand),
          min: MIN_GROUP,
        })}
      </p>
      <p class="hint">
        {b.employeesSource === 'declared'
          ? t('review.benchmark.employeesDeclared', { n: v.fmt.number(r.employees ?? 0) })
          : t('review.benchmark.employeesBand', {
              n: v.fmt.number(sizeBandMidpoints[b.sizeBand] ?? 0),
              size: sizeLabel(t, b.sizeBand),
            })}
      </p>
      <table id="table-benchmark">
        <caption>{t('review.benchmark.caption', { year: r.year })}</caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col" class="num">
              {t('review.benchmark.you')}
            </th>
            <th scope="col">{t('review.benchmark.group')}</th>
            <th scope="col" class="num">
              P25
            </th>
            <th scope="col" class="num">
              {t('review.benchmark.median')}
            </th>
            <th scope="col" class="num">
              P75
            </th>
            <th scope="col">{t('review.benchmark.position')}</th>
          </tr>
        </thead>
        <tbody>
          {b.figures.map((f) => (
            <BenchmarkRow v={v} f={f} />
          ))}
        </tbody>
      </table>
      <p class="hint">{t('review.benchmark.rules', { min: MIN_GROUP })}</p>

      {props.printable ? null : (
        <>
          <h2 id="employees">{t('review.report.employeesTitle')}</h2>
          <form method="post" action={`${base}/employees`}>
            <ErrorSummary
              v={v}
              errors={props.errors}
              labels={{ employees: t('review.report.employeesLabel', { year: r.year }) }}
            />
            <Field
              name="employees"
              type="number"
              min={1}
              step={1}
              label={t('review.report.employeesLabel', { year: r.year })}
              hint={t('review.report.employeesHint')}
              value={props.employeesValue ?? r.employees}
              errors={props.errors}
              required
            />
            <button type="submit">{t('review.report.save')}</button>
          </form>

          <h2 id="public">{t('review.public.title')}</h2>
          <p>{t('review.public.lead')}</p>
          {props.canManage ? (
            <form method="post" action={`${base}/public`}>
              <fieldset>
                <legend>{t('review.public.legend')}</legend>
                {publicChoiceKeys.map((k) => (
                  <label class="check">
                    <input type="checkbox" name={k} value="1" checked={r.choices[k]} />{' '}
                    {t(`review.public.${k}` as TMessageKey)}
                  </label>
                ))}
              </fieldset>
              <button type="submit">{t('review.report.save')}</button>
            </form>
          ) : (
            <p>{t('review.public.ownersOnly')}</p>
          )}
        </>
      )}
    </>
  );
}
