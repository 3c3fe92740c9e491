import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';

const cssPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'app.css');

/** Whether PDF export can work here: the system Chromium must exist. */
export function chromiumAvailable(chromiumPath: string): boolean {
  return existsSync(chromiumPath);
}

/** Flags for a headless Chromium on a closed network (no background calls home). */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let browserPromise: Promise<Browser> | null = null;

async function browser(chromiumPath: string): Promise<Browser> {
  if (!browserPromise) {
    const { chromium } = await import('playwright-core');
    browserPromise = chromium.launch({ executablePath: chromiumPath, args: chromiumArgs }).catch((err) => {
      browserPromise = null;
      throw err;
    });
  }
  return browserPromise;
}

/** Closes the shared browser (at shutdown and at the end of tests). */
export async function closePdfBrowser(): Promise<void> {
  const b = browserPromise;
  browserPromise = null;
  if (b) await (await b).close().catch(() => undefined);
}

/**
 * Prints one of our own HTML pages to PDF with the system Chromium, the same page the user sees, laid out by the
 * print stylesheet. The stylesheet link is inlined because the page is loaded from a string, not from the server.
 * Scripts are not run: our pages do not need them.
 */
export async function htmlToPdf(html: string, chromiumPath: string): Promise<Buffer> {
  const css = readFileSync(cssPath, 'utf8');
  const inlined = html.replace(/<link rel="stylesheet"[^>]*>/, `<style>${css}</style>`).replace(/<script[^>]*><\/script>/g, '');
  const b = await browser(chromiumPath);
  const context = await b.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    // Nothing outside the page may load: block every request (icons, links).
    await page.route('**/*', (route) => route.abort());
    await page.setContent(inlined, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await context.close();
  }
}
