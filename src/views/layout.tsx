import type { Child } from 'hono/jsx';
import { assetUrl } from './assets.js';
import type { TViewContext } from './context.js';
import type { TMessageKey } from '../i18n/index.js';

/** The link that switches language while keeping the current page and its query. */
/**
 * The same page in the other language. The path is cleaned first: a request for `//evil.example/x` (or `/\evil…`)
 * would otherwise give a link `//evil.example/x?lang=en`, which browsers follow to another site.
 */
export function languageSwitchHref(v: Pick<TViewContext, 'url' | 'locale'>): string {
  const url = new URL(v.url.toString());
  url.searchParams.set('lang', v.locale === 'fr' ? 'en' : 'fr');
  return `${cleanPath(url.pathname)}${url.search}`;
}

/** A path that can only point into this site: one leading slash, no backslash, no control character. */
export function cleanPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  return `/${path
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\\/g, '%5C')
    .replace(/^\/+/, '')}`;
}

const navItems: { href: string; key: TMessageKey }[] = [
  { href: '/manifesto', key: 'nav.manifesto' },
  { href: '/directory', key: 'nav.directory' },
  { href: '/workshops', key: 'nav.workshops' },
  { href: '/trainings', key: 'nav.trainings' },
  { href: '/resources', key: 'nav.resources' },
  { href: '/levers', key: 'nav.levers' },
  { href: '/review', key: 'nav.review' },
];

/**
 * The page shell: skip link, header with navigation and language switch, main landmark, footer. One stylesheet,
 * one optional script, no web fonts: the platform's own pages must stay at EcoIndex grade A.
 */
export function Layout(props: {
  v: TViewContext;
  title: string;
  children: Child;
  flash?: string | null;
  wide?: boolean;
  scripts?: string[];
}) {
  const { v } = props;
  const t = v.t;
  return (
    <html lang={v.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('app.name')}`}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" href={assetUrl('icon.svg')} type="image/svg+xml" />
        {(props.scripts ?? []).map((s) => (
          <script src={assetUrl(s)} defer></script>
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('app.name')}
          </a>
          <nav aria-label={t('nav.main')}>
            <ul>
              {navItems.map((item) => (
                <li>
                  <a href={item.href} aria-current={v.path.startsWith(item.href) ? 'page' : undefined}>
                    {t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="account">
            <a
              href={languageSwitchHref(v)}
              hreflang={v.locale === 'fr' ? 'en' : 'fr'}
              lang={v.locale === 'fr' ? 'en' : 'fr'}
              aria-label={t('nav.languageLabel')}
            >
              {t('nav.language')}
            </a>
            {v.user ? (
              <>
                <a href="/dashboard">{t('nav.dashboard')}</a>
                {v.user.platformRole === 'admin' ? <a href="/admin">{t('nav.admin')}</a> : null}
                <form method="post" action="/logout" class="inline">
                  <button type="submit" class="link">
                    {t('nav.logout')}
                  </button>
                </form>
              </>
            ) : (
              <>
                <a href="/login">{t('nav.login')}</a>
                <a href="/signup">{t('nav.signup')}</a>
              </>
            )}
          </div>
        </header>
        <main id="main" class={props.wide ? 'wide' : undefined}>
          {props.flash ? (
            <p class="flash" role="status">
              {props.flash}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('footer.text')}</p>
          <p>
            <a href="/methodology">{t('footer.methodology')}</a> · <a href="/sitemap">{t('footer.sitemap')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
