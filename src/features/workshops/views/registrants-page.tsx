import type { TViewContext } from '../../../views/context.js';
import type { TWorkshopWithOrg, listRegistrants } from '../repository.js';

type TRegistrant = Awaited<ReturnType<typeof listRegistrants>>[number];

/** The organiser's list of registrants, with the attendance form once the workshop has started. */
export function RegistrantsPage(props: {
  v: TViewContext;
  w: TWorkshopWithOrg;
  rows: TRegistrant[];
  started: boolean;
  canEdit: boolean;
}) {
  const { v, w, rows } = props;
  const t = v.t;
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  const attendance = props.started && props.canEdit && w.status === 'published';
  return (
    <>
      <h1>{t('workshops.registrants.title', { title: w.title })}</h1>
      <p>
        <a href={`/workshops/${w.id}`}>{w.title}</a>
      </p>
      {rows.length === 0 ? <p>{t('workshops.registrants.empty')}</p> : null}
      {confirmed.length ? (
        <form method="post" action={`/workshops/${w.id}/attendance`}>
          <table>
            <caption>{t('workshops.registration.confirmed')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workshops.registrants.name')}</th>
                <th scope="col">{t('workshops.registrants.email')}</th>
                <th scope="col">{t('workshops.registrants.organisation')}</th>
                <th scope="col">{t('workshops.registrants.present')}</th>
              </tr>
            </thead>
            <tbody>
              {confirmed.map((r) => (
                <tr>
                  <td>{r.user_name}</td>
                  <td>{r.user_email}</td>
                  <td>{r.organisation_name}</td>
                  <td>
                    {attendance ? (
                      <>
                        <input
                          type="checkbox"
                          name="present"
                          value={String(r.id)}
                          id={`present-${r.id}`}
                          checked={r.attended === 1}
                        />
                        <label for={`present-${r.id}`} class="visually-hidden">
                          {t('workshops.registrants.presentLabel', { name: r.user_name })}
                        </label>
                        {r.attended === 1 ? (
                          <>
                            {' '}
                            <a href={`/workshops/${w.id}/certificate?registration=${r.id}`}>
                              {t('workshops.registrants.certificate')}
                            </a>
                          </>
                        ) : null}
                      </>
                    ) : r.attended === 1 ? (
                      '✓'
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {attendance ? (
            <button type="submit">{t('workshops.registrants.saveAttendance')}</button>
          ) : (
            <p class="hint">{t('workshops.registrants.attendanceLater')}</p>
          )}
        </form>
      ) : null}
      {waiting.length ? (
        <table>
          <caption>{t('workshops.registration.waitlisted')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('workshops.registrants.name')}</th>
              <th scope="col">{t('workshops.registrants.email')}</th>
              <th scope="col">{t('workshops.registrants.organisation')}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((r, i) => (
              <tr>
                <td class="num">{i + 1}</td>
                <td>{r.user_name}</td>
                <td>{r.user_email}</td>
                <td>{r.organisation_name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
