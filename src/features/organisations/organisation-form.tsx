import type { TFieldErrors } from '../../http/forms.js';
import type { TViewContext } from '../../views/context.js';
import { ErrorSummary, Field, Select, TextArea } from '../../views/components.js';
import { referenceOptions } from './labels.js';

type TValues = Record<string, unknown>;
const str = (v: unknown) => (v == null ? '' : String(v));

/** The profile form, shared by creation and edition. */
export function OrganisationForm(p: {
  v: TViewContext;
  action: string;
  submit: string;
  values?: TValues;
  errors?: TFieldErrors | null;
  granted?: boolean;
}) {
  const t = p.v.t;
  const o = referenceOptions(t);
  const val = (k: string) => str(p.values?.[k]);
  const opt = t('form.optional');
  return (
    <>
      <ErrorSummary
        v={p.v}
        errors={p.errors}
        labels={{
          name: t('organisations.field.name'),
          kind: t('organisations.field.kind'),
          siren: t('organisations.field.siren'),
          size_band: t('organisations.field.size'),
          sector: t('organisations.field.sector'),
          region: t('organisations.field.region'),
          website: t('organisations.field.website'),
          description: t('organisations.field.description'),
        }}
      />
      <form method="post" action={p.action} novalidate>
        <Field
          name="name"
          label={t('organisations.field.name')}
          value={val('name')}
          errors={p.errors}
          required
          autocomplete="organization"
        />
        <Select
          name="kind"
          label={t(p.granted ? 'organisations.field.kindGranted' : 'organisations.field.kind')}
          value={val('kind')}
          errors={p.errors}
          options={o.memberKinds}
          emptyLabel={t('organisations.field.choose')}
          required
        />
        <Field
          name="siren"
          label={t('organisations.field.siren')}
          hint={t('organisations.field.sirenHint')}
          value={val('siren')}
          errors={p.errors}
          optionalLabel={opt}
        />
        <Select
          name="size_band"
          label={t('organisations.field.size')}
          value={val('size_band')}
          errors={p.errors}
          options={o.sizes}
          emptyLabel={t('organisations.field.choose')}
          required
        />
        <Select
          name="sector"
          label={t('organisations.field.sector')}
          value={val('sector')}
          errors={p.errors}
          options={o.sectors}
          emptyLabel={t('organisations.field.choose')}
          required
        />
        <Select
          name="region"
          label={t('organisations.field.region')}
          value={val('region')}
          errors={p.errors}
          options={o.regions}
          emptyLabel={t('organisations.field.choose')}
          required
        />
        <Field
          name="website"
          type="url"
          label={t('organisations.field.website')}
          value={val('website')}
          errors={p.errors}
          optionalLabel={opt}
          autocomplete="url"
        />
        <TextArea
          name="description"
          label={t('organisations.field.description')}
          value={val('description')}
          errors={p.errors}
          optionalLabel={opt}
          rows={4}
        />
        <button type="submit">{p.submit}</button>
      </form>
    </>
  );
}
