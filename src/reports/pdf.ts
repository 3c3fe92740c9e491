import { createHash } from 'node:crypto';
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

/** Renders kept by content (SHA-256 of the page): the same page asked again, by anyone, is not printed twice. */
const cache = new Map<string, Buffer>();
const CACHE_ENTRIES = 100;
const CACHE_BYTES = 100 * 1024 * 1024;
let cachedBytes = 0;
/** Renders under way, by content: a second request for the same page waits for the first one's result. */
const inflight = new Map<string, Promise<Buffer>>();
/** At most this many pages printed at once by this process; others queue. */
const MAX_CONCURRENT = 2;
let running = 0;
const queue: (() => void)[] = [];

async function withRenderSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    queue.shift()?.();
  }
}

function remember(key: string, pdf: Buffer): void {
  if (pdf.length > CACHE_BYTES / 4) return;
  cache.set(key, pdf);
  cachedBytes += pdf.length;
  for (const [k, v] of cache) {
    if (cache.size <= CACHE_ENTRIES && cachedBytes <= CACHE_BYTES) break;
    cache.delete(k);
    cachedBytes -= v.length;
  }
}

/** How many pages were really printed (not served from the cache) since the start: for tests and monitoring. */
export const pdfStats = { renders: 0 };

/**
 * Prints one of our own HTML pages to PDF with the system Chromium, the same page the user sees, laid out by the
 * print stylesheet. The stylesheet link is inlined because the page is loaded from a string, not from the server.
 * Scripts are not run: our pages do not need them. Renders are cached per content; `beforeRender` (e.g. a rate
 * limit that throws) runs only when the page really has to be printed.
 */
export async function htmlToPdf(
  html: string,
  chromiumPath: string,
  beforeRender?: () => Promise<void>,
): Promise<Buffer> {
  const css = readFileSync(cssPath, 'utf8');
  const inlined = html
    .replace(/<link rel="stylesheet"[^>]*>/, `<style>${css}</style>`)
    .replace(/<script[^>]*><\/script>/g, '');
  const key = createHash('sha256').update(inlined).digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const pending = inflight.get(key);
  if (pending) return pending;
  const render = (async () => {
    if (beforeRender) await beforeRender();
    const pdf = await withRenderSlot(() => printPage(inlined, chromiumPath));
    remember(key, pdf);
    return pdf;
  })().finally(() => inflight.delete(key));
  inflight.set(key, render);
  return render;
}

async function printPage(inlined: string, chromiumPath: string): Promise<Buffer> {
  pdfStats.renders++;
  const b = await browser(chromiumPath);
  const context = await b.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    // Nothing outside the page may load: block every request (icons, links).
    await page.route('**/*', (route) => route.abort());
    await page.setContent(inlined, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await context.close();
  }
}
