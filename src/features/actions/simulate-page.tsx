import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { requireUser } from '../../http/actor.js';
import { renderPage } from '../../http/render.js';
import { CRITERIA, type TCriterion, type TImpact } from '../../lca/index.js';
import { QUANTIFIED_LEVERS, type TChanges, type TQuantifiedLever } from '../../lca/levers/index.js';
import { ErrorSummary } from '../../views/components.js';
import type { TViewContext } from '../../views/context.js';
import { leverOfTransform } from './catalogue.js';
import { categoryLabel, k } from './levers-pages.js';
import { measuredYears } from './neighbours.js';
import { organisationName, orgIdParam } from './org.js';
import { loadSimulationInput, simulateForOrganisation, type TOrgSimulation } from './simulate-for-organisation.js';
import {
  categoriesFor,
  leverFields,
  parseSimulationForm,
  providersOf,
  withCategories,
  type TSimValues,
} from './simulation-form.js';

const fieldLabel: Record<string, Parameters<TViewContext['t']>[0]> = {
  years: 'actions.sim.years',
  current: 'actions.sim.currentCycle',
  share: 'actions.sim.sharePct',
  pct: 'actions.sim.reductionPct',
  pue: 'actions.sim.pue',
  provider: 'actions.sim.provider',
  region: 'actions.sim.region',
  second: 'actions.sim.secondLife',
  reduction: 'actions.sim.refurbReductionPct',
};
const fieldLimits: Record<string, { min: number; max: number; step: string }> = {
  years: { min: 1, max: 20, step: '0.5' },
  current: { min: 0.5, max: 20, step: '0.5' },
  share: { min: 0, max: 100, step: '1' },
  pct: { min: 0, max: 100, step: '1' },
  pue: { min: 1, max: 3, step: '0.01' },
  second: { min: 0.5, max: 10, step: '0.5' },
  reduction: { min: 0, max: 100, step: '1' },
};
function labelFor(lever: TQuantifiedLever, field: string): Parameters<TViewContext['t']>[0] {
  if (field === 'pct' && lever === 'consolidate-servers') return 'actions.sim.serverReductionPct';
  if (field === 'pct' && lever === 'switch-off-idle') return 'actions.sim.hoursPct';
  return fieldLabel[field]!;
}

/** A number with its unit and three significant digits (results span ±30 %: more digits would be noise). */
export function qty(v: TViewContext, x: TImpact | { value: number; unit: string }): string {
  return `${v.fmt.significant(x.value)} ${x.unit}`;
}

/** GET /organisations/:id/simulate?year= — lever simulation on the organisation's own inventory (GET form). */
export async function simulatePage(c: Context<AppEnv>): Promise<Response> {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = orgIdParam(c);
  const t = c.get('t');
  const years = await measuredYears(db, orgId);
  const qYear = Number(c.req.query('year'));
  const year =
    Number.isInteger(qYear) && qYear >= 2000 && qYear <= 2200 ? qYear : (years[0] ?? new Date().getUTCFullYear() - 1);
  const input = await loadSimulationInput(db, user, orgId, year);
  const org = await organisationName(db, orgId);
  const values: TSimValues = c.req.queries() ?? {};
  let result: TOrgSimulation | null = null;
  let errors = {};
  if (input) {
    const parsed = parseSimulationForm(input.factorSet, values, t);
    errors = parsed.errors;
    if (parsed.applications.length) result = await simulateForOrganisation(db, user, orgId, year, parsed.applications);
  }
  const anyOn = QUANTIFIED_LEVERS.some((l) => values[l]?.[0] === 'on');
  return renderPage(c, t('actions.sim.title', { org }), (v) => (
    <>
      <h1>{t('actions.sim.title', { org })}</h1>
      <p>{t('actions.sim.intro', { year })}</p>
      <p class="hint">{t('actions.sim.steadyState')}</p>
      <ErrorSummary
        v={v}
        errors={errors}
        labels={Object.fromEntries(QUANTIFIED_LEVERS.map((l) => [l, t(k.lever(leverOfTransform(l).slug, 'title'))]))}
      />
      {!input ? (
        <>
          <p>{t('actions.sim.noInventory')}</p>
          <p>
            <a href={`/organisations/${orgId}/footprint`}>{t('actions.sim.toFootprint')}</a>
          </p>
        </>
      ) : (
        <form method="get" action={`/organisations/${orgId}/simulate`} class="simulation">
          <div class="field">
            <label for="f-year">{t('actions.sim.year')}</label>
            <select id="f-year" name="year">
              {(years.length ? years : [year]).map((y) => (
                <option value={String(y)} selected={y === year}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          {QUANTIFIED_LEVERS.map((lever) => (
            <LeverFieldset
              v={v}
              lever={lever}
              values={values}
              categories={categoriesFor(input.factorSet, input.lines, lever)}
              providers={providersOf(input.lines)}
              error={(errors as Record<string, string>)[lever]}
            />
          ))}
          <button type="submit">{t('actions.sim.submit')}</button>
        </form>
      )}
      {input && !result && !anyOn ? <p>{t('actions.sim.noLever')}</p> : null}
      {result ? <Results v={v} orgId={orgId} r={result} /> : null}
    </>
  ));
}

function LeverFieldset(p: {
  v: TViewContext;
  lever: TQuantifiedLever;
  values: TSimValues;
  categories: string[];
  providers: string[];
  error?: string;
}) {
  const { v, lever, values } = p;
  const t = v.t;
  const on = values[lever]?.[0] === 'on';
  const picked = new Set(values[`${lever}.categories`] ?? []);
  const slug = leverOfTransform(lever).slug;
  const needsCategories = withCategories.includes(lever);
  return (
    <fieldset id={`f-${lever}`} class={p.error ? 'lever has-error' : 'lever'}>
      <legend>{t(k.lever(slug, 'title'))}</legend>
      {p.error ? <p class="error">{p.error}</p> : null}
      <div class="check">
        <input type="checkbox" id={`f-${lever}-on`} name={lever} value="on" checked={on} />
        <label for={`f-${lever}-on`}>{t('actions.sim.apply')}</label>
      </div>
      {needsCategories ? (
        p.categories.length ? (
          <fieldset class="checks">
            <legend>{t('actions.sim.categories')}</legend>
            {p.categories.map((cat) => (
              <span class="check">
                <input
                  type="checkbox"
                  id={`f-${lever}-c-${cat}`}
                  name={`${lever}.categories`}
                  value={cat}
                  checked={picked.has(cat)}
                />
                <label for={`f-${lever}-c-${cat}`}>{categoryLabel(v, cat)}</label>
              </span>
            ))}
          </fieldset>
        ) : (
          <p class="hint">{t('actions.sim.noCategory')}</p>
        )
      ) : null}
      {Object.entries(leverFields[lever]).map(([field, dflt]) => {
        const id = `f-${lever}-${field}`;
        const name = `${lever}.${field}`;
        const value = values[name]?.[0] ?? dflt;
        if (field === 'provider') {
          return (
            <div class="field">
              <label for={id}>{t('actions.sim.provider')}</label>
              <select id={id} name={name}>
                {p.providers.map((pr) => (
                  <option value={pr} selected={pr === value}>
                    {pr}
                  </option>
                ))}
              </select>
            </div>
          );
        }
        const lim = fieldLimits[field];
        const hint =
          field === 'region'
            ? t('actions.sim.regionHint')
            : field === 'reduction'
              ? t('actions.sim.refurbReductionHint')
              : undefined;
        return (
          <div class="field">
            <label for={id}>{t(labelFor(lever, field))}</label>
            {hint ? (
              <p class="hint" id={`${id}-hint`}>
                {hint}
              </p>
            ) : null}
            <input
              id={id}
              name={name}
              type={lim ? 'number' : 'text'}
              value={value}
              min={lim?.min}
              max={lim?.max}
              step={lim?.step}
              aria-describedby={hint ? `${id}-hint` : undefined}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

function criteriaOf(changes: TChanges): TCriterion[] {
  return CRITERIA.filter((c) => changes[c]);
}

function ChangeCell(p: { v: TViewContext; ch: TChanges[TCriterion] }) {
  if (!p.ch) return <td>—</td>;
  const { v, ch } = p;
  return (
    <td>
      {qty(v, ch.delta)} ({v.fmt.percent(ch.relative, 1)})
      <br />
      <small>
        {v.t('actions.sim.rangeValue', {
          low: v.fmt.significant(ch.delta.low),
          high: v.fmt.significant(ch.delta.high),
        })}
      </small>
    </td>
  );
}

function Results(p: { v: TViewContext; orgId: number; r: TOrgSimulation }) {
  const { v, r, orgId } = p;
  const t = v.t;
  const combined = r.sim.combined.total;
  const crits = criteriaOf(combined);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('actions.sim.results')}</h2>
      <table>
        <caption>{t('actions.sim.combined')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('actions.sim.criterion')}</th>
            <th scope="col">{t('actions.sim.baseline')}</th>
            <th scope="col">{t('actions.sim.after')}</th>
            <th scope="col">{t('actions.sim.change')}</th>
            <th scope="col">{t('actions.sim.range')}</th>
            <th scope="col">{t('actions.sim.relative')}</th>
          </tr>
        </thead>
        <tbody>
          {crits.map((c) => {
            const ch = combined[c]!;
            return (
              <tr>
                <th scope="row">{t(k.criterion(c))}</th>
                <td>{qty(v, ch.before)}</td>
                <td>{qty(v, ch.after)}</td>
                <td>{qty(v, ch.delta)}</td>
                <td>
                  {t('actions.sim.rangeValue', {
                    low: v.fmt.significant(ch.delta.low),
                    high: v.fmt.significant(ch.delta.high),
                  })}
                </td>
                <td>{v.fmt.percent(ch.relative, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('actions.sim.perLever')}</h3>
      <p class="hint">{t('actions.sim.perLeverNote')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('actions.sim.lever')}</th>
            {crits.map((c) => (
              <th scope="col">{t(k.criterion(c))}</th>
            ))}
            <th scope="col">
              <span class="visually-hidden">{t('actions.sim.toPlan')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {r.sim.individual.map((ind) => {
            const title = t(k.lever(leverOfTransform(ind.lever).slug, 'title'));
            return (
              <tr>
                <th scope="row">{title}</th>
                {crits.map((c) => (
                  <ChangeCell v={v} ch={ind.total[c]} />
                ))}
                <td>
                  <form method="post" action={`/organisations/${orgId}/plan/from-lever`}>
                    <input type="hidden" name="lever" value={ind.lever} />
                    <input type="hidden" name="params" value={JSON.stringify(ind.params)} />
                    <input type="hidden" name="year" value={String(r.year)} />
                    <button type="submit">
                      {t('actions.sim.toPlan')}
                      <span class="visually-hidden"> — {title}</span>
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="hint">{t('actions.sim.factorSet', { id: r.factorSet.id })}</p>
    </section>
  );
}
