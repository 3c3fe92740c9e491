import type { TFieldErrors } from '../../http/forms.js';
import { skillBlockCount } from '../../referentials/skills-framework.js';
import type { TViewContext } from '../../views/context.js';
import { ErrorSummary, Field, Pagination, Select, TextArea, ButtonForm } from '../../views/components.js';
import type { TTrainingFilter } from './schemas.js';
import type { TTraining } from './training-repository.js';
import { LicenceBadge, TrainingNav, costLabel, hoursLabel, options, tk } from './views-common.js';
import {
  audiences,
  educationLevels,
  licences,
  trainingFormats,
  trainingKinds,
  trainingLanguages,
} from './vocabulary.js';

const levels = ['1', '2', '3', '4', '5'];
const blocks = Array.from({ length: skillBlockCount }, (_, i) => String(i + 1));

function SkillList(props: { v: TViewContext; skills: TTraining['skills'] }) {
  return (
    <ul class="tags">
      {props.skills.map((s) => (
        <li>
          {tk(props.v, `training.block.${s.block}`)} – {props.v.t('training.levelShort', { level: s.level })}
        </li>
      ))}
    </ul>
  );
}

/** The catalogue page: filter form (GET, works without JS), results, pagination, exports. */
export function TrainingListPage(props: {
  v: TViewContext;
  filter: TTrainingFilter;
  items: TTraining[];
  total: number;
  page: number;
  pages: number;
  canPublish: boolean;
  query: string;
}) {
  const { v, filter: f } = props;
  const any = v.t('training.filter.any');
  return (
    <>
      <TrainingNav v={v} />
      <h1>{v.t('training.list.title')}</h1>
      <p>{v.t('training.list.intro')}</p>
      {props.canPublish ? (
        <p>
          <a class="button" href="/trainings/new">
            {v.t('training.list.publish')}
          </a>
        </p>
      ) : null}
      <details open={!!props.query || undefined} class="filters">
        <summary>{v.t('training.list.filters')}</summary>
        <form method="get" action="/trainings" role="search">
          <Field name="q" label={v.t('training.filter.q')} value={f.q} type="search" />
          <Select
            name="kind"
            label={v.t('training.field.kind')}
            value={f.kind}
            emptyLabel={any}
            options={options(v, trainingKinds, 'training.kind')}
          />
          <Select
            name="audience"
            label={v.t('training.field.audiences')}
            value={f.audience}
            emptyLabel={any}
            options={options(v, audiences, 'training.audience')}
          />
          <Select
            name="education_level"
            label={v.t('training.field.educationLevel')}
            value={f.education_level}
            emptyLabel={any}
            options={options(v, educationLevels, 'training.education')}
          />
          <Select
            name="format"
            label={v.t('training.field.format')}
            value={f.format}
            emptyLabel={any}
            options={options(v, trainingFormats, 'training.format')}
          />
          <Select
            name="language"
            label={v.t('training.field.language')}
            value={f.language}
            emptyLabel={any}
            options={options(v, trainingLanguages, 'training.language')}
          />
          <Select
            name="cost"
            label={v.t('training.field.cost')}
            value={f.cost}
            emptyLabel={any}
            options={[
              ['free', v.t('training.filter.cost.free')],
              ['paid', v.t('training.filter.cost.paid')],
            ]}
          />
          <Select
            name="certificate"
            label={v.t('training.field.certificate')}
            value={f.certificate}
            emptyLabel={any}
            options={[
              ['yes', v.t('training.filter.yes')],
              ['no', v.t('training.filter.no')],
            ]}
          />
          <Select
            name="licence"
            label={v.t('training.field.licence')}
            value={f.licence}
            emptyLabel={any}
            options={[['open', v.t('training.filter.openLicence')], ...options(v, licences, 'training.licence')]}
          />
          <Select
            name="block"
            label={v.t('training.field.block')}
            value={f.block}
            emptyLabel={any}
            options={options(v, blocks, 'training.block')}
          />
          <Select
            name="level"
            label={v.t('training.field.level')}
            value={f.level}
            emptyLabel={any}
            options={options(v, levels, 'training.level')}
          />
          <Field
            name="max_hours"
            label={v.t('training.filter.maxHours')}
            value={f.max_hours}
            type="number"
            min={0}
            step="any"
          />
          <button type="submit">{v.t('form.filter')}</button> <a href="/trainings">{v.t('form.reset')}</a>
        </form>
      </details>
      <h2 id="results">{v.t('training.list.results')}</h2>
      <p role="status">{v.t('training.list.count', { count: props.total })}</p>
      {props.items.length === 0 ? (
        <p>{v.t('training.list.empty')}</p>
      ) : (
        <ul class="cards" aria-labelledby="results">
          {props.items.map((tr) => (
            <li class="card">
              <h3>
                <a href={`/trainings/${tr.id}`}>{tr.title}</a>
              </h3>
              <p>
                {tr.organisationName}
                {tr.organisationIsDemo ? ` (${v.t('training.demo')})` : ''} · {tk(v, `training.kind.${tr.kind}`)} ·{' '}
                {hoursLabel(v, tr.durationHours)} · {tk(v, `training.format.${tr.format}`)} · {costLabel(v, tr.costEur)}{' '}
                · <LicenceBadge v={v} licence={tr.licence} />
              </p>
              <SkillList v={v} skills={tr.skills} />
            </li>
          ))}
        </ul>
      )}
      <Pagination v={v} page={props.page} pages={props.pages} />
      <p>
        <a href={`/trainings/export.csv${props.query}`}>{v.t('training.list.exportCsv')}</a> ·{' '}
        <a href={`/trainings/export.json${props.query}`}>{v.t('training.list.exportJson')}</a>
      </p>
    </>
  );
}

/** One training's page. */
export function TrainingPage(props: { v: TViewContext; tr: TTraining; canEdit: boolean }) {
  const { v, tr } = props;
  const none = v.t('training.detail.none');
  return (
    <>
      <TrainingNav v={v} />
      <article>
        <h1>{tr.title}</h1>
        <p>
          {tr.organisationName}
          {tr.organisationIsDemo ? ` (${v.t('training.demo')})` : ''}
        </p>
        <p class="prewrap">{tr.description}</p>
        <h2>{v.t('training.detail.facts')}</h2>
        <dl class="facts">
          <dt>{v.t('training.field.kind')}</dt>
          <dd>{tk(v, `training.kind.${tr.kind}`)}</dd>
          <dt>{v.t('training.field.audiences')}</dt>
          <dd>{tr.audiences.map((a) => tk(v, `training.audience.${a}`)).join(', ')}</dd>
          <dt>{v.t('training.field.educationLevel')}</dt>
          <dd>{tk(v, `training.education.${tr.educationLevel}`)}</dd>
          <dt>{v.t('training.field.duration')}</dt>
          <dd>{hoursLabel(v, tr.durationHours)}</dd>
          <dt>{v.t('training.field.format')}</dt>
          <dd>{tk(v, `training.format.${tr.format}`)}</dd>
          <dt>{v.t('training.field.language')}</dt>
          <dd>{tk(v, `training.language.${tr.language}`)}</dd>
          <dt>{v.t('training.field.cost')}</dt>
          <dd>{costLabel(v, tr.costEur)}</dd>
          <dt>{v.t('training.field.certificate')}</dt>
          <dd>{v.t(tr.certificate ? 'training.yes' : 'training.no')}</dd>
          <dt>{v.t('training.field.licence')}</dt>
          <dd>
            <LicenceBadge v={v} licence={tr.licence} />
          </dd>
          <dt>{v.t('training.field.prerequisites')}</dt>
          <dd class="prewrap">{tr.prerequisites || none}</dd>
          <dt>{v.t('training.field.outcomes')}</dt>
          <dd class="prewrap">{tr.learningOutcomes || none}</dd>
        </dl>
        <h2>{v.t('training.detail.skills')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{v.t('training.field.block')}</th>
              <th scope="col">{v.t('training.field.level')}</th>
            </tr>
          </thead>
          <tbody>
            {tr.skills.map((s) => (
              <tr>
                <td>
                  {s.block}. {tk(v, `training.block.${s.block}`)}
                </td>
                <td>{tk(v, `training.level.${s.level}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">{v.t('training.detail.frameworkSource')}</p>
        {tr.url ? (
          <p>
            <a href={tr.url} rel="noopener noreferrer">
              {v.t('training.detail.visit')}
            </a>
          </p>
        ) : null}
        {props.canEdit ? (
          <p>
            <a class="button" href={`/trainings/${tr.id}/edit`}>
              {v.t('training.detail.edit')}
            </a>{' '}
            <ButtonForm
              action={`/trainings/${tr.id}/delete`}
              label={v.t('training.detail.delete')}
              className="secondary"
            />
          </p>
        ) : null}
        {props.canEdit ? (
          <p>
            <a href={`/resources/new?trainingId=${tr.id}`}>{v.t('training.detail.publishResource')}</a>
          </p>
        ) : null}
        <p>
          <a href="/trainings">{v.t('training.detail.back')}</a>
        </p>
      </article>
    </>
  );
}

/** Form values as the form shows them (strings), from a training or a failed submission. */
export type TTrainingFormValues = Record<string, string | string[]>;

export function formValuesOf(tr: TTraining): TTrainingFormValues {
  const values: TTrainingFormValues = {
    title: tr.title,
    description: tr.description,
    kind: tr.kind,
    audiences: tr.audiences,
    education_level: tr.educationLevel,
    duration_hours: String(tr.durationHours),
    format: tr.format,
    language: tr.language,
    cost_eur: tr.costEur ? String(tr.costEur) : '',
    certificate: tr.certificate ? 'yes' : '',
    licence: tr.licence,
    prerequisites: tr.prerequisites,
    learning_outcomes: tr.learningOutcomes,
    url: tr.url ?? '',
  };
  for (const s of tr.skills) values[`skill_${s.block}`] = String(s.level);
  return values;
}

const str = (x: string | string[] | undefined) => (Array.isArray(x) ? (x[0] ?? '') : (x ?? ''));

/** The create/edit form. */
export function TrainingForm(props: {
  v: TViewContext;
  action: string;
  title: string;
  values: TTrainingFormValues;
  errors?: TFieldErrors | null;
  organisations?: [string, string][];
}) {
  const { v, values: x, errors } = props;
  const opt = v.t('form.optional');
  const chosen = new Set(Array.isArray(x.audiences) ? x.audiences : x.audiences ? [x.audiences] : []);
  return (
    <>
      <h1>{props.title}</h1>
      <ErrorSummary
        v={v}
        errors={errors}
        labels={{
          organisation: v.t('training.form.organisation'),
          title: v.t('training.field.title'),
          description: v.t('training.field.description'),
          kind: v.t('training.field.kind'),
          audiences: v.t('training.field.audiences'),
          education_level: v.t('training.field.educationLevel'),
          duration_hours: v.t('training.field.duration'),
          format: v.t('training.field.format'),
          language: v.t('training.field.language'),
          cost_eur: v.t('training.field.cost'),
          certificate: v.t('training.field.certificate'),
          licence: v.t('training.field.licence'),
          prerequisites: v.t('training.field.prerequisites'),
          learning_outcomes: v.t('training.field.outcomes'),
          url: v.t('training.field.url'),
          skills: v.t('training.field.skills'),
        }}
      />
      <form method="post" action={props.action} novalidate>
        {props.organisations ? (
          <Select
            name="organisation"
            label={v.t('training.form.organisation')}
            value={str(x.organisation)}
            options={props.organisations}
            errors={errors}
            required
          />
        ) : null}
        <Field name="title" label={v.t('training.field.title')} value={str(x.title)} errors={errors} required />
        <TextArea
          name="description"
          label={v.t('training.field.description')}
          value={str(x.description)}
          errors={errors}
          required
        />
        <Select
          name="kind"
          label={v.t('training.field.kind')}
          value={str(x.kind)}
          options={options(v, trainingKinds, 'training.kind')}
          errors={errors}
          required
        />
        <fieldset id="f-audiences" class={errors?.audiences ? 'field has-error' : 'field'}>
          <legend>{v.t('training.field.audiences')}</legend>
          <p class="hint">{v.t('training.field.audiencesHint')}</p>
          {errors?.audiences ? <p class="error">{errors.audiences}</p> : null}
          {audiences.map((a) => (
            <label class="check">
              <input type="checkbox" name="audiences" value={a} checked={chosen.has(a)} />{' '}
              {tk(v, `training.audience.${a}`)}
            </label>
          ))}
        </fieldset>
        <Select
          name="education_level"
          label={v.t('training.field.educationLevel')}
          value={str(x.education_level)}
          options={options(v, educationLevels, 'training.education')}
          errors={errors}
          required
        />
        <Field
          name="duration_hours"
          label={v.t('training.field.duration')}
          value={str(x.duration_hours)}
          errors={errors}
          required
        />
        <Select
          name="format"
          label={v.t('training.field.format')}
          value={str(x.format)}
          options={options(v, trainingFormats, 'training.format')}
          errors={errors}
          required
        />
        <Select
          name="language"
          label={v.t('training.field.language')}
          value={str(x.language) || v.locale}
          options={options(v, trainingLanguages, 'training.language')}
          errors={errors}
          required
        />
        <Field
          name="cost_eur"
          label={v.t('training.field.cost')}
          hint={v.t('training.field.costHint')}
          value={str(x.cost_eur)}
          errors={errors}
          optionalLabel={opt}
        />
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              id="f-certificate"
              name="certificate"
              value="yes"
              checked={str(x.certificate) === 'yes'}
            />{' '}
            {v.t('training.field.certificate')}
          </label>
        </div>
        <Select
          name="licence"
          label={v.t('training.field.licence')}
          value={str(x.licence)}
          options={options(v, licences, 'training.licence')}
          errors={errors}
          required
        />
        <TextArea
          name="prerequisites"
          label={v.t('training.field.prerequisites')}
          value={str(x.prerequisites)}
          errors={errors}
          rows={3}
          optionalLabel={opt}
        />
        <TextArea
          name="learning_outcomes"
          label={v.t('training.field.outcomes')}
          value={str(x.learning_outcomes)}
          errors={errors}
          rows={3}
          optionalLabel={opt}
        />
        <Field
          name="url"
          type="url"
          label={v.t('training.field.url')}
          value={str(x.url)}
          errors={errors}
          optionalLabel={opt}
        />
        <fieldset id="f-skills" class={errors?.skills ? 'field has-error' : 'field'}>
          <legend>{v.t('training.field.skills')}</legend>
          <p class="hint">{v.t('training.field.skillsHint')}</p>
          {errors?.skills ? <p class="error">{errors.skills}</p> : null}
          {blocks.map((b) => (
            <Select
              name={`skill_${b}`}
              label={`${b}. ${tk(v, `training.block.${b}`)}`}
              value={str(x[`skill_${b}`])}
              emptyLabel={v.t('training.field.noLevel')}
              options={options(v, levels, 'training.level')}
            />
          ))}
        </fieldset>
        <button type="submit">{v.t('form.save')}</button>
      </form>
    </>
  );
}

/** Turns submitted form values into the exchange shape the schema validates. */
export function formToInput(values: Record<string, unknown>): Record<string, unknown> {
  const skills: string[] = [];
  for (const b of blocks) {
    const level = values[`skill_${b}`];
    if (typeof level === 'string' && level !== '') skills.push(`${b}:${level}`);
  }
  return { ...values, skills, audiences: values.audiences ?? [], certificate: values.certificate ?? 'no' };
}

/** An organisation's own list, with import and export. */
export function OrganisationTrainingsPage(props: {
  v: TViewContext;
  org: { id: number; name: string; kind: string };
  items: TTraining[];
}) {
  const { v, org } = props;
  return (
    <>
      <h1>{v.t('training.org.title', { name: org.name })}</h1>
      <p>
        <a class="button" href={`/trainings/new?organisation=${org.id}`}>
          {v.t('training.list.publish')}
        </a>{' '}
        <a href={`/organisations/${org.id}/trainings/import`}>{v.t('training.org.import')}</a> ·{' '}
        <a href={`/organisations/${org.id}/trainings/export.csv`}>{v.t('training.org.exportCsv')}</a> ·{' '}
        <a href={`/organisations/${org.id}/trainings/export.json`}>{v.t('training.org.exportJson')}</a>
        {org.kind === 'school' ? (
          <>
            {' '}
            · <a href={`/organisations/${org.id}/curricula`}>{v.t('training.org.curricula')}</a>
          </>
        ) : null}
      </p>
      {props.items.length ? (
        <ul>
          {props.items.map((tr) => (
            <li>
              <a href={`/trainings/${tr.id}`}>{tr.title}</a> ({tk(v, `training.kind.${tr.kind}`)},{' '}
              {hoursLabel(v, tr.durationHours)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{v.t('table.empty')}</p>
      )}
    </>
  );
}

/** The bulk import form, with the line-level errors of a refused file. */
export function ImportPage(props: {
  v: TViewContext;
  org: { id: number; name: string };
  columns: string;
  errors?: { line: number; field: string; message: string }[];
  formError?: string;
}) {
  const { v, org, errors } = props;
  return (
    <>
      <h1>{v.t('training.import.title', { name: org.name })}</h1>
      <p>{v.t('training.import.intro')}</p>
      <p class="hint">{v.t('training.import.columns', { columns: props.columns })}</p>
      {errors?.length ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <p>{v.t('training.import.errorsTitle', { count: errors.length })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{v.t('training.import.line')}</th>
                <th scope="col">{v.t('training.import.field')}</th>
                <th scope="col">{v.t('training.import.fix')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.slice(0, 200).map((e) => (
                <tr>
                  <td>{e.line}</td>
                  <td>{e.field}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form method="post" action={`/organisations/${org.id}/trainings/import`} enctype="multipart/form-data">
        <div class={props.formError ? 'field has-error' : 'field'}>
          <label for="f-file">{v.t('training.import.file')}</label>
          {props.formError ? (
            <p class="error" id="f-file-error">
              {props.formError}
            </p>
          ) : null}
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".csv,.json,text/csv,application/json"
            required
            aria-describedby={props.formError ? 'f-file-error' : undefined}
          />
        </div>
        <button type="submit">{v.t('training.import.submit')}</button>
      </form>
    </>
  );
}
