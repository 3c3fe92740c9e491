import type { TViewContext } from '../../../views/context.js';
import { Pagination, Select } from '../../../views/components.js';
import type { TWorkshopWithOrg } from '../repository.js';
import { parseLevels } from '../schemas.js';
import { commonTimeZones, formatWhen, zonedMonth } from '../time-zones.js';
import { formatLabel, formatOptions, levelLabel, levelOptions, themeLabel, themeOptions } from './labels.js';

export interface TCalendarData {
  rows: (TWorkshopWithOrg & { confirmed: number })[];
  page: number;
  pages: number;
  filter: Record<string, string>;
  zone: string;
  partners: [string, string][];
  forMe: { asked: boolean; levels: number[] | null };
  mine: (TWorkshopWithOrg & { registration_status: string })[] | null;
  /** The organiser's workshops, each with how many published workshops run at the same time. */
  organised: { id: number; title: string; status: string; starts_at: string; overlaps: number }[] | null;
  canPublish: boolean;
  canSeeProgramme: boolean;
  hasCalendarToken: boolean;
}

/** The public calendar: filters, upcoming workshops grouped by month in the viewer's zone, feeds. */
export function CalendarPage(props: { v: TViewContext; d: TCalendarData }) {
  const { v, d } = props;
  const t = v.t;
  const groups: { key: string; year: number; month: number; rows: TCalendarData['rows'] }[] = [];
  for (const w of d.rows) {
    const m = zonedMonth(w.starts_at, d.zone);
    const key = `${m.year}-${m.month}`;
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, ...m, rows: [] }));
    g.rows.push(w);
  }
  return (
    <>
      <h1>{t('workshops.list.title')}</h1>
      <p class="lead">{t('workshops.list.lead')}</p>
      {d.canPublish || d.canSeeProgramme ? (
        <p>
          {d.canPublish ? (
            <a class="button" href="/workshops/new">
              {t('workshops.list.new')}
            </a>
          ) : null}{' '}
          {d.canSeeProgramme ? <a href="/workshops/programme">{t('workshops.list.programme')}</a> : null}
        </p>
      ) : null}
      <form method="get" action="/workshops" class="filters">
        <Select
          name="theme"
          label={t('workshops.filter.theme')}
          options={themeOptions(v)}
          value={d.filter.theme}
          emptyLabel={t('form.all')}
        />
        <Select
          name="level"
          label={t('workshops.filter.level')}
          options={levelOptions(v)}
          value={d.filter.level}
          emptyLabel={t('form.all')}
        />
        <Select
          name="format"
          label={t('workshops.filter.format')}
          options={formatOptions(v)}
          value={d.filter.format}
          emptyLabel={t('form.all')}
        />
        <Select
          name="partner"
          label={t('workshops.filter.partner')}
          options={d.partners}
          value={d.filter.partner}
          emptyLabel={t('form.all')}
        />
        <Select
          name="tz"
          label={t('workshops.filter.timeZone')}
          options={[...new Set([d.zone, ...commonTimeZones])].map((z) => [z, z])}
          value={d.zone}
        />
        <div class="field">
          <input
            type="checkbox"
            id="f-for"
            name="for"
            value="me"
            checked={d.forMe.asked}
            aria-describedby="f-for-hint"
          />{' '}
          <label for="f-for">{t('workshops.filter.forMe')}</label>
          <p class="hint" id="f-for-hint">
            {t('workshops.filter.forMeHint')}
          </p>
        </div>
        <div class="field">
          <button type="submit">{t('form.filter')}</button>
        </div>
      </form>
      {d.forMe.asked ? (
        <p class="notice">
          {!v.user
            ? t('workshops.forMe.login')
            : d.forMe.levels
              ? t('workshops.forMe.levels', { levels: d.forMe.levels.map((l) => levelLabel(v, l)).join(', ') })
              : t('workshops.forMe.fallback')}
        </p>
      ) : null}
      <p class="hint">{t('workshops.list.timesIn', { zone: d.zone })}</p>
      {groups.length === 0 ? <p>{t('workshops.list.empty')}</p> : null}
      {groups.map((g) => (
        <section>
          <h2>{v.fmt.month(g.year, g.month)}</h2>
          <ul class="cards">
            {g.rows.map((w) => {
              const left = Math.max(0, w.capacity - w.confirmed);
              return (
                <li>
                  <h3>
                    <a href={`/workshops/${w.id}`}>{w.title}</a>
                  </h3>
                  <p>
                    {formatWhen(v.locale, w.starts_at, d.zone)}
                    <br />
                    {w.organisation_name} · {themeLabel(v, w.theme)} · {formatLabel(v, w.format)}
                    <br />
                    {parseLevels(w.levels)
                      .map((l) => levelLabel(v, l))
                      .join(', ')}
                  </p>
                  <p>
                    {w.status === 'cancelled' ? (
                      <span class="badge">{t('workshops.status.cancelled')}</span>
                    ) : left > 0 ? (
                      t('workshops.list.seatsLeft', { n: left })
                    ) : (
                      <span class="badge">{t('workshops.list.full')}</span>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <Pagination v={v} page={d.page} pages={d.pages} />
      {d.mine ? (
        <section>
          <h2>{t('workshops.list.mine')}</h2>
          {d.mine.length ? (
            <ul>
              {d.mine.map((w) => (
                <li>
                  <a href={`/workshops/${w.id}`}>{w.title}</a> · {formatWhen(v.locale, w.starts_at, d.zone)} ·{' '}
                  {t(
                    w.registration_status === 'confirmed'
                      ? 'workshops.registration.confirmed'
                      : 'workshops.registration.waitlisted',
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('workshops.list.mineEmpty')}</p>
          )}
          <h3>{t('workshops.calendar.title')}</h3>
          <p>{t('workshops.calendar.text')}</p>
          <form method="post" action="/me/workshops/calendar-link">
            <button type="submit" class="secondary">
              {t(d.hasCalendarToken ? 'workshops.calendar.renew' : 'workshops.calendar.create')}
            </button>
          </form>
        </section>
      ) : null}
      {d.organised ? (
        <section>
          <h2>{t('workshops.list.organised')}</h2>
          <ul>
            {d.organised.map((w) => (
              <li>
                <a href={`/workshops/${w.id}`}>{w.title}</a> · {formatWhen(v.locale, w.starts_at, d.zone)} ·{' '}
                <span class="badge">{t(`workshops.status.${w.status}` as 'workshops.status.draft')}</span>
                {w.overlaps ? (
                  <>
                    {' '}
                    <strong class="error">
                      ⚠{' '}
                      {t(w.overlaps < 2 ? 'workshops.overlap.badge.one' : 'workshops.overlap.badge.other', {
                        n: w.overlaps,
                      })}
                    </strong>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t('workshops.list.feeds')}</h2>
      <ul>
        <li>
          <a href="/workshops.ics">{t('workshops.list.feedAll')}</a>
        </li>
        {d.filter.partner ? (
          <li>
            <a href={`/partners/${d.filter.partner}/workshops.ics`}>
              {t('workshops.list.feedPartner', { name: d.partners.find(([id]) => id === d.filter.partner)?.[1] ?? '' })}
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
