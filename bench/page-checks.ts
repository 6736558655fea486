// Checks on the built page that Lighthouse does not make (or cannot, see RESULTS.md): layout
// shifts with stored reading settings, which resources block rendering, what the console
// says (Lit's dev-mode warning among it), and whether the article is there without script.
import type { Browser } from 'puppeteer-core';
import { MOBILE_VIEWPORT } from '../tools/browsers.ts';
import { launchChromium, newPage } from './chromium.ts';
import { waitForOffline } from './offline.ts';

import { SETTINGS_KEY } from '../src/preferences/storage-keys.ts';

/** The reading settings a returning reader might have: larger text, dark, a downloaded font. */
export const STORED_SETTINGS = { textSize: 150, theme: 'dark', font: 'atkinson' };

/** Quiet time after the page settles, for late shifts (a font swap, the offline status). */
export const SETTLE_MS = 1000;
const VISITS = 3;

/** A layout shift: when (ms since navigation start), its score, and each thing it moved. */
export interface Shift {
  at: number;
  value: number;
  moved: string[];
}

/** A largest-contentful-paint candidate: when, its area, and which element. */
export interface Paint {
  at: number;
  size: number;
  element: string;
}

/** What the page records, as window.bench. */
interface PageBench {
  shifts: Shift[];
  paints: Paint[];
}

// The entries of the two observers below (each observes one type): the DOM lib has no types for them.
interface LayoutShift extends PerformanceEntry {
  hadRecentInput: boolean;
  value: number;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}
interface LargestContentfulPaint extends PerformanceEntry {
  size: number;
  element: Element | null;
}

/** One visit: its CLS and shifts, LCP candidates, render-blocking resources and console. */
export interface Visit {
  cls: number;
  shifts: Shift[];
  lcpCandidates: Paint[];
  /** Paths of the resources that blocked rendering. */
  renderBlocking: string[];
  /** What the console said, and any uncaught error. */
  messages: string[];
}

/** The worst of a few visits, with every visit's CLS. */
export interface WorstVisit extends Visit {
  clsOfEachVisit: number[];
}

/** The article's title and how many of its paragraphs a page shows. */
export interface ArticleShape {
  title: string;
  paragraphs: number;
}

export interface PageChecks {
  layoutShift: {
    edition: WorstVisit;
    storedSettings: WorstVisit & { settings: typeof STORED_SETTINGS };
    floor: WorstVisit;
  };
  withoutScript: ArticleShape & { complete: boolean; floor: ArticleShape };
}

/**
 * Runs in the page before any of its own script: records every layout shift, what moved and
 * by how much, and each largest-contentful-paint candidate (the last one is the LCP element).
 */
function recordLayout(): void {
  const shifts: Shift[] = [];
  const paints: Paint[] = [];
  const describe = (node: Node | null): string => {
    if (!node) return '(a node since removed)';
    if (!(node instanceof Element)) return `text in ${describe(node.parentElement)}`;
    const root = node.getRootNode();
    const host = root instanceof ShadowRoot ? `${root.host.localName} › ` : '';
    return `${host}${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShift[]) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        at: Math.round(entry.startTime),
        value: entry.value,
        moved: entry.sources.map(
          (s) => `${describe(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}px`,
        ),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LargestContentfulPaint[])
      paints.push({ at: Math.round(entry.startTime), size: entry.size, element: describe(entry.element) });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  (window as typeof window & { bench: PageBench }).bench = { shifts, paints };
}

/**
 * CLS: the largest session window (shifts under 1 s apart, at most 5 s long), as Lighthouse
 * and the web-vitals library count it.
 */
function sessionWindowCls(shifts: { at: number; value: number }[]): number {
  let best = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const shift of shifts) {
    if (shift.at - last > 1000 || shift.at - first > 5000) {
      current = 0;
      first = shift.at;
    }
    current += shift.value;
    last = shift.at;
    best = Math.max(best, current);
  }
  return best;
}

/**
 * Opens a page in its own browser context, at Lighthouse's mobile size, with the given
 * localStorage, and returns what it shifted, blocked on and logged once it has settled.
 */
async function visit(
  browser: Browser,
  url: string,
  { settings, offlineStatus = false }: { settings?: object; offlineStatus?: boolean },
): Promise<Visit> {
  const context = await browser.createBrowserContext();
  try {
    const page = await newPage(context);
    await page.setViewport(MOBILE_VIEWPORT);
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) =>
      messages.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`),
    );
    if (settings) {
      await page.evaluateOnNewDocument(
        (key: string, value: string) => localStorage.setItem(key, value),
        SETTINGS_KEY,
        JSON.stringify(settings),
      );
    }
    await page.evaluateOnNewDocument(recordLayout);
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The status row appears, then changes, while the worker saves the edition: wait for it.
    if (offlineStatus) await waitForOffline(page);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const { shifts, paints } = await page.evaluate(() => (window as typeof window & { bench: PageBench }).bench);
    // Resource entries are PerformanceResourceTiming; renderBlockingStatus is newer than the DOM lib.
    const renderBlocking = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter(
          (e) =>
            (e as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus === 'blocking',
        )
        .map((e) => new URL(e.name).pathname),
    );
    return { cls: sessionWindowCls(shifts), shifts, lcpCandidates: paints, renderBlocking, messages };
  } finally {
    await context.close();
  }
}

/**
 * Whether a late change shifts the page depends on whether it lands before the first paint,
 * so one visit proves little: the worst of a few, with every visit's CLS beside it.
 */
async function worstOf(check: () => Promise<Visit>): Promise<WorstVisit> {
  const visits: Visit[] = [];
  for (let visit = 0; visit < VISITS; visit++) visits.push(await check());
  const worst = visits.reduce((a, b) => (b.cls > a.cls ? b : a));
  return { ...worst, clsOfEachVisit: visits.map((v) => v.cls) };
}

/**
 * The article's heading and paragraph count, to compare the edition without script to the floor.
 * `paragraphs` selects which paragraphs are the article's.
 */
async function articleShape(
  browser: Browser,
  url: string,
  paragraphs: string,
  javaScript = true,
): Promise<ArticleShape> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setJavaScriptEnabled(javaScript);
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(
      (selector: string) => ({
        title: document.querySelector('h1')?.textContent?.trim() ?? '',
        paragraphs: document.querySelectorAll(selector).length,
      }),
      paragraphs,
    );
  } finally {
    await context.close();
  }
}

export async function pageChecks(urls: { edition: string; floor: string }): Promise<PageChecks> {
  const browser = await launchChromium();
  try {
    const edition = await worstOf(() => visit(browser, urls.edition, { offlineStatus: true }));
    const stored = await worstOf(() =>
      visit(browser, urls.edition, { settings: STORED_SETTINGS, offlineStatus: true }),
    );
    const floor = await worstOf(() => visit(browser, urls.floor, {}));
    // The edition's own paragraphs (reading time) are marked data-edition.
    const withoutScript = await articleShape(browser, urls.edition, 'article p:not([data-edition])', false);
    const floorShape = await articleShape(browser, urls.floor, 'p');
    return {
      layoutShift: { edition, storedSettings: { settings: STORED_SETTINGS, ...stored }, floor },
      withoutScript: {
        ...withoutScript,
        complete: withoutScript.title === floorShape.title && withoutScript.paragraphs === floorShape.paragraphs,
        floor: floorShape,
      },
    };
  } finally {
    await browser.close();
  }
}
