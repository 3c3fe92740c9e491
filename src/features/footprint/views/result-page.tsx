import {
  CRITERIA,
  PHASES,
  TIERS,
  warningParts,
  type TCriterion,
  type TFootprintResult,
  type TImpacts,
} from '../../../lca/index.js';
import type { TCloudImportJson } from '../cloud-summary.js';
import { CloudPartSection } from './cloud-billing-page.js';
import { BarChart, type TBar } from '../../../views/charts/bar-chart.js';
import type { TViewContext } from '../../../views/context.js';
import type { TMessageKey } from '../../../i18n/index.js';
import type { TFootprintExtra } from '../compute.js';
import { categoryLabel, critLabel, entityLabel, footprintBase, phaseLabel, tierLabel, unitLabel } from './labels.js';
import { SettingsLine } from './settings-line.js';

/** Bars kept per long breakdown: the rest is summed in one bar, so the page stays light (EcoIndex A). */
const TOP = 6;
const WARNINGS_SHOWN = 8;

function topBars(
  v: TViewContext,
  entries: [string, TImpacts][],
  crit: TCriterion,
  label: (k: string) => string,
): TBar[] {
  const withValue = entries.filter(([, imp]) => imp[crit]).sort((a, b) => b[1][crit]!.value - a[1][crit]!.value);
  const bars: TBar[] = withValue
    .slice(0, TOP)
    .map(([k, imp]) => ({ label: label(k), value: imp[crit]!.value, low: imp[crit]!.low, high: imp[crit]!.high }));
  const rest = withValue.slice(TOP);
  if (rest.length) {
    bars.push({
      label: v.t('footprint.result.othersCount', { n: rest.length }),
      value: rest.reduce((s, [, i]) => s + i[crit]!.value, 0),
      low: rest.reduce((s, [, i]) => s + i[crit]!.low, 0),
      high: rest.reduce((s, [, i]) => s + i[crit]!.high, 0),
    });
  }
  return bars;
}

export interface TResultPageProps {
  v: TViewContext;
  org: { id: number; name: string };
  year: number;
  result: TFootprintResult;
  extra: TFootprintExtra;
  computedAt: string;
  criterion: TCriterion;
  previousYear: number | null;
  newerFactorSet: string | null;
  /** The year's last cloud billing import, when there is one (its breakdown and what could not be mapped). */
  cloud?: TCloudImportJson | null;
}

/** The result of a year: totals with ranges, four breakdowns as charts with tables, data quality, warnings. */
export function ResultPage(p: TResultPageProps) {
  const { v, result, extra, criterion: crit } = p;
  const t = v.t;
  const base = footprintBase(p.org.id);
  const unit = unitLabel(v, result.total[crit]?.unit ?? '');
  const tierBars: TBar[] = TIERS.filter((x) => result.byTier[x]?.[crit]).map((x) => ({
    label: tierLabel(v, x),
    value: result.byTier[x][crit]!.value,
    low: result.byTier[x][crit]!.low,
    high: result.byTier[x][crit]!.high,
  }));
  const phaseBars: TBar[] = PHASES.filter((x) => result.byPhase[x]?.[crit]).map((x) => ({
    label: phaseLabel(v, x),
    value: result.byPhase[x][crit]!.value,
    low: result.byPhase[x][crit]!.low,
    high: result.byPhase[x][crit]!.high,
  }));
  const catBars = topBars(v, Object.entries(result.byCategory), crit, (k) => categoryLabel(v, k));
  const entityBars = topBars(v, Object.entries(extra.byEntity ?? {}), crit, (k) => entityLabel(v, k));
  const pct = v.fmt.percent(result.dataQuality.defaultShare);
  const warnings = result.warnings.slice(0, WARNINGS_SHOWN);
  return (
    <>
      <h1>{t('footprint.result.title', { year: p.year, org: p.org.name })}</h1>
      <SettingsLine v={v} orgId={p.org.id} result={result} />
      <p>
        {t('footprint.result.summary', {
          lines: v.fmt.number(result.lines),
          units: v.fmt.number(result.units),
          date: v.fmt.date(p.computedAt),
        })}
      </p>
      <nav class="no-print" aria-label={t('footprint.result.actions')}>
        <a href={`${base}/${p.year}/inventory`}>{t('footprint.result.inventoryLink')}</a> ·{' '}
        {p.previousYear ? (
          <>
            <a href={`${base}/compare?from=${p.previousYear}&to=${p.year}`}>
              {t('footprint.result.compareLink', { year: p.previousYear })}
            </a>{' '}
            ·{' '}
          </>
        ) : null}
        <a href={`${base}/${p.year}/frameworks`}>{t('footprint.result.frameworksLink')}</a> ·{' '}
        {t('footprint.result.exports')} <a href={`${base}/${p.year}/export/csv`}>CSV</a>,{' '}
        <a href={`${base}/${p.year}/export/json`}>JSON</a>, <a href={`${base}/${p.year}/export/pcr-si`}>PCR-SI</a>,{' '}
        <a href={`${base}/${p.year}/export/pdf`}>PDF</a>
      </nav>
      {p.newerFactorSet ? (
        <form method="post" action={`${base}/${p.year}/recompute`} class="notice">
          <input type="hidden" name="factor_set" value={p.newerFactorSet} />
          <p>{t('footprint.result.newerFactorSet', { id: p.newerFactorSet })}</p>
          <button type="submit">{t('footprint.result.recompute')}</button>
        </form>
      ) : null}

      <h2>{t('footprint.result.totals')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('footprint.result.criterion')}</th>
            <th scope="col" class="num">
              {t('footprint.result.value')}
            </th>
            <th scope="col" class="num">
              {t('footprint.result.range')}
            </th>
            <th scope="col">{t('footprint.result.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {CRITERIA.filter((c) => result.total[c]).map((c) => {
            const x = result.total[c]!;
            return (
              <tr>
                <th scope="row">
                  <a href={`/methodology#crit-${c}`}>{critLabel(v, c)}</a>
                </th>
                <td class="num">{v.fmt.significant(x.value)}</td>
                <td class="num">
                  {v.fmt.significant(x.low)} – {v.fmt.significant(x.high)}
                </td>
                <td>{unitLabel(v, x.unit)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="no-print">
        {t('footprint.result.showCriterion')}{' '}
        {CRITERIA.filter((c) => result.total[c] && c !== crit)
          .slice(0, 4)
          .map((c, i) => (
            <>
              {i ? ', ' : ''}
              <a href={`${base}/${p.year}?criterion=${c}`}>{critLabel(v, c)}</a>
            </>
          ))}
      </p>

      <BarChart
        v={v}
        id="by-tier"
        title={t('footprint.result.byTier', { criterion: critLabel(v, crit) })}
        unit={unit}
        bars={tierBars}
      />
      <p class="hint">
        <a href="/methodology#tiers">{t('footprint.result.howTiers')}</a>
      </p>
      <BarChart
        v={v}
        id="by-phase"
        title={t('footprint.result.byPhase', { criterion: critLabel(v, crit) })}
        unit={unit}
        bars={phaseBars}
      />
      <p class="hint">
        <a href="/methodology#phases">{t('footprint.result.howPhases')}</a>
      </p>
      <BarChart
        v={v}
        id="by-category"
        title={t('footprint.result.byCategory', { criterion: critLabel(v, crit) })}
        unit={unit}
        bars={catBars}
      />
      <p class="hint">
        {t('footprint.result.categorySources')}{' '}
        {Object.keys(result.byCategory)
          .slice(0, 12)
          .map((c, i) => (
            <>
              {i ? ', ' : ''}
              <a href={`/methodology#cat-${c}`}>{categoryLabel(v, c)}</a>
            </>
          ))}
      </p>
      {entityBars.length > 1 ? (
        <BarChart
          v={v}
          id="by-entity"
          title={t('footprint.result.byEntity', { criterion: critLabel(v, crit) })}
          unit={unit}
          bars={entityBars}
        />
      ) : null}

      <h2 id="quality">{t('footprint.result.quality')}</h2>
      <p>
        {t('footprint.result.defaultShare', { pct })}{' '}
        <a href="/methodology#defaults">{t('footprint.result.howDefaults')}</a>
      </p>
      <ul>
        <li>{t('footprint.result.improve.lifespan')}</li>
        <li>{t('footprint.result.improve.energy')}</li>
        <li>{t('footprint.result.improve.pcf')}</li>
      </ul>

      <ZerosSection v={v} result={result} />

      {warnings.length ? (
        <>
          <h2>{t('footprint.result.warnings', { n: result.warnings.length })}</h2>
          <ul>
            {warnings.map((w) => {
              const [msg, fix] = warningParts(w, v.locale);
              return (
                <li>
                  {w.line ? t('footprint.result.warningLine', { line: w.line }) : ''}
                  {msg}
                  {fix ? ` — ${fix}` : ''}
                </li>
              );
            })}
          </ul>
          {result.warnings.length > WARNINGS_SHOWN ? (
            <p class="hint">{t('footprint.result.moreWarnings', { n: result.warnings.length - WARNINGS_SHOWN })}</p>
          ) : null}
        </>
      ) : null}
      {p.cloud ? <CloudPartSection v={v} imp={p.cloud} /> : null}
    </>
  );
}

/**
 * No silent zero: every cell of the result without a value, grouped by criterion, phase and reason, with the
 * categories and units it concerns (the CSV, PDF and PCR-SI exports carry the same list).
 */
function ZerosSection(p: { v: TViewContext; result: TFootprintResult }) {
  const { v, result } = p;
  const t = v.t;
  const groups = new Map<
    string,
    { criterion: string; phase: string; code: string; cats: { cat: string; units: number }[] }
  >();
  for (const g of result.dataQuality.gaps) {
    const code = g.code ?? 'no-factor';
    const key = `${g.criterion}|${g.phase}|${code}`;
    let x = groups.get(key);
    if (!x) {
      x = { criterion: g.criterion, phase: g.phase, code, cats: [] };
      groups.set(key, x);
    }
    x.cats.push({ cat: g.category, units: g.units ?? 0 });
  }
  return (
    <>
      <h2 id="zeros">{t('footprint.result.zeros')}</h2>
      {groups.size ? (
        <>
          <p>{t('footprint.result.zerosIntro')}</p>
          {/* A list rather than a table: one element per group keeps the page light (EcoIndex A). */}
          <ul class="zeros">
            {[...groups.values()].map((g) => (
              <li>
                {`${critLabel(v, g.criterion)} · ${phaseLabel(v, g.phase)} — ${g.cats.map((c) => `${categoryLabel(v, c.cat)} (${v.fmt.number(c.units)})`).join(', ')}${v.locale.startsWith('fr') ? ' : ' : ': '}${t(`footprint.gap.${g.code}` as TMessageKey)}`}
                {g.code === 'quarantined' ? (
                  <>
                    {' '}
                    (<a href="/methodology#quarantined">{t('footprint.result.zerosWhich')}</a>)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('footprint.result.zerosNone')}</p>
      )}
    </>
  );
}
