import type { TFieldErrors } from '../../../http/forms.js';
import { ErrorSummary, Select } from '../../../views/components.js';
import type { TViewContext } from '../../../views/context.js';
import { countryName } from '../country-names.js';
import { mappingField } from '../resume-import.js';
import { categoryCodes } from '../categories.js';
import { countryChoices } from '../settings.js';
import type { TUnknownValue } from '../value-mappings.js';
import { categoryLabel, footprintBase } from './labels.js';

/** The choices of one column, sorted by their name in the page's language. */
function choicesFor(v: TViewContext, column: TUnknownValue['column'], factorSet: string): [string, string][] {
  const list: [string, string][] =
    column === 'category'
      ? categoryCodes(factorSet).map((c) => [c, categoryLabel(v, c)])
      : countryChoices(factorSet).map(([id, name]) => [id, countryName(id, v.locale, name)]);
  return list.sort((a, b) => a[1].localeCompare(b[1], v.locale));
}

/**
 * The mapping step: each distinct value of the file that matched nothing, with how many lines carry it and a
 * choice; the choices are remembered for the organisation's next imports once this import succeeds.
 */
export function MappingStep(p: {
  v: TViewContext;
  orgId: number;
  importId: number;
  factorSet: string;
  unknown: TUnknownValue[];
  values?: Record<string, unknown>;
  errors?: TFieldErrors | null;
}) {
  const { v } = p;
  const t = v.t;
  const labels = Object.fromEntries(p.unknown.map((u, i) => [mappingField(i), u.value]));
  const lines = (n: number) =>
    t(
      new Intl.PluralRules(v.locale).select(n) === 'one'
        ? 'footprint.mapping.lines.one'
        : 'footprint.mapping.lines.other',
      { n: v.fmt.number(n) },
    );
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('footprint.mapping.title')}</h2>
      <p>{t('footprint.mapping.intro')}</p>
      <ErrorSummary v={v} errors={p.errors} labels={labels} />
      <form method="post" action={`${footprintBase(p.orgId)}/imports/${p.importId}/mapping`}>
        {p.unknown.map((u, i) => (
          <Select
            name={mappingField(i)}
            required
            errors={p.errors}
            label={t(u.column === 'category' ? 'footprint.mapping.categoryLabel' : 'footprint.mapping.countryLabel', {
              value: u.value,
            })}
            hint={lines(u.count)}
            options={choicesFor(v, u.column, p.factorSet)}
            value={String(p.values?.[mappingField(i)] ?? '')}
            emptyLabel={t('footprint.mapping.choose')}
          />
        ))}
        <p class="hint">{t('footprint.mapping.remembered')}</p>
        <button type="submit">{t('footprint.mapping.submit')}</button>
      </form>
    </section>
  );
}
