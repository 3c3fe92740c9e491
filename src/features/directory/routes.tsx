import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { validate, pageParam } from '../../http/forms.js';
import { listFoundingPartners, ProfileFacts } from '../organisations/index.js';
import { manifestoText } from '../manifesto/index.js';
import { publicProfile, searchDirectory, ZDirectoryFilter } from './search-directory.js';
import { descriptionOf, DirectoryPage, OrganisationCard } from './views.js';
import { PublicFactsView, publicFactsOf } from '../review/index.js';
import { publishedDeclarationsOf } from '../maturity/index.js';

export const pages = new Hono<AppEnv>();

/** Organisations per directory page: keeps the page light (EcoIndex A). */
export const perPage = 20;

pages.get('/directory', async (c) => {
  const t = c.get('t');
  // A bad filter value (an old link, a hand-edited URL) falls back to "any" rather than failing the page.
  const parsed = validate(ZDirectoryFilter, c.req.query(), t);
  const filter = parsed.ok ? parsed.data : {};
  const page = pageParam(c);
  const { total, items } = await searchDirectory(c.get('db'), filter, { offset: (page - 1) * perPage, limit: perPage });
  const pages = Math.max(1, Math.ceil(total / perPage));
  return renderPage(c, t('directory.title'), (v) => (
    <DirectoryPage v={v} filter={filter} items={items} total={total} page={page} pages={pages} />
  ));
});

pages.get('/directory/:slug', async (c) => {
  const t = c.get('t');
  const org = await publicProfile(c.get('db'), { slug: c.req.param('slug') });
  if (!org) throw notFound();
  const text = manifestoText(t, org.signature.version, org.signature.audience);
  // What the organisation chose to make public on its annual report (nothing by default).
  const facts = await publicFactsOf(c.get('db'), org.id);
  const declarations = await publishedDeclarationsOf(c.get('db'), org.id);
  return renderPage(c, org.name, (v) => (
    <>
      <h1>
        {org.name} {org.is_demo ? <span class="badge demo">{t('demo.badge')}</span> : null}
      </h1>
      {org.is_founding_partner ? <p class="badge">{t('directory.foundingPartner')}</p> : null}
      {descriptionOf(t, org) ? <p class="lead">{descriptionOf(t, org)}</p> : null}
      <ProfileFacts v={v} org={org as never} />
      <h2>{t('directory.signature.title')}</h2>
      <p>
        {t('directory.signature.text', {
          title: text.title,
          version: org.signature.version,
          date: v.fmt.date(org.signature.decided_at ?? org.signature.signed_at),
        })}
      </p>
      <PublicFactsView v={v} facts={facts} />
      {declarations.length ? (
        <section aria-labelledby="declarations-title">
          <h2 id="declarations-title">{t('directory.declarations.title')}</h2>
          <ul>
            {declarations.map((d) => (
              <li>
                <a href={`/declarations/${d.id}`}>{d.serviceName}</a> —{' '}
                {t('directory.declarations.published', { date: v.fmt.date(d.publishedAt) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href="/manifesto">{t('directory.signature.read')}</a> · <a href="/directory">{t('directory.back')}</a>
      </p>
    </>
  ));
});

pages.get('/partners', async (c) => {
  const t = c.get('t');
  const partners = await listFoundingPartners(c.get('db'));
  return renderPage(c, t('directory.partners.title'), (v) => (
    <>
      <h1>{t('directory.partners.title')}</h1>
      <p>{t('directory.partners.intro')}</p>
      <ul class="cards">
        {partners.map((p) => (
          <OrganisationCard v={v} o={p} withDescription />
        ))}
      </ul>
    </>
  ));
});
