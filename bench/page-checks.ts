// Checks on the built page that Lighthouse does not make (or cannot, see RESULTS.md): layout
// shifts with stored reading settings, which resources block rendering, what the console
// says (Lit's dev-mode warning among it), and whether the article is there without script.
import { MOBILE_VIEWPORT } from '../tools/browsers.ts';
import { launchChromium } from './chromium.ts';
import { waitForOffline } from './offline.ts';

import { SETTINGS_KEY } from '../src/preferences/storage-keys.ts';

/** The reading settings a returning reader might have: larger text, dark, a downloaded font. */
export const STORED_SETTINGS = { textSize: 150, theme: 'dark', font: 'atkinson' };

/** Quiet time after the page settles, for late shifts (a font swap, the offline status). */
export const SETTLE_MS = 1000;
const VISITS = 3;

/**
 * Runs in the page before any of its own script: records every layout shift, what moved and
 * by how much, and each largest-contentful-paint candidate (the last one is the LCP element).
 */
function recordLayout() {
  const shifts = [];
  const paints = [];
  /** @param {Node | null} node */
  const describe = (node) => {
    if (!node) return '(a node since removed)';
    if (!(node instanceof Element)) return `text in ${describe(node.parentElement)}`;
    const root = node.getRootNode();
    const host = root instanceof ShadowRoot ? `${root.host.localName} › ` : '';
    return `${host}${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        at: Math.round(entry.startTime),
        value: entry.value,
        moved: entry.sources.map((s) => `${describe(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}px`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) paints.push({ at: Math.round(entry.startTime), size: entry.size, element: describe(entry.element) });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  window.bench = { shifts, paints };
}

/**
 * CLS: the largest session window (shifts under 1 s apart, at most 5 s long), as Lighthouse
 * and the web-vitals library count it.
 * @param {{ at: number, value: number }[]} shifts
 */
function sessionWindowCls(shifts) {
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
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {{ settings?: object, offlineStatus?: boolean }} options
 */
async function visit(browser, url, { settings, offlineStatus = false }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(MOBILE_VIEWPORT);
    /** @type {string[]} */
    const messages = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
    if (settings) {
      await page.evaluateOnNewDocument((key, value) => localStorage.setItem(key, value), SETTINGS_KEY, JSON.stringify(settings));
    }
    await page.evaluateOnNewDocument(recordLayout);
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The status row appears, then changes, while the worker saves the edition: wait for it.
    if (offlineStatus) await waitForOffline(page);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const { shifts, paints } = /** @type {{ shifts: { at: number, value: number, moved: string[] }[], paints: object[] }} */ (await page.evaluate('window.bench'));
    const renderBlocking = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /** @type {any} */ (e).renderBlockingStatus === 'blocking')
      .map((e) => new URL(e.name).pathname));
    return { cls: sessionWindowCls(shifts), shifts, lcpCandidates: paints, renderBlocking, messages };
  } finally {
    await context.close();
  }
}

/**
 * Whether a late change shifts the page depends on whether it lands before the first paint,
 * so one visit proves little: the worst of a few, with every visit's CLS beside it.
 * @param {() => ReturnType<typeof visit>} check
 */
async function worstOf(check) {
  const visits = [];
  for (let visit = 0; visit < VISITS; visit++) visits.push(await check());
  const worst = visits.reduce((a, b) => (b.cls > a.cls ? b : a));
  return { ...worst, clsOfEachVisit: visits.map((v) => v.cls) };
}

/**
 * The article's heading and paragraph count, to compare the edition without script to the floor.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {string} paragraphs which paragraphs are the article's
 */
async function articleShape(browser, url, paragraphs, javaScript = true) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setJavaScriptEnabled(javaScript);
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate((selector) => ({
      title: document.querySelector('h1')?.textContent?.trim() ?? '',
      paragraphs: document.querySelectorAll(selector).length,
    }), paragraphs);
  } finally {
    await context.close();
  }
}

/**
 * @param {{ edition: string, floor: string }} urls
 */
export async function pageChecks(urls) {
  const browser = await launchChromium();
  try {
    const edition = await worstOf(() => visit(browser, urls.edition, { offlineStatus: true }));
    const stored = await worstOf(() => visit(browser, urls.edition, { settings: STORED_SETTINGS, offlineStatus: true }));
    const floor = await worstOf(() => visit(browser, urls.floor, {}));
    // The edition's own paragraphs (reading time) are marked data-edition.
    const withoutScript = await articleShape(browser, urls.edition, 'article p:not([data-edition])', false);
    const floorShape = await articleShape(browser, urls.floor, 'p');
    return {
      layoutShift: { edition, storedSettings: { settings: STORED_SETTINGS, ...stored }, floor },
      withoutScript: { ...withoutScript, complete: withoutScript.title === floorShape.title && withoutScript.paragraphs === floorShape.paragraphs, floor: floorShape },
    };
  } finally {
    await browser.close();
  }
}
