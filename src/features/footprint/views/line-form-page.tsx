import type { TFieldErrors } from '../../../http/forms.js';
import { ButtonForm, ErrorSummary, Field, Select } from '../../../views/components.js';
import type { TViewContext } from '../../../views/context.js';
import { FORM_NUMBER_FIELDS, FORM_TEXT_FIELDS } from '../line-form.js';
import { categoryLabel, footprintBase } from './labels.js';

/** Add or edit one inventory line; only the columns most lines need (others are kept from the file). */
export function LineFormPage(p: {
  v: TViewContext;
  orgId: number;
  year: number;
  lineId: number | null;
  values: Record<string, unknown>;
  errors: TFieldErrors | null;
  categories: string[];
}) {
  const { v } = p;
  const t = v.t;
  const base = `${footprintBase(p.orgId)}/${p.year}`;
  const val = (k: string) => (p.values[k] === undefined || p.values[k] === null ? '' : String(p.values[k]));
  const opt = t('form.optional');
  const numbers = FORM_NUMBER_FIELDS.filter((f) => f !== 'quantity');
  const texts = FORM_TEXT_FIELDS.filter((f) => f !== 'category');
  return (
    <>
      <h1>
        {p.lineId ? t('footprint.line.editTitle', { year: p.year }) : t('footprint.line.newTitle', { year: p.year })}
      </h1>
      <ErrorSummary
        v={v}
        errors={p.errors}
        labels={Object.fromEntries(
          [...FORM_NUMBER_FIELDS, ...FORM_TEXT_FIELDS].map((f) => [f, t(`footprint.line.${f}` as never)]),
        )}
      />
      <form method="post" action={p.lineId ? `${base}/lines/${p.lineId}` : `${base}/lines`}>
        <Select
          name="category"
          label={t('footprint.line.category')}
          required
          errors={p.errors}
          value={val('category')}
          options={p.categories.map((c) => [c, categoryLabel(v, c)])}
          emptyLabel=""
        />
        <Field
          name="quantity"
          label={t('footprint.line.quantity')}
          errors={p.errors}
          value={val('quantity') || '1'}
          required
        />
        {numbers.map((f) => (
          <Field
            name={f}
            label={t(`footprint.line.${f}` as never)}
            errors={p.errors}
            value={val(f)}
            optionalLabel={opt}
          />
        ))}
        {texts.map((f) => (
          <Field
            name={f}
            label={t(`footprint.line.${f}` as never)}
            errors={p.errors}
            value={val(f)}
            optionalLabel={opt}
          />
        ))}
        <button type="submit">{t('form.save')}</button> <a href={`${base}/inventory`}>{t('form.cancel')}</a>
      </form>
      {p.lineId ? (
        <p>
          <ButtonForm
            action={`${base}/lines/${p.lineId}/delete`}
            label={t('footprint.line.delete')}
            className="danger"
          />
        </p>
      ) : null}
    </>
  );
}
