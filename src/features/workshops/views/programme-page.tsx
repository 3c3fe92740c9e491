import type { TViewContext } from '../../../views/context.js';
import type { TProgrammeCoverage } from '../programme-coverage.js';
import { levelIds } from '../schemas.js';
import type { TStatsLine, TWorkshopStats } from '../workshop-stats.js';
import { levelLabel } from './labels.js';

/** Figures of one line: workshops, registrations, attendance rate, satisfaction. */
function Cells(props: { v: TViewContext; l: TStatsLine }) {
  const { v, l } = props;
  const none = v.t('workshops.programme.none');
  return (
    <>
      <td class="num">{v.fmt.number(l.workshops)}</td>
      <td class="num">{v.fmt.number(l.registrations)}</td>
      <td class="num">{l.attendanceRate === null ? none : v.fmt.percent(l.attendanceRate)}</td>
      <td class="num">{l.satisfaction === null ? none : v.fmt.number(l.satisfaction, 1)}</td>
    </>
  );
}

function Head(props: { v: TViewContext; first: string }) {
  const t = props.v.t;
  return (
    <thead>
      <tr>
        <th scope="col">{props.first}</th>
        <th scope="col" class="num">
          {t('workshops.programme.workshops')}
        </th>
        <th scope="col" class="num">
          {t('workshops.programme.registrations')}
        </th>
        <th scope="col" class="num">
          {t('workshops.programme.attendance')}
        </th>
        <th scope="col" class="num">
          {t('workshops.programme.satisfaction')}
        </th>
      </tr>
    </thead>
  );
}

/**
 * The next twelve months, each month and each maturity level: a cell without a published workshop says so in words
 * (not only by colour), then the partner organisations that published nothing in the period. One compact table.
 */
function Coverage(props: { v: TViewContext; coverage: TProgrammeCoverage }) {
  const { v, coverage } = props;
  const t = v.t;
  const missing = <strong class="error">{t('workshops.coverage.missing')}</strong>;
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('workshops.coverage.title')}</h2>
      <p>{t('workshops.coverage.lead')}</p>
      <div class="table-scroll" tabindex={0} role="region" aria-labelledby="coverage-title">
        <table id="coverage">
          <thead>
            <tr>
              <th scope="col">{t('workshops.programme.month')}</th>
              <th scope="col" class="num">
                {t('workshops.coverage.published')}
              </th>
              {levelIds.map((l) => (
                <th scope="col" class="num">
                  <abbr title={levelLabel(v, l)}>{t('workshops.coverage.level', { n: l })}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.months.map((m) => (
              <tr data-month={m.key}>
                <th scope="row">{v.fmt.month(m.year, m.month)}</th>
                <td class="num">
                  {m.published ? (
                    v.fmt.number(m.published)
                  ) : (
                    <strong class="error">⚠ {t('workshops.programme.gap')}</strong>
                  )}
                  {m.drafts ? (
                    <span class="hint">
                      {' '}
                      (
                      {t(m.drafts < 2 ? 'workshops.coverage.drafts.one' : 'workshops.coverage.drafts.other', {
                        n: m.drafts,
                      })}
                      )
                    </span>
                  ) : null}
                </td>
                {m.levels.map((l) => (
                  <td class="num">{l.published ? v.fmt.number(l.published) : missing}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('workshops.coverage.silentTitle')}</h3>
      {coverage.silentPartners.length ? (
        <ul id="silent-partners">
          {coverage.silentPartners.map((p) => (
            <li>{p.name}</li>
          ))}
        </ul>
      ) : (
        <p id="silent-partners">{t('workshops.coverage.noSilent')}</p>
      )}
    </section>
  );
}

/** The programme view: the next twelve months (gaps flagged in words), then the year by month and by organiser. */
export function ProgrammePage(props: {
  v: TViewContext;
  stats: TWorkshopStats;
  coverage: TProgrammeCoverage;
  isAdmin: boolean;
  remindersSent: number | null;
}) {
  const { v, stats } = props;
  const t = v.t;
  return (
    <>
      <h1>{t('workshops.programme.title', { year: stats.year })}</h1>
      <p class="lead">{t('workshops.programme.lead')}</p>
      {props.remindersSent !== null ? (
        <p class="flash">{t('workshops.programme.remindersSent', { n: props.remindersSent })}</p>
      ) : null}
      <Coverage v={v} coverage={props.coverage} />
      <form method="get" action="/workshops/programme" class="filters">
        <div class="field">
          <label for="f-year">{t('workshops.programme.year')}</label>
          <input id="f-year" name="year" type="number" min="2020" max="2100" value={String(stats.year)} />
        </div>
        <div class="field">
          <button type="submit">{t('form.filter')}</button>
        </div>
      </form>
      <h2 id="by-month-title">{t('workshops.programme.byMonth')}</h2>
      <div class="table-scroll" tabindex={0} role="region" aria-labelledby="by-month-title">
        <table>
          <Head v={v} first={t('workshops.programme.month')} />
          <tbody>
            {stats.months.map((m) => (
              <tr>
                <th scope="row">{v.fmt.month(stats.year, m.month)}</th>
                <Cells v={v} l={m} />
              </tr>
            ))}
            <tr>
              <th scope="row">{t('workshops.programme.total')}</th>
              <Cells v={v} l={stats.total} />
            </tr>
          </tbody>
        </table>
      </div>
      <h2 id="by-partner-title">{t('workshops.programme.byPartner')}</h2>
      {stats.partners.length ? (
        <div class="table-scroll" tabindex={0} role="region" aria-labelledby="by-partner-title">
          <table>
            <Head v={v} first={t('workshops.programme.partner')} />
            <tbody>
              {stats.partners.map((p) => (
                <tr>
                  <th scope="row">{p.name}</th>
                  <Cells v={v} l={p} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('table.empty')}</p>
      )}
      {props.isAdmin ? (
        <form method="post" action="/workshops/programme/reminders">
          <button type="submit" class="secondary">
            {t('workshops.programme.reminders')}
          </button>
        </form>
      ) : null}
    </>
  );
}
