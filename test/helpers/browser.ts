import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { nowIso, type DB } from '../../src/db/client.js';
import { hashSecret, newSecret } from '../../src/http/tokens.js';
import { chromiumArgs } from '../../src/reports/pdf.js';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/**
 * Launches the system Chromium headless (never a downloaded browser). Pages and contexts made from it wait for
 * navigations, events and locators without a clock of their own (Playwright's 30 s defaults trip on a loaded
 * machine): the test runner's generous timeout is the only bound.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 0 });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.setDefaultTimeout(0);
    context.setDefaultNavigationTimeout(0);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    page.setDefaultTimeout(0);
    page.setDefaultNavigationTimeout(0);
    return page;
  };
  return browser;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  // The page's CSP forbids inline scripts, so axe is injected through the devtools protocol, which CSP ignores.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as {
    violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

// EcoIndex quantiles (HTTP Archive, as published by the EcoIndex project): 21 bounds each.
const qDom = [
  0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601,
];
const qReq = [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920];
const qSize = [
  0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37,
  2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
];

/** The position of a value among the quantile bounds, interpolated linearly (0..20). */
function quantile(bounds: number[], value: number): number {
  for (let i = 1; i < bounds.length; i++) {
    if (value < bounds[i]!) return i - 1 + (value - bounds[i - 1]!) / (bounds[i]! - bounds[i - 1]!);
  }
  return bounds.length - 1;
}

/** EcoIndex score (0–100) and grade from DOM elements, requests and transferred kilobytes. */
export function ecoIndex(dom: number, requests: number, sizeKb: number): { score: number; grade: string } {
  const score = 100 - (5 * (3 * quantile(qDom, dom) + 2 * quantile(qReq, requests) + quantile(qSize, sizeKb))) / 6;
  const grades: [number, string][] = [
    [80, 'A'],
    [70, 'B'],
    [55, 'C'],
    [40, 'D'],
    [25, 'E'],
    [10, 'F'],
  ];
  return { score, grade: grades.find(([min]) => score > min)?.[1] ?? 'G' };
}

/**
 * Loads a URL in a fresh context and measures what EcoIndex measures: DOM elements, requests and transferred
 * bytes (from the devtools protocol's encoded data lengths).
 */
export async function measurePage(
  browser: Browser,
  url: string,
  cookies: { name: string; value: string; url: string }[] = [],
): Promise<{ dom: number; requests: number; kb: number; score: number; grade: string }> {
  const context = await browser.newContext();
  if (cookies.length) await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let requests = 0;
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', () => {
    requests++;
  });
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  await context.close();
  const kb = bytes / 1024;
  return { dom, requests, kb, ...ecoIndex(dom, requests, kb) };
}

/** A browser context signed in as the user (a session row, as the login form would create). */
export async function signedInContext(
  browser: Browser,
  db: DB,
  serverUrl: string,
  userId: number,
): Promise<BrowserContext> {
  const token = newSecret();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(token),
      user_id: userId,
      created_at: nowIso(),
      expires_at: nowIso(new Date(Date.now() + 86_400_000)),
    })
    .execute();
  const context = await browser.newContext();
  await context.addCookies([{ name: 'techcare_session', value: token, url: serverUrl }]);
  return context;
}
