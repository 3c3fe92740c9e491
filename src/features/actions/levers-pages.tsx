import type { Context } from 'hono';
import { z } from 'zod';
import { TIERS, type TCriterion, type TTier } from '../../lca/index.js';
import { dimensionIds, gridKeys, type TDimensionId } from '../../referentials/maturity-grid.js';
import type { AppEnv } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import type { TMessageKey } from '../../i18n/index.js';
import { viewContext, type TViewContext } from '../../views/context.js';
import { catalogueSources, efforts, getLever, listLevers, type TEffort, type TLever } from './catalogue.js';

/** i18n keys built from the catalogue's codes (typed once here). */
export const k = {
  lever: (slug: string, part: 'title' | 'summary' | 'how' | 'gain' | 'prerequisites') =>
    `actions.lever.${slug}.${part}` as TMessageKey,
  tier: (t: TTier) => `actions.tier.${t}` as TMessageKey,
  criterion: (c: TCriterion) => `actions.criterion.${c}` as TMessageKey,
  effort: (e: TEffort) => `actions.effort.${e}` as TMessageKey,
  theme: (t: string) => `actions.theme.${t}` as TMessageKey,
  audience: (a: string) => `actions.audience.${a}` as TMessageKey,
  dimension: (d: TDimensionId) => gridKeys.dimension(d) as TMessageKey,
  category: (c: string) => `actions.category.${c}` as TMessageKey,
};

/** A category's label, or its code when the catalogue has no label for it. */
export function categoryLabel(v: TViewContext, c: string): string {
  const key = k.category(c);
  const text = v.t(key);
  return text === key ? c : text;
}

const ZFilter = z.object({
  tier: z.enum(TIERS).optional().catch(undefined),
  effort: z.enum(['low', 'medium', 'high']).optional().catch(undefined),
  dimension: z
    .enum(dimensionIds as [TDimensionId, ...TDimensionId[]])
    .optional()
    .catch(undefined),
});

/** Levers matching the catalogue filters (tier, effort, maturity dimension). */
export function filterLevers(filter: z.infer<typeof ZFilter>): TLever[] {
  return listLevers().filter(
    (l) =>
      (!filter.tier || l.tiers.includes(filter.tier)) &&
      (!filter.effort || l.effort === filter.effort) &&
      (!filter.dimension || l.dimensions.includes(filter.dimension)),
  );
}

/** GET /levers — the catalogue with its filters (a GET form: works without JavaScript). */
export async function leversPage(c: Context<AppEnv>): Promise<Response> {
  const filter = ZFilter.parse(c.req.query());
  const list = filterLevers(filter);
  const t = c.get('t');
  return renderPage(c, t('actions.list.title'), (v) => (
    <>
      <h1>{t('actions.list.title')}</h1>
      <p>{t('actions.list.intro')}</p>
      <form method="get" action="/levers" class="filters" aria-label={t('actions.list.filters')}>
        <FilterSelect
          v={v}
          name="tier"
          label={t('actions.list.tier')}
          value={filter.tier}
          options={TIERS.map((x) => [x, t(k.tier(x))])}
        />
        <FilterSelect
          v={v}
          name="effort"
          label={t('actions.list.effort')}
          value={filter.effort}
          options={efforts.map((x) => [x, t(k.effort(x))])}
        />
        <FilterSelect
          v={v}
          name="dimension"
          label={t('actions.list.dimension')}
          value={filter.dimension}
          options={dimensionIds.map((x) => [x, t(k.dimension(x))])}
        />
        <button type="submit">{t('form.filter')}</button> <a href="/levers">{t('form.reset')}</a>
      </form>
      <p role="status">{t('actions.list.count', { count: list.length })}</p>
      {list.length === 0 ? (
        <p>{t('actions.list.none')}</p>
      ) : (
        <ul class="cards">
          {list.map((l) => (
            <li>
              <h2>
                <a href={`/levers/${l.slug}`}>{t(k.lever(l.slug, 'title'))}</a>
              </h2>
              <p>{t(k.lever(l.slug, 'summary'))}</p>
              <p class="meta">
                {t(k.effort(l.effort))}
                {l.tiers.length ? ` · ${l.tiers.map((x) => t(k.tier(x))).join(', ')}` : ''}
                {l.quantified ? ` · ${t('actions.list.quantified')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  ));
}

function FilterSelect(p: {
  v: TViewContext;
  name: string;
  label: string;
  value?: string;
  options: [string, string][];
}) {
  return (
    <span class="field-inline">
      <label for={`f-${p.name}`}>{p.label}</label>{' '}
      <select id={`f-${p.name}`} name={p.name}>
        <option value="">{p.v.t('form.all')}</option>
        {p.options.map(([val, label]) => (
          <option value={val} selected={p.value === val}>
            {label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** GET /levers/:slug — one lever with what it acts on, its gain and sources, and links to workshops and trainings. */
export async function leverPage(c: Context<AppEnv>): Promise<Response> {
  const lever = getLever(c.req.param('slug') ?? '');
  if (!lever) throw notFound();
  const t = c.get('t');
  const user = c.get('user');
  const org = user?.memberships[0];
  const related = await c
    .get('contributions')
    .relatedResources?.(
      c.get('db'),
      viewContext(c),
      { leverSlug: lever.slug },
      { headingLevel: 2, moreHref: `/resources?lever=${encodeURIComponent(lever.slug)}` },
    );
  return renderPage(c, t(k.lever(lever.slug, 'title')), (v) => (
    <>
      <p>
        <a href="/levers">{t('actions.detail.back')}</a>
      </p>
      <h1>{t(k.lever(lever.slug, 'title'))}</h1>
      <p>{t(k.lever(lever.slug, 'summary'))}</p>
      <dl class="facts">
        <dt>{t('actions.detail.effort')}</dt>
        <dd>{t(k.effort(lever.effort))}</dd>
        <dt>{t('actions.detail.tiers')}</dt>
        <dd>{lever.tiers.length ? lever.tiers.map((x) => t(k.tier(x))).join(', ') : t('actions.detail.none')}</dd>
        <dt>{t('actions.detail.criteria')}</dt>
        <dd>
          {lever.criteria.length ? lever.criteria.map((x) => t(k.criterion(x))).join(', ') : t('actions.detail.none')}
        </dd>
        <dt>{t('actions.detail.rgesn')}</dt>
        <dd>{lever.rgesn.length ? lever.rgesn.join(', ') : t('actions.detail.none')}</dd>
        <dt>{t('actions.detail.dimensions')}</dt>
        <dd>{lever.dimensions.map((d) => t(k.dimension(d))).join(', ')}</dd>
      </dl>
      <h2>{t('actions.detail.how')}</h2>
      <p>{t(k.lever(lever.slug, 'how'))}</p>
      <h2>{t('actions.detail.gain')}</h2>
      <p>{t(k.lever(lever.slug, 'gain'))}</p>
      {lever.quantified ? (
        org ? (
          <p>
            <a href={`/organisations/${org.organisationId}/simulate#f-${lever.quantified}`}>
              {t('actions.detail.simulate', { org: org.name })}
            </a>
          </p>
        ) : null
      ) : (
        <p>{t('actions.detail.notQuantified')}</p>
      )}
      <h2>{t('actions.detail.prerequisites')}</h2>
      <p>{t(k.lever(lever.slug, 'prerequisites'))}</p>
      <h2>{t('actions.detail.workshops')}</h2>
      <ul>
        {lever.workshopThemes.map((th) => (
          <li>
            <a href={`/workshops?theme=${encodeURIComponent(th)}`}>
              {t('actions.detail.workshopTheme', { theme: t(k.theme(th)) })}
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('actions.detail.trainings')}</h2>
      <ul>
        {lever.trainings.map((q) => (
          <li>
            <a href={`/trainings?${new URLSearchParams(q).toString()}`}>
              {t('actions.detail.trainingLink', {
                audience: q.audience ? t(k.audience(q.audience)) : Object.values(q).join(' '),
              })}
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('actions.detail.sources')}</h2>
      <ul>
        {lever.sources.map((s) => {
          const src = catalogueSources[s];
          return src ? (
            <li>
              <a href={src.url}>{src.title}</a> ({src.year})
            </li>
          ) : null;
        })}
      </ul>
      {/* Resources related to this lever, contributed by the knowledge feature (nothing when there are none). */}
      {related}
    </>
  ));
}
