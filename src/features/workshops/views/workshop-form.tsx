import type { TFieldErrors } from '../../../http/forms.js';
import type { TViewContext } from '../../../views/context.js';
import { repeats } from '../schemas.js';
import { ErrorSummary, Field, Select, TextArea } from '../../../views/components.js';
import { commonTimeZones } from '../time-zones.js';
import { formatOptions, levelOptions, themeOptions } from './labels.js';
import { ScopeChoice } from './scope-choice.js';

type TValues = Record<string, string | string[] | File | undefined>;

/** The workshop form, for a new workshop (with repetition) or an existing one. Works without JavaScript. */
export function WorkshopForm(props: {
  v: TViewContext;
  values: TValues;
  errors?: TFieldErrors | null;
  action: string;
  organisations: [string, string][];
  isNew: boolean;
  series?: boolean;
}) {
  const { v, errors } = props;
  const t = v.t;
  const val = (k: string) => {
    const x = props.values[k];
    return typeof x === 'string' ? x : undefined;
  };
  const levels = ([] as unknown[]).concat(props.values.levels ?? []).map(String);
  const zone = val('time_zone') ?? 'Europe/Paris';
  const opt = t('form.optional');
  return (
    <>
      <h1>{t(props.isNew ? 'workshops.form.newTitle' : 'workshops.form.editTitle')}</h1>
      <ErrorSummary
        v={v}
        errors={errors}
        labels={{
          organisation_id: t('workshops.form.organisation'),
          title: t('workshops.form.title'),
          description: t('workshops.form.description'),
          theme: t('workshops.form.theme'),
          levels: t('workshops.form.levels'),
          format: t('workshops.form.format'),
          online_url: t('workshops.form.onlineUrl'),
          address: t('workshops.form.address'),
          start_date: t('workshops.form.startDate'),
          start_time: t('workshops.form.startTime'),
          time_zone: t('workshops.form.timeZone'),
          duration_minutes: t('workshops.form.duration'),
          capacity: t('workshops.form.capacity'),
          per_org_limit: t('workshops.form.perOrgLimit'),
          closes_date: t('workshops.form.closesDate'),
          closes_time: t('workshops.form.closesTime'),
          language: t('workshops.form.language'),
          speakers: t('workshops.form.speakers'),
          materials: t('workshops.form.materials'),
          repeat: t('workshops.form.repeat'),
          occurrences: t('workshops.form.occurrences'),
          scope: t('workshops.series.editLegend'),
        }}
      />
      <form method="post" action={props.action} novalidate>
        {props.isNew && props.organisations.length > 1 ? (
          <Select
            name="organisation_id"
            label={t('workshops.form.organisation')}
            options={props.organisations}
            value={val('organisation_id')}
            errors={errors}
            required
          />
        ) : null}
        <Field name="title" label={t('workshops.form.title')} value={val('title')} errors={errors} required />
        <TextArea
          name="description"
          label={t('workshops.form.description')}
          value={val('description')}
          errors={errors}
          required
          rows={4}
        />
        <Select
          name="theme"
          label={t('workshops.form.theme')}
          options={themeOptions(v)}
          value={val('theme')}
          errors={errors}
          required
          emptyLabel=""
        />
        <fieldset id="f-levels" class={errors?.levels ? 'has-error' : undefined}>
          <legend>{t('workshops.form.levels')}</legend>
          {errors?.levels ? <p class="error">{errors.levels}</p> : null}
          {levelOptions(v).map(([id, label]) => (
            <div>
              <input type="checkbox" id={`f-level-${id}`} name="levels" value={id} checked={levels.includes(id)} />{' '}
              <label for={`f-level-${id}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <Select
          name="format"
          label={t('workshops.form.format')}
          options={formatOptions(v)}
          value={val('format')}
          errors={errors}
          required
          emptyLabel=""
        />
        <Field
          name="online_url"
          type="url"
          label={t('workshops.form.onlineUrl')}
          hint={t('workshops.form.onlineUrlHint')}
          value={val('online_url')}
          errors={errors}
          optionalLabel={opt}
        />
        <Field
          name="address"
          label={t('workshops.form.address')}
          hint={t('workshops.form.addressHint')}
          value={val('address')}
          errors={errors}
          optionalLabel={opt}
        />
        <Field
          name="start_date"
          type="date"
          label={t('workshops.form.startDate')}
          value={val('start_date')}
          errors={errors}
          required
        />
        <Field
          name="start_time"
          type="time"
          label={t('workshops.form.startTime')}
          value={val('start_time')}
          errors={errors}
          required
        />
        <Select
          name="time_zone"
          label={t('workshops.form.timeZone')}
          hint={t('workshops.form.timeZoneHint')}
          options={[...new Set([zone, ...commonTimeZones])].map((z) => [z, z])}
          value={zone}
          errors={errors}
          required
        />
        <Field
          name="duration_minutes"
          type="number"
          min={15}
          max={1440}
          label={t('workshops.form.duration')}
          value={val('duration_minutes') ?? '90'}
          errors={errors}
          required
        />
        <Field
          name="capacity"
          type="number"
          min={1}
          label={t('workshops.form.capacity')}
          value={val('capacity') ?? '30'}
          errors={errors}
          required
        />
        <Field
          name="per_org_limit"
          type="number"
          min={1}
          label={t('workshops.form.perOrgLimit')}
          value={val('per_org_limit')}
          errors={errors}
          optionalLabel={opt}
        />
        <Field
          name="closes_date"
          type="date"
          label={t('workshops.form.closesDate')}
          hint={t('workshops.form.closesHint')}
          value={val('closes_date')}
          errors={errors}
          optionalLabel={opt}
        />
        <Field
          name="closes_time"
          type="time"
          label={t('workshops.form.closesTime')}
          value={val('closes_time')}
          errors={errors}
          optionalLabel={opt}
        />
        <Select
          name="language"
          label={t('workshops.form.language')}
          options={[
            ['fr', t('workshops.language.fr')],
            ['en', t('workshops.language.en')],
          ]}
          value={val('language')}
          errors={errors}
        />
        <TextArea
          name="speakers"
          label={t('workshops.form.speakers')}
          value={val('speakers')}
          errors={errors}
          optionalLabel={opt}
          rows={2}
        />
        <TextArea
          name="materials"
          label={t('workshops.form.materials')}
          value={val('materials')}
          errors={errors}
          optionalLabel={opt}
          rows={2}
        />
        {props.isNew ? (
          <>
            <Select
              name="repeat"
              label={t('workshops.form.repeat')}
              options={repeats.map((r): [string, string] => [r, t(`workshops.form.repeat.${r}`)])}
              hint={t('workshops.form.repeatHint')}
              value={val('repeat')}
              errors={errors}
            />
            <Field
              name="occurrences"
              type="number"
              min={1}
              max={12}
              label={t('workshops.form.occurrences')}
              hint={t('workshops.form.occurrencesHint')}
              value={val('occurrences') ?? '1'}
              errors={errors}
              optionalLabel={opt}
            />
            <p>
              <button type="submit" name="publish" value="draft" class="secondary">
                {t('workshops.form.saveDraft')}
              </button>{' '}
              <button type="submit" name="publish" value="publish">
                {t('workshops.form.publish')}
              </button>
            </p>
          </>
        ) : (
          <>
            {props.series ? (
              <ScopeChoice v={v} legend={t('workshops.series.editLegend')} value={val('scope')} idPrefix="edit" />
            ) : null}
            <p>
              <button type="submit">{t('workshops.form.save')}</button>
            </p>
          </>
        )}
      </form>
    </>
  );
}
