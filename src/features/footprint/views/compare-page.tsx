import { CRITERIA, TIERS } from '../../../lca/index.js';
import type { TViewContext } from '../../../views/context.js';
import type { TChange, TExplanation } from '../compare.js';
import { categoryLabel, critLabel, footprintBase, tierLabel } from './labels.js';

/** Two years side by side: change per criterion and per tier, and what in the data explains it. */
export function ComparePage(p: {
  v: TViewContext;
  org: { id: number; name: string };
  from: number;
  to: number;
  units: Record<string, string>;
  criteria: Partial<Record<string, TChange>>;
  tiers: Partial<Record<string, TChange>>;
  explanations: TExplanation[];
}) {
  const { v } = p;
  const t = v.t;
  const f = v.fmt.significant;
  const pct = (c: TChange) => (c.pct === null ? '—' : `${c.pct > 0 ? '+' : ''}${v.fmt.percent(c.pct, 1)}`);
  const words = (e: TExplanation) => {
    const params: Record<string, string | number> = {};
    for (const [k, val] of Object.entries(e.params)) {
      if (k === 'category') params[k] = categoryLabel(v, String(val));
      else if (k === 'tier') params[k] = tierLabel(v, String(val));
      else if (typeof val === 'number')
        params[k] = e.key.includes('Data') || e.key.includes('Defaults') ? v.fmt.percent(val) : f(val);
      else params[k] = val;
    }
    return t(e.key, params);
  };
  const row = (label: string, c: TChange, unit: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{f(c.from)}</td>
      <td class="num">{f(c.to)}</td>
      <td class="num">
        {c.delta > 0 ? '+' : ''}
        {f(c.delta)}
      </td>
      <td class="num">{pct(c)}</td>
      <td>{unit}</td>
    </tr>
  );
  const head = (
    <thead>
      <tr>
        <th scope="col"></th>
        <th scope="col" class="num">
          {p.from}
        </th>
        <th scope="col" class="num">
          {p.to}
        </th>
        <th scope="col" class="num">
          {t('footprint.compare.delta')}
        </th>
        <th scope="col" class="num">
          {t('footprint.compare.pct')}
        </th>
        <th scope="col">{t('footprint.result.unit')}</th>
      </tr>
    </thead>
  );
  return (
    <>
      <h1>{t('footprint.compare.title', { from: p.from, to: p.to, org: p.org.name })}</h1>
      <h2>{t('footprint.compare.explanations')}</h2>
      {p.explanations.length ? (
        <ul>
          {p.explanations.map((e) => (
            <li>{words(e)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('footprint.compare.noExplanation')}</p>
      )}
      <h2>{t('footprint.compare.byCriterion')}</h2>
      <table>
        {head}
        <tbody>
          {CRITERIA.filter((c) => p.criteria[c]).map((c) => row(critLabel(v, c), p.criteria[c]!, p.units[c] ?? ''))}
        </tbody>
      </table>
      <h2>{t('footprint.compare.byTier')}</h2>
      <table>
        {head}
        <tbody>{TIERS.filter((x) => p.tiers[x]).map((x) => row(tierLabel(v, x), p.tiers[x]!, 'kgCO2e'))}</tbody>
      </table>
      <p>
        <a href={`${footprintBase(p.org.id)}/${p.to}`}>{t('footprint.compare.back', { year: p.to })}</a>
      </p>
    </>
  );
}
