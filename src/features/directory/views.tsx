import type { TMessageKey, TTranslate } from '../../i18n/index.js';
import type { TViewContext } from '../../views/context.js';
import { Field, Pagination, Select } from '../../views/components.js';
import { kindLabel, referenceOptions, regionLabel, sectorLabel } from '../organisations/index.js';
import type { TDirectoryFilter } from './search-directory.js';

type TCard = {
  slug: string;
  name: string;
  kind: string;
  sector: string;
  region: string;
  is_demo: number;
  is_founding_partner: number;
  description: string;
};

/** A founding partner's description in the reader's language; other organisations' own text otherwise. */
export function descriptionOf(
  t: TTranslate,
  o: { slug: string; description: string; is_founding_partner: number },
): string {
  if (!o.is_founding_partner) return o.description;
  const key = `organisations.partner.${o.slug}` as TMessageKey;
  const text = t(key);
  return text === key ? o.description : text;
}

/** One organisation in a list: name (link), badges, kind, sector, region. */
export function OrganisationCard(p: { v: TViewContext; o: TCard; withDescription?: boolean }) {
  const t = p.v.t;
  const o = p.o;
  return (
    <li>
      <h3>
        <a href={`/directory/${o.slug}`}>{o.name}</a>
      </h3>
      <p>
        {o.is_demo ? <span class="badge demo">{t('demo.badge')}</span> : null}
        {o.is_founding_partner ? <span class="badge">{t('directory.foundingPartner')}</span> : null}{' '}
        {kindLabel(t, o.kind)} · {sectorLabel(t, o.sector)} · {regionLabel(t, o.region)}
      </p>
      {p.withDescription ? <p>{descriptionOf(t, o)}</p> : null}
    </li>
  );
}

/** The directory: search and filters (a GET form), results, pagination. */
export function DirectoryPage(p: {
  v: TViewContext;
  filter: TDirectoryFilter;
  items: TCard[];
  total: number;
  page: number;
  pages: number;
}) {
  const { v, filter } = p;
  const t = v.t;
  const o = referenceOptions(t);
  const any = t('form.all');
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      <form method="get" action="/directory" class="filters" role="search">
        {filter.demo ? <input type="hidden" name="demo" value={filter.demo} /> : null}
        <Field name="q" type="search" label={t('directory.filter.q')} value={filter.q ?? ''} />
        <Select
          name="kind"
          label={t('organisations.field.kind')}
          value={filter.kind ?? ''}
          options={o.kinds}
          emptyLabel={any}
        />
        <Select
          name="sector"
          label={t('organisations.field.sector')}
          value={filter.sector ?? ''}
          options={o.sectors}
          emptyLabel={any}
        />
        <Select
          name="size"
          label={t('organisations.field.size')}
          value={filter.size ?? ''}
          options={o.sizes}
          emptyLabel={any}
        />
        <Select
          name="region"
          label={t('organisations.field.region')}
          value={filter.region ?? ''}
          options={o.regions}
          emptyLabel={any}
        />
        <div class="field">
          <button type="submit">{t('form.search')}</button>
        </div>
      </form>
      <p role="status">{t('directory.count', { count: p.total })}</p>
      {p.items.length ? (
        <ul class="cards">
          {p.items.map((item) => (
            <OrganisationCard v={v} o={item} />
          ))}
        </ul>
      ) : (
        <p>{t('directory.none')}</p>
      )}
      <Pagination v={v} page={p.page} pages={p.pages} />
      <p>
        <a href="/partners">{t('directory.partnersLink')}</a>
      </p>
    </>
  );
}
