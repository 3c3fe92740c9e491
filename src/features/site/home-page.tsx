import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { renderPage } from '../../http/render.js';
import { hasDemoNetwork, listFoundingPartners } from '../organisations/index.js';

/** The home page: what the programme is, what members get, the founding partners, how to join. */
export async function homePage(c: Context<AppEnv>) {
  const t = c.get('t');
  const db = c.get('db');
  const [partners, demo] = await Promise.all([listFoundingPartners(db), hasDemoNetwork(db)]);
  return renderPage(
    c,
    t('site.home.title'),
    <>
      <section class="hero">
        <h1>{t('app.tagline')}</h1>
        <p class="lead">{t('site.home.lead')}</p>
        <p class="actions">
          <a class="button" href="/manifesto">
            {t('site.home.cta.sign')}
          </a>{' '}
          <a href="/directory">{t('site.home.cta.directory')}</a>
        </p>
      </section>
      <section>
        <h2>{t('site.home.why.title')}</h2>
        <p>{t('site.home.why.text')}</p>
      </section>
      <section>
        <h2>{t('site.home.offer.title')}</h2>
        <ul class="offer">
          <li>
            <a href="/manifesto">{t('site.home.offer.manifesto')}</a>
          </li>
          <li>
            <a href="/methodology">{t('site.home.offer.measure')}</a>
          </li>
          <li>
            <a href="/levers">{t('site.home.offer.maturity')}</a>
          </li>
          <li>
            <a href="/workshops">{t('site.home.offer.workshops')}</a>
          </li>
          <li>
            <a href="/trainings">{t('site.home.offer.training')}</a>
          </li>
          <li>
            <a href="/review">{t('site.home.offer.review')}</a>
          </li>
        </ul>
      </section>
      {partners.length ? (
        <section>
          <h2>{t('site.home.partners.title')}</h2>
          <ul class="partner-list">
            {partners.map((p) => (
              <li>
                <a href={`/directory/${p.slug}`}>{p.name}</a>
              </li>
            ))}
          </ul>
          <p>
            <a href="/partners">{t('site.home.partners.more')}</a>
          </p>
        </section>
      ) : null}
      {demo ? (
        <section class="demo-note">
          <h2>{t('site.home.demo.title')}</h2>
          <p>{t('site.home.demo.text')}</p>
          <p>
            <a href="/directory?demo=only">{t('site.home.demo.link')}</a>
          </p>
        </section>
      ) : null}
    </>,
  );
}
