import type { TCriterion, TFactorSet } from '../../../lca/index.js';
import type { TViewContext } from '../../../views/context.js';
import { categoryLabel, critLabel, phaseLabel, tierLabel } from './labels.js';
import { PCRSI_INDICATORS } from '../../../reports/footprint-formats.js';

/**
 * A source is linked only when its address can be followed from the site: the factor set also cites repository
 * files (docs/methodology.md), which the server does not publish and whose content is this page.
 */
const sourceLink = (url: string | undefined) => !!url && /^(https?:\/\/|\/)/.test(url);

/** The public methodology: the method in plain words, then every factor of the factor set with its source. */
export function MethodologyPage(p: { v: TViewContext; fs: TFactorSet; frElectricity: { id: string; gwp: number; source: string }[] }) {
  const { v, fs } = p;
  const t = v.t;
  const src = (id: string) => fs.sources[id];
  return (
    <>
      <h1>{t('footprint.methodology.title')}</h1>
      <p class="lead">{t('footprint.methodology.intro')}</p>
      <p>{t('footprint.methodology.factorSet', { id: fs.id, date: fs.publishedAt, licence: fs.licence })}</p>
      <h2 id="method">{t('footprint.methodology.methodTitle')}</h2>
      <p>{t('footprint.methodology.method1')}</p>
      <p>{t('footprint.methodology.method2')}</p>
      <h2 id="criteria">{t('footprint.methodology.criteriaTitle')}</h2>
      <ul>{Object.entries(fs.criteria).map(([c, d]) => <li id={`crit-${c}`}>{critLabel(v, c)} ({d.unit}, PCR-SI {PCRSI_INDICATORS[c as TCriterion]?.code ?? d.pcrsi})</li>)}</ul>
      <h2 id="phases">{t('footprint.methodology.phasesTitle')}</h2>
      <p>{t('footprint.methodology.phases', { bld: phaseLabel(v, 'BLD'), dis: phaseLabel(v, 'DIS'), use: phaseLabel(v, 'USE'), eol: phaseLabel(v, 'EOL') })}</p>
      <h2 id="tiers">{t('footprint.methodology.tiersTitle')}</h2>
      <p>{t('footprint.methodology.tiers', { terminals: tierLabel(v, 'terminals'), network: tierLabel(v, 'network'), datacenter: tierLabel(v, 'datacenter'), cloud: tierLabel(v, 'cloud'), transfer: tierLabel(v, 'transfer') })}</p>
      <h2 id="allocation">{t('footprint.methodology.allocationTitle')}</h2>
      <p>{t('footprint.methodology.allocation')}</p>
      <h2 id="defaults">{t('footprint.methodology.defaultsTitle')}</h2>
      <p>{t('footprint.methodology.defaults')}</p>
      <h2 id="electricity">{t('footprint.methodology.electricityTitle')}</h2>
      <p>{t('footprint.methodology.electricity', { zones: Object.keys(fs.electricity.zones).length })}</p>
      <ul>{p.frElectricity.map((e) => <li>{v.fmt.number(e.gwp, 3)} kgCO2e/kWh — <a href={`#source-${e.source}`}>{src(e.source)?.title ?? e.source}</a></li>)}</ul>
      <h2 id="factors">{t('footprint.methodology.factorsTitle')}</h2>
      <table>
        <thead><tr><th scope="col">{t('footprint.methodology.category')}</th><th scope="col">{t('footprint.methodology.tier')}</th><th scope="col" class="num">{t('footprint.methodology.embodied')}</th><th scope="col" class="num">{t('footprint.methodology.lifespan')}</th><th scope="col">{t('footprint.methodology.source')}</th></tr></thead>
        <tbody>
          {Object.entries(fs.devices).map(([id, d]) => (
            <tr id={`cat-${id}`}>
              <th scope="row">{categoryLabel(v, id)}</th>
              <td>{tierLabel(v, d.tier)}</td>
              <td class="num">{d.embodied.gwp ? `${v.fmt.significant(d.embodied.gwp.value)} (${v.fmt.significant(d.embodied.gwp.low)} – ${v.fmt.significant(d.embodied.gwp.high)})` : '—'}</td>
              <td class="num">{v.fmt.number(d.lifespanYears.value, 1)}</td>
              <td>{d.embodied.gwp ? <a href={`#source-${d.embodied.gwp.source}`}>{d.embodied.gwp.source}</a> : null}</td>
            </tr>
          ))}
          <tr id="cat-cloud_instance"><th scope="row">{categoryLabel(v, 'cloud_instance')}</th><td>{tierLabel(v, 'cloud')}</td><td colspan={2}>{t('footprint.methodology.cloud')}</td><td></td></tr>
          <tr id="cat-data_transfer"><th scope="row">{categoryLabel(v, 'data_transfer')}</th><td>{tierLabel(v, 'transfer')}</td><td colspan={2}>{t('footprint.methodology.transfer')}</td><td></td></tr>
        </tbody>
      </table>
      <h2 id="sources">{t('footprint.methodology.sourcesTitle')}</h2>
      <table>
        <thead><tr><th scope="col">{t('footprint.methodology.source')}</th><th scope="col" class="num">{t('footprint.methodology.year')}</th><th scope="col">{t('footprint.methodology.licence')}</th></tr></thead>
        <tbody>
          {Object.entries(fs.sources).map(([id, s]) => (
            <tr id={`source-${id}`}><th scope="row">{sourceLink(s.url) ? <a href={s.url}>{s.title}</a> : s.title}</th><td class="num">{s.year}</td><td>{s.licence}</td></tr>
          ))}
        </tbody>
      </table>
      <p>{t('footprint.methodology.limits')}</p>
    </>
  );
}
