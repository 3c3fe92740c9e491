import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import type { TFeature } from './feature.js';
import { renderPage } from './render.js';
import { publicUrl } from '../config.js';

/** Every public URL the features declare, sorted and without duplicates. */
async function publicPaths(
  c: { get: (k: 'db') => AppEnv['Variables']['db'] },
  features: TFeature[],
): Promise<string[]> {
  const all = await Promise.all(features.map((f) => (f.sitemap ? f.sitemap(c.get('db')) : Promise.resolve([]))));
  return [...new Set(all.flat())].sort();
}

/** /sitemap.xml for search engines and /sitemap for people. */
export function sitemapRoutes(features: TFeature[]): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/sitemap.xml', async (c) => {
    const base = publicUrl(c.get('config'));
    const paths = await publicPaths(c, features);
    const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths
      .map((p) => `  <url><loc>${escapeXml(base + p)}</loc></url>`)
      .join('\n')}\n</urlset>\n`;
    return c.body(body, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });
  r.get('/sitemap', async (c) => {
    const t = c.get('t');
    const paths = (await publicPaths(c, features)).filter((p) => p.split('/').length <= 2);
    return renderPage(
      c,
      t('site.sitemap.title'),
      <>
        <h1>{t('site.sitemap.title')}</h1>
        <ul>
          {paths.map((p) => (
            <li>
              <a href={p}>{p}</a>
            </li>
          ))}
        </ul>
      </>,
    );
  });
  return r;
}
