import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { requireUser } from '../../http/actor.js';
import { forbidden, notFound } from '../../http/errors.js';
import { readForm, type TFieldErrors } from '../../http/forms.js';
import { renderPage, redirectWithFlash } from '../../http/render.js';
import type { TViewContext } from '../../views/context.js';
import { ButtonForm, ErrorSummary, Field } from '../../views/components.js';
import { BarChart } from '../../views/charts/bar-chart.js';
import {
  curriculumProgress,
  deleteCurriculumEntry,
  listCurriculum,
  saveCurriculumEntry,
  type TCurriculumEntry,
} from './curricula.js';
import { canManageCurriculaFor, organisationOf } from './policy.js';
import { validateTraining, ZCurriculumInput } from './schemas.js';

async function schoolFor(c: Context<AppEnv>) {
  const user = requireUser(c);
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id)) throw notFound();
  const org = await organisationOf(c.get('db'), id);
  if (!canManageCurriculaFor(user, org)) throw forbidden();
  return { user, org };
}

function CurriculaPage(props: {
  v: TViewContext;
  org: { id: number; name: string };
  entries: TCurriculumEntry[];
  values?: Record<string, unknown>;
  errors?: TFieldErrors;
}) {
  const { v, org, entries, errors } = props;
  const t = v.t;
  const progress = curriculumProgress(entries);
  const x = (k: string) => (props.values?.[k] as string | undefined) ?? '';
  return (
    <>
      <h1>{t('training.curricula.title', { name: org.name })}</h1>
      <p>{t('training.curricula.intro')}</p>
      <h2>{t('training.curricula.progress')}</h2>
      {progress.length ? (
        <>
          <BarChart
            v={v}
            id="students-by-year"
            title={t('training.curricula.chart')}
            unit={t('training.curricula.studentsUnit')}
            bars={progress.map((p) => ({ label: String(p.year), value: p.students }))}
            format={(n) => v.fmt.number(n)}
          />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('training.curricula.year')}</th>
                <th scope="col">{t('training.curricula.programmes')}</th>
                <th scope="col">{t('training.curricula.hours')}</th>
                <th scope="col">{t('training.curricula.students')}</th>
                <th scope="col">{t('training.curricula.compulsoryShare')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.map((p) => (
                <tr>
                  <td>{p.year}</td>
                  <td>{p.programmes}</td>
                  <td>{v.fmt.number(p.hours, 1)}</td>
                  <td>{v.fmt.number(p.students)}</td>
                  <td>{v.fmt.percent(p.compulsoryShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{t('training.curricula.empty')}</p>
      )}
      {entries.length ? (
        <>
          <h2>{t('training.curricula.entries')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('training.curricula.year')}</th>
                <th scope="col">{t('training.curricula.programme')}</th>
                <th scope="col">{t('training.curricula.hours')}</th>
                <th scope="col">{t('training.curricula.compulsory')}</th>
                <th scope="col">{t('training.curricula.students')}</th>
                <td></td>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>{e.year}</td>
                  <td>{e.programme}</td>
                  <td>{v.fmt.number(e.hours, 1)}</td>
                  <td>{t(e.compulsory ? 'training.yes' : 'training.no')}</td>
                  <td>{v.fmt.number(e.students)}</td>
                  <td>
                    <ButtonForm
                      action={`/organisations/${org.id}/curricula/${e.id}/delete`}
                      label={t('training.curricula.delete')}
                      className="secondary"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>{t('training.curricula.add')}</h2>
      <ErrorSummary
        v={v}
        errors={errors}
        labels={{
          programme: t('training.curricula.programme'),
          year: t('training.curricula.year'),
          hours: t('training.curricula.hours'),
          students: t('training.curricula.students'),
          compulsory: t('training.curricula.compulsory'),
        }}
      />
      <form method="post" action={`/organisations/${org.id}/curricula`} novalidate>
        <Field
          name="programme"
          label={t('training.curricula.programme')}
          value={x('programme')}
          errors={errors}
          required
        />
        <Field
          name="year"
          type="number"
          label={t('training.curricula.year')}
          value={x('year') || String(new Date().getUTCFullYear())}
          errors={errors}
          required
          min={2000}
          max={2100}
        />
        <Field name="hours" label={t('training.curricula.hours')} value={x('hours')} errors={errors} required />
        <Field
          name="students"
          type="number"
          label={t('training.curricula.students')}
          value={x('students')}
          errors={errors}
          required
          min={0}
        />
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              id="f-compulsory"
              name="compulsory"
              value="yes"
              checked={x('compulsory') === 'yes'}
            />{' '}
            {t('training.curricula.compulsory')}
          </label>
        </div>
        <button type="submit">{t('form.save')}</button>
      </form>
    </>
  );
}

export const curriculaPages = new Hono<AppEnv>();

curriculaPages.get('/organisations/:id{[0-9]+}/curricula', async (c) => {
  const { org } = await schoolFor(c);
  const entries = await listCurriculum(c.get('db'), org.id);
  return renderPage(c, c.get('t')('training.curricula.title', { name: org.name }), (v) => (
    <CurriculaPage v={v} org={org} entries={entries} />
  ));
});

curriculaPages.post('/organisations/:id{[0-9]+}/curricula', async (c) => {
  const { user, org } = await schoolFor(c);
  const values = await readForm(c);
  const checked = validateTraining(ZCurriculumInput, values, c.get('t'), 'form');
  if (!checked.ok) {
    const entries = await listCurriculum(c.get('db'), org.id);
    return renderPage(
      c,
      c.get('t')('training.curricula.title', { name: org.name }),
      (v) => <CurriculaPage v={v} org={org} entries={entries} values={values} errors={checked.errors} />,
      { status: 422 },
    );
  }
  await saveCurriculumEntry(c.get('db'), user, org.id, checked.data);
  return redirectWithFlash(c, `/organisations/${org.id}/curricula`, 'flash.saved');
});

curriculaPages.post('/organisations/:id{[0-9]+}/curricula/:entry{[0-9]+}/delete', async (c) => {
  const { user, org } = await schoolFor(c);
  await deleteCurriculumEntry(c.get('db'), user, org.id, Number(c.req.param('entry')));
  return redirectWithFlash(c, `/organisations/${org.id}/curricula`, 'flash.saved');
});
