import type { TFieldErrors } from '../../../http/forms.js';
import { LineChart, type TSeries } from '../../../views/charts/line-chart.js';
import { ErrorSummary, Field, Select } from '../../../views/components.js';
import type { TViewContext } from '../../../views/context.js';
import { targetTrajectory } from '../compare.js';
import { reportingYears, type TFootprintSettings } from '../settings.js';
import { allocationLabel, footprintBase, referenceLabel } from './labels.js';

export interface TOverviewProps {
  v: TViewContext;
  org: { id: number; name: string };
  settings: TFootprintSettings;
  years: {
    year: number;
    gwp: number | null;
    low: number | null;
    high: number | null;
    lines: number;
    factorSet: string;
  }[];
  inventories: { year: number; lines: number }[];
  targetErrors?: TFieldErrors | null;
  targetValues?: Record<string, unknown>;
}

/** The organisation's footprint home: years measured, trajectory against the target, settings. */
export function OverviewPage(p: TOverviewProps) {
  const { v, settings } = p;
  const t = v.t;
  const base = footprintBase(p.org.id);
  const measured: TSeries = {
    name: t('footprint.overview.measured'),
    points: p.years.map((y) => ({ x: y.year, y: y.gwp })),
  };
  const series: TSeries[] = [measured];
  const target = settings.target;
  if (target) {
    const baseRow = p.years.find((y) => y.year === target.baseYear);
    if (baseRow?.gwp != null)
      series.push({
        name: t('footprint.overview.target', { pct: v.fmt.number(target.reductionPct, 1) }),
        points: targetTrajectory(baseRow.gwp, target.baseYear, target.targetYear, target.reductionPct),
        dashed: true,
      });
  }
  const tv = p.targetValues ?? {};
  const yearOptions: [string, string][] = reportingYears().map((y) => [String(y), String(y)]);
  return (
    <>
      <h1>{t('footprint.overview.title', { org: p.org.name })}</h1>
      <p>{t('footprint.overview.intro')}</p>
      <p class="hint">
        {t('footprint.overview.settings', {
          country: settings.country,
          allocation: allocationLabel(v, settings.allocation),
          electricity: referenceLabel(v, settings.profile ?? 'ademe-fr', settings.frElectricity),
        })}{' '}
        <a href={`${base}/settings`}>{t('footprint.settings.change')}</a>
      </p>

      <h2>{t('footprint.overview.years')}</h2>
      {p.inventories.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('footprint.overview.year')}</th>
              <th scope="col" class="num">
                {t('footprint.overview.lines')}
              </th>
              <th scope="col" class="num">
                {t('footprint.overview.gwp')}
              </th>
              <th scope="col">{t('footprint.overview.links')}</th>
            </tr>
          </thead>
          <tbody>
            {p.inventories.map((inv) => {
              const m = p.years.find((y) => y.year === inv.year);
              return (
                <tr>
                  <th scope="row">{inv.year}</th>
                  <td class="num">{v.fmt.number(inv.lines)}</td>
                  <td class="num">
                    {m?.gwp != null
                      ? `${v.fmt.significant(m.gwp)} (${v.fmt.significant(m.low ?? 0)} – ${v.fmt.significant(m.high ?? 0)})`
                      : '—'}
                  </td>
                  <td>
                    {m ? (
                      <>
                        <a href={`${base}/${inv.year}`}>{t('footprint.overview.result')}</a> ·{' '}
                      </>
                    ) : null}
                    <a href={`${base}/${inv.year}/inventory`}>{t('footprint.overview.inventory')}</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>{t('footprint.overview.none')}</p>
      )}
      <form method="get" action={`${base}/open`} class="filters">
        <Select
          name="year"
          label={t('footprint.overview.openYear')}
          options={yearOptions}
          value={String(new Date().getUTCFullYear() - 1)}
        />
        <div class="field">
          <button type="submit">{t('footprint.overview.open')}</button>
        </div>
      </form>

      {p.years.length ? (
        <LineChart v={v} id="trajectory" title={t('footprint.overview.trajectory')} unit="kgCO2e" series={series} />
      ) : null}
      {p.years.length >= 2 ? (
        <form method="get" action={`${base}/compare`} class="filters">
          <Select
            name="from"
            label={t('footprint.compare.from')}
            options={p.years.map((y) => [String(y.year), String(y.year)])}
            value={String(p.years[p.years.length - 2]!.year)}
          />
          <Select
            name="to"
            label={t('footprint.compare.to')}
            options={p.years.map((y) => [String(y.year), String(y.year)])}
            value={String(p.years[p.years.length - 1]!.year)}
          />
          <div class="field">
            <button type="submit">{t('footprint.compare.submit')}</button>
          </div>
        </form>
      ) : null}

      <h2 id="target">{t('footprint.target.title')}</h2>
      <p class="hint">{t('footprint.target.help')}</p>
      <ErrorSummary
        v={v}
        errors={p.targetErrors}
        labels={{
          base_year: t('footprint.target.baseYear'),
          target_year: t('footprint.target.targetYear'),
          reduction_pct: t('footprint.target.reduction'),
        }}
      />
      <form method="post" action={`${base}/target`}>
        <Field
          name="base_year"
          type="number"
          label={t('footprint.target.baseYear')}
          errors={p.targetErrors}
          value={String(tv.base_year ?? target?.baseYear ?? p.years[0]?.year ?? '')}
          required
          min={2019}
        />
        <Field
          name="target_year"
          type="number"
          label={t('footprint.target.targetYear')}
          errors={p.targetErrors}
          value={String(tv.target_year ?? target?.targetYear ?? 2030)}
          required
          min={2020}
        />
        <Field
          name="reduction_pct"
          label={t('footprint.target.reduction')}
          hint={t('footprint.target.reductionHint')}
          errors={p.targetErrors}
          value={String(tv.reduction_pct ?? target?.reductionPct ?? 5)}
          required
        />
        <button type="submit">{t('form.save')}</button>
      </form>
    </>
  );
}
