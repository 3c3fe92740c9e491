import type { TViewContext } from '../../../views/context.js';
import type { TFrameworkRow } from '../frameworks.js';
import { allocationLabel, footprintBase } from './labels.js';
import { SettingsLine } from './settings-line.js';
import type { TFootprintResult } from '../../../lca/index.js';

/** The year's GWP mapped to GHG Protocol / ESRS E1 and French BEGES lines, with the mapping choices explained. */
export function FrameworksPage(p: {
  v: TViewContext;
  org: { id: number; name: string };
  year: number;
  result: TFootprintResult;
  rows: TFrameworkRow[];
}) {
  const { v } = p;
  const t = v.t;
  const table = (fw: 'ghg' | 'beges') => (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('footprint.frameworks.line')}</th>
          <th scope="col" class="num">
            kgCO2e
          </th>
          <th scope="col">{t('footprint.frameworks.allocation')}</th>
        </tr>
      </thead>
      <tbody>
        {p.rows
          .filter((r) => r.framework === fw)
          .map((r) => (
            <tr>
              <th scope="row">{t(r.key)}</th>
              <td class="num">{r.gwp === null ? t('footprint.frameworks.notComputed') : v.fmt.significant(r.gwp)}</td>
              <td>{r.allocation ? allocationLabel(v, r.allocation) : '—'}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
  return (
    <>
      <h1>{t('footprint.frameworks.title', { year: p.year, org: p.org.name })}</h1>
      <SettingsLine v={v} orgId={p.org.id} result={p.result} />
      <h2>{t('footprint.frameworks.ghgTitle')}</h2>
      {table('ghg')}
      <p>{t('footprint.frameworks.ghgExplain')}</p>
      <h2>{t('footprint.frameworks.begesTitle')}</h2>
      {table('beges')}
      <p>{t('footprint.frameworks.begesExplain')}</p>
      <p>{t('footprint.frameworks.limits')}</p>
      <p>
        <a href={`${footprintBase(p.org.id)}/${p.year}`}>{t('footprint.compare.back', { year: p.year })}</a>
      </p>
    </>
  );
}
