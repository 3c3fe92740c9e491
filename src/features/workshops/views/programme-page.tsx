import type { TViewContext } from '../../../views/context.js';
import type { TStatsLine, TWorkshopStats } from '../workshop-stats.js';

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
        <th scope="col" class="num">{t('workshops.programme.workshops')}</th>
        <th scope="col" class="num">{t('workshops.programme.registrations')}</th>
        <th scope="col" class="num">{t('workshops.programme.attendance')}</th>
        <th scope="col" class="num">{t('workshops.programme.satisfaction')}</th>
      </tr>
    </thead>
  );
}

/** The programme view: the next six months (gaps flagged in words, not colour), then the year by month and by organiser. */
export function ProgrammePage(props: {
  v: TViewContext;
  stats: TWorkshopStats;
  planned: { year: number; month: number; published: number; drafts: number }[];
  isAdmin: boolean;
  remindersSent: number | null;
}) {
  const { v, stats } = props;
  const t = v.t;
  return (
    <>
      <h1>{t('workshops.programme.title', { year: stats.year })}</h1>
      <p class="lead">{t('workshops.programme.lead')}</p>
      {props.remindersSent !== null ? <p class="flash">{t('workshops.programme.remindersSent', { n: props.remindersSent })}</p> : null}
      <form method="get" action="/workshops/programme" class="filters">
        <div class="field">
          <label for="f-year">{t('workshops.programme.year')}</label>
          <input id="f-year" name="year" type="number" min="2020" max="2100" value={String(stats.year)} />
        </div>
        <div class="field">
          <button type="submit">{t('form.filter')}</button>
        </div>
      </form>
      <h2>{t('workshops.programme.upcoming')}</h2>
      <ul id="planned-months">
        {props.planned.map((m) => (
          <li class={m.published ? undefined : 'gap'}>
            <strong>{v.fmt.month(m.year, m.month)}</strong>{' : '}
            {m.published ? t('workshops.programme.ok', { n: m.published }) : <strong class="error">⚠ {t('workshops.programme.gap')}</strong>}
            {m.drafts ? ` (${t('workshops.programme.drafts', { n: m.drafts })})` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('workshops.programme.byMonth')}</h2>
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
      <h2>{t('workshops.programme.byPartner')}</h2>
      {stats.partners.length ? (
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
      ) : (
        <p>{t('table.empty')}</p>
      )}
      {props.isAdmin ? (
        <form method="post" action="/workshops/programme/reminders">
          <button type="submit" class="secondary">{t('workshops.programme.reminders')}</button>
        </form>
      ) : null}
    </>
  );
}
