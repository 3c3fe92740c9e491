import {
  profileIdsOf,
  withProfile,
  type TCriterion,
  type TDeviceArchetype,
  type TFactorSet,
} from '../../../lca/index.js';
import type { TViewContext } from '../../../views/context.js';
import type { TMessageKey } from '../../../i18n/index.js';
import { categoryLabel, critLabel, phaseLabel, profileLabel, tierLabel } from './labels.js';
import { PCRSI_INDICATORS } from '../../../reports/footprint-formats.js';

/**
 * A source is linked only when its address can be followed from the site: the factor set also cites repository
 * files (docs/methodology.md), which the server does not publish and whose content is this page.
 */
const sourceLink = (url: string | undefined) => !!url && /^(https?:\/\/|\/)/.test(url);

/** The public methodology: the method in plain words, then every factor of the factor set with its source. */
export function MethodologyPage(p: { v: TViewContext; fs: TFactorSet }) {
  const { v, fs } = p;
  const t = v.t;
  const src = (id: string) => fs.sources[id];
  const profiles = profileIdsOf(fs);
  // France's electricity under each profile: the spread of the published figures, and which one the default follows.
  const frenchGwp = profiles
    .map((id) => ({ id, r: withProfile(fs, id).electricity.zones.FRA?.factors.gwp }))
    .filter((x) => x.r);
  /** Whole-life GWP of an archetype (manufacture + distribution + end of life), as its range. */
  const wholeLife = (d: TDeviceArchetype) => {
    const parts = [d.embodied.gwp, d.distribution?.gwp, d.endOfLife?.gwp].filter((x) => x !== undefined);
    return parts.length
      ? parts.reduce((a, x) => ({ value: a.value + x.value, low: a.low + x.low, high: a.high + x.high }), {
          value: 0,
          low: 0,
          high: 0,
        })
      : undefined;
  };
  return (
    <>
      <h1>{t('footprint.methodology.title')}</h1>
      <p class="lead">{t('footprint.methodology.intro')}</p>
      <p>{t('footprint.methodology.factorSet', { id: fs.id, date: fs.publishedAt, licence: fs.licence })}</p>
      <h2 id="method">{t('footprint.methodology.methodTitle')}</h2>
      <p>{t('footprint.methodology.method1')}</p>
      <p>{t('footprint.methodology.method2')}</p>
      <h2 id="criteria">{t('footprint.methodology.criteriaTitle')}</h2>
      <ul>
        {Object.entries(fs.criteria).map(([c, d]) => (
          <li id={`crit-${c}`}>
            {critLabel(v, c)} ({d.unit}, PCR-SI {PCRSI_INDICATORS[c as TCriterion]?.code ?? d.pcrsi})
          </li>
        ))}
      </ul>
      <h2 id="phases">{t('footprint.methodology.phasesTitle')}</h2>
      <p>
        {t('footprint.methodology.phases', {
          bld: phaseLabel(v, 'BLD'),
          dis: phaseLabel(v, 'DIS'),
          use: phaseLabel(v, 'USE'),
          eol: phaseLabel(v, 'EOL'),
        })}
      </p>
      <h2 id="tiers">{t('footprint.methodology.tiersTitle')}</h2>
      <p>
        {t('footprint.methodology.tiers', {
          terminals: tierLabel(v, 'terminals'),
          network: tierLabel(v, 'network'),
          datacenter: tierLabel(v, 'datacenter'),
          cloud: tierLabel(v, 'cloud'),
          transfer: tierLabel(v, 'transfer'),
        })}
      </p>
      <h2 id="allocation">{t('footprint.methodology.allocationTitle')}</h2>
      <p>{t('footprint.methodology.allocation')}</p>
      <h2 id="defaults">{t('footprint.methodology.defaultsTitle')}</h2>
      <p>{t('footprint.methodology.defaults')}</p>
      <p id="central">{t('footprint.methodology.central')}</p>
      <h2 id="profiles">{t('footprint.methodology.profilesTitle')}</h2>
      <p>{t('footprint.methodology.profiles')}</p>
      <ul>
        {profiles.map((id) => (
          <li>
            {profileLabel(v, id)}
            {id === profiles[0] ? ` (${t('footprint.methodology.profileDefault')})` : ''} —{' '}
            {profileDescription(v, id, fs.profiles?.[id]?.description ?? '')}
          </li>
        ))}
      </ul>
      <h2 id="electricity">{t('footprint.methodology.electricityTitle')}</h2>
      <p>{t('footprint.methodology.electricity', { zones: Object.keys(fs.electricity.zones).length })}</p>
      <ul>
        {frenchGwp.map(({ id, r }) => (
          <li>
            {profileLabel(v, id)} — {v.fmt.number(r!.value, 3)} kgCO2e/kWh ({v.fmt.number(r!.low, 3)} –{' '}
            {v.fmt.number(r!.high, 3)}) — <a href={`#source-${r!.source}`}>{src(r!.source)?.title ?? r!.source}</a>
          </li>
        ))}
      </ul>
      <QuarantinedList v={v} fs={fs} />
      <h2 id="factors">{t('footprint.methodology.factorsTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('footprint.methodology.category')}</th>
            <th scope="col">{t('footprint.methodology.tier')}</th>
            <th scope="col" class="num">
              {t('footprint.methodology.embodied')}
            </th>
            <th scope="col" class="num">
              {t('footprint.methodology.lifespan')}
            </th>
            <th scope="col" class="num">
              {t('footprint.methodology.useKwh')}
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(fs.devices).map(([id, d]) => {
            const w = wholeLife(d);
            const kwh =
              d.use?.annualKwh?.value ??
              (d.use?.powerW && d.use.hoursPerYear
                ? (d.use.powerW.value * d.use.hoursPerYear.value) / 1000
                : undefined);
            return (
              <tr id={`cat-${id}`}>
                <th scope="row">{categoryLabel(v, id)}</th>
                <td>{tierLabel(v, d.tier)}</td>
                {/* The figure links to its source (one cell less per row keeps the page light). */}
                <td class="num">
                  {w && d.embodied.gwp ? (
                    <a
                      href={`#source-${d.embodied.gwp.source}`}
                    >{`${v.fmt.significant(w.value)} (${v.fmt.significant(w.low)} – ${v.fmt.significant(w.high)})`}</a>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="num">{v.fmt.number(d.lifespanYears.value, 1)}</td>
                <td class="num">{kwh !== undefined ? v.fmt.significant(kwh) : '—'}</td>
              </tr>
            );
          })}
          <tr id="cat-cloud_instance">
            <th scope="row">{categoryLabel(v, 'cloud_instance')}</th>
            <td>{tierLabel(v, 'cloud')}</td>
            <td colspan={3}>{t('footprint.methodology.cloud')}</td>
          </tr>
          <tr id="cat-data_transfer">
            <th scope="row">{categoryLabel(v, 'data_transfer')}</th>
            <td>{tierLabel(v, 'transfer')}</td>
            <td colspan={3}>{t('footprint.methodology.transfer')}</td>
          </tr>
        </tbody>
      </table>
      <h2 id="sources">{t('footprint.methodology.sourcesTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('footprint.methodology.source')}</th>
            <th scope="col" class="num">
              {t('footprint.methodology.year')}
            </th>
            <th scope="col">{t('footprint.methodology.licence')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(fs.sources).map(([id, s]) => (
            <tr id={`source-${id}`}>
              <th scope="row">{sourceLink(s.url) ? <a href={s.url}>{s.title}</a> : s.title}</th>
              <td class="num">{s.year}</td>
              <td>{s.licence}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('footprint.methodology.limits')}</p>
    </>
  );
}

/** A profile's description in the reader's language (the factor set's own words for a profile the platform does not know). */
function profileDescription(v: TViewContext, id: string, fallback: string): string {
  const key = `footprint.profile.${id}.description` as TMessageKey;
  const text = v.t(key);
  return text === key ? fallback : text;
}

/** Which of the build's rules refused a value (the factor set records the reason in English). */
function refusalKind(q: { criterion: string; value: number }): 'negative' | 'floor' | 'ceiling' | 'median' {
  if (q.value < 0) return 'negative';
  if (q.criterion === 'pe') return q.value < 3.6 ? 'floor' : 'ceiling';
  return 'median';
}

/** Every figure the factor-set build refused, with its value and reason (results that would use one say so). */
function QuarantinedList(p: { v: TViewContext; fs: TFactorSet }) {
  const { v, fs } = p;
  const t = v.t;
  const devices = Object.entries(fs.devices).flatMap(([id, d]) =>
    (d.quarantined ?? []).map((q) => ({ what: `${categoryLabel(v, id)} · ${critLabel(v, q.criterion)}`, q })),
  );
  const zones = (fs.electricity.quarantined ?? []).map((q) => ({
    what: `${t('footprint.methodology.electricityOf', { zone: q.zone })} · ${critLabel(v, q.criterion)}`,
    q,
  }));
  const all = [...devices, ...zones];
  if (!all.length) return null;
  return (
    <>
      <h3 id="quarantined">{t('footprint.methodology.quarantinedTitle')}</h3>
      <p>{t('footprint.methodology.quarantinedIntro')}</p>
      {/* One paragraph, not a list: the page must stay light (EcoIndex A), and the list is long. */}
      <p>
        {all
          .map(
            ({ what, q }) =>
              `${what} — ${v.fmt.significant(q.value)} (${t(`footprint.methodology.refused.${refusalKind(q)}` as TMessageKey)})`,
          )
          .join(v.locale.startsWith('fr') ? ' ; ' : '; ')}
        .
      </p>
    </>
  );
}
