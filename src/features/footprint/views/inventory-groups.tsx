import type { TFieldErrors } from '../../../http/forms.js';
import { ErrorSummary, Field, Select } from '../../../views/components.js';
import type { TViewContext } from '../../../views/context.js';
import { INVENTORY_FILTERS, groupKeyText, type TInventoryFilters, type TInventoryGroup } from '../inventory-groups.js';
import { categoryLabel } from './labels.js';

export interface TGroupsProps {
  v: TViewContext;
  base: string;
  filters: TInventoryFilters;
  choices: Record<(typeof INVENTORY_FILTERS)[number], string[]>;
  groups: TInventoryGroup[];
  truncated: boolean;
  values?: Record<string, unknown>;
  errors?: TFieldErrors | null;
}

/**
 * Filters (a GET form) and the groups of lines (category, model, purchase year) with their totals; ticking groups
 * and giving a lifespan, a purchase year or a power changes all their lines at once (a POST form, no script).
 */
export function InventoryGroups(p: TGroupsProps) {
  const { v } = p;
  const t = v.t;
  const label = (f: (typeof INVENTORY_FILTERS)[number]) => t(`footprint.groups.filter.${f}`);
  const options = (f: (typeof INVENTORY_FILTERS)[number]): [string, string][] =>
    p.choices[f].map((x) => [x, f === 'category' ? categoryLabel(v, x) : x]);
  const selected = new Set(
    (Array.isArray(p.values?.group) ? p.values.group : p.values?.group ? [p.values.group] : []) as string[],
  );
  const totals = p.groups.reduce((a, g) => ({ lines: a.lines + g.lines, units: a.units + g.units }), {
    lines: 0,
    units: 0,
  });
  return (
    <section aria-labelledby="groups-title">
      <h2 id="groups-title">{t('footprint.groups.title')}</h2>
      <form method="get" action={`${p.base}/inventory`} class="filters" role="search">
        {INVENTORY_FILTERS.map((f) => (
          <Select
            name={f}
            label={label(f)}
            options={options(f)}
            value={p.filters[f] ?? ''}
            emptyLabel={t('footprint.groups.all')}
          />
        ))}
        <div class="field">
          <button type="submit" class="secondary">
            {t('footprint.groups.filterSubmit')}
          </button>
        </div>
      </form>
      <ErrorSummary
        v={v}
        errors={p.errors}
        labels={{
          group: t('footprint.groups.select'),
          lifespan_years: t('footprint.groups.lifespan'),
          purchase_year: t('footprint.groups.purchaseYear'),
          power_w: t('footprint.groups.power'),
        }}
      />
      {p.groups.length ? (
        <form method="post" action={`${p.base}/bulk-edit`}>
          {INVENTORY_FILTERS.map((f) =>
            p.filters[f] ? <input type="hidden" name={`filter_${f}`} value={p.filters[f]} /> : null,
          )}
          <div class="table-scroll">
            <table>
              <caption>{t('footprint.groups.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">{t('footprint.groups.select')}</span>
                  </th>
                  <th scope="col">{t('footprint.inventory.category')}</th>
                  <th scope="col">{t('footprint.groups.model')}</th>
                  <th scope="col" class="num">
                    {t('footprint.groups.purchaseYear')}
                  </th>
                  <th scope="col" class="num">
                    {t('footprint.groups.lines')}
                  </th>
                  <th scope="col" class="num">
                    {t('footprint.inventory.quantity')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.groups.map((g, i) => {
                  const key = groupKeyText(g.key);
                  return (
                    <tr>
                      <td>
                        <input
                          type="checkbox"
                          id={i === 0 ? 'f-group' : `f-group-${i}`}
                          name="group"
                          value={key}
                          checked={selected.has(key)}
                          aria-label={t('footprint.groups.selectOne', {
                            category: categoryLabel(v, g.key[0]),
                            model: g.key[1] ?? '—',
                            year: g.key[2] ?? '—',
                          })}
                        />
                      </td>
                      <td>{categoryLabel(v, g.key[0])}</td>
                      <td>{g.key[1] ?? '—'}</td>
                      <td class="num">{g.key[2] ?? '—'}</td>
                      <td class="num">{v.fmt.number(g.lines)}</td>
                      <td class="num">{v.fmt.number(g.units, 2)}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colspan={4}>
                    {t('footprint.groups.total')}
                  </th>
                  <td class="num">{v.fmt.number(totals.lines)}</td>
                  <td class="num">{v.fmt.number(totals.units, 2)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {p.truncated ? <p class="hint">{t('footprint.groups.truncated')}</p> : null}
          <fieldset>
            <legend>{t('footprint.groups.bulkLegend')}</legend>
            <p class="hint">{t('footprint.groups.bulkHint')}</p>
            <div class="filters">
              <Field
                name="lifespan_years"
                label={t('footprint.groups.lifespan')}
                errors={p.errors}
                value={String(p.values?.lifespan_years ?? '')}
              />
              <Field
                name="purchase_year"
                label={t('footprint.groups.purchaseYear')}
                errors={p.errors}
                value={String(p.values?.purchase_year ?? '')}
              />
              <Field
                name="power_w"
                label={t('footprint.groups.power')}
                errors={p.errors}
                value={String(p.values?.power_w ?? '')}
              />
            </div>
            <button type="submit">{t('footprint.groups.bulkSubmit')}</button>
          </fieldset>
        </form>
      ) : (
        <p>{t('table.empty')}</p>
      )}
    </section>
  );
}
