// Opening what the page renders or loads on first use: the time from a click to the frame
// that shows what it opened. Each visit is a first visit, timed once the worker has saved the
// edition, so the player's speech code is precached but not yet loaded: it comes through the
// worker, as it would for a reader a moment later, online or off.
import { MOBILE_VIEWPORT } from '../tools/browsers.ts';
import { launchChromium } from './chromium.ts';
import { waitForOffline } from './offline.ts';

import { LISTENING_KEY } from '../src/preferences/storage-keys.ts';

/** What is opened, and what shows it has opened. */
export const OPENINGS = {
  settings: { label: 'Reading settings → its controls on screen', button: 'reading-settings-panel >>> .toggle', host: 'reading-settings-panel', shown: '#panel input' },
  listen: { label: 'Listen → the player’s bar on screen', button: 'read-aloud-player >>> .listen', host: 'read-aloud-player', shown: '.bar' },
};

/**
 * Runs in the page before its own script: notes when a click reaches the page (capture phase,
 * before the button's own handler), and gives it a speech engine with one voice that starts
 * every utterance at once, so Listen is timed without the wait for a real engine's voices
 * (bench/speech.ts times the real engine); the device's voice is chosen, as the stand-in's
 * unknown voice would otherwise count as poor and the audio edition play (bench/recorded.ts).
 * @param {string} key the listening preferences' storage key
 */
function instrument(key) {
  localStorage.setItem(key, JSON.stringify({ source: 'device' }));
  const bench = { pressedAt: 0, clickedAt: 0 };
  /** @type {any} */ (window).bench = bench;
  addEventListener('pointerdown', () => (bench.pressedAt = performance.now()), { capture: true });
  addEventListener('click', () => (bench.clickedAt = performance.now()), { capture: true });
  const voice = { voiceURI: 'bench-voice', name: 'Bench voice', lang: 'en-US', localService: true, default: true };
  Object.assign(speechSynthesis, {
    getVoices: () => [voice],
    speak: (/** @type {SpeechSynthesisUtterance} */ utterance) => setTimeout(() => utterance.dispatchEvent(new Event('start'))),
    cancel: () => {},
  });
}

/**
 * Watches a component's shadow root for what the click will show, and resolves with the time
 * of the first frame in which it is rendered and visible (or fails after 20 s).
 * @param {string} host
 * @param {string} shown
 */
function watchFor(host, shown) {
  const root = /** @type {ShadowRoot} */ (document.querySelector(host)?.shadowRoot);
  const visible = () => (root.querySelector(shown)?.getClientRects().length ?? 0) > 0;
  /** @type {any} */ (window).bench.shownAt = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!visible()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
    setTimeout(() => reject(new Error(`${shown} did not show in ${host}`)), 20_000);
  });
}

/**
 * One opening in a fresh browser context.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {typeof OPENINGS[keyof typeof OPENINGS]} opening
 */
async function open(browser, url, opening) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(MOBILE_VIEWPORT);
    await page.evaluateOnNewDocument(instrument, LISTENING_KEY);
    await page.goto(url, { waitUntil: 'load' });
    await waitForOffline(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 30_000 });
    const button = await page.waitForSelector(opening.button, { timeout: 30_000 });
    const chunksBefore = await page.evaluate(loadedChunks);
    await page.evaluate(watchFor, opening.host, opening.shown);
    await button?.click();
    const { ms, fromPress } = await page.evaluate(async () => {
      const bench = /** @type {any} */ (window).bench;
      const shownAt = await bench.shownAt;
      return { ms: shownAt - bench.clickedAt, fromPress: shownAt - bench.pressedAt };
    });
    const chunksAfter = await page.evaluate(loadedChunks);
    return { ms, fromPress, loaded: chunksAfter.filter((chunk) => !chunksBefore.some((before) => before.url === chunk.url)) };
  } finally {
    await context.close();
  }
}

/** The scripts the page has fetched, and whether its worker answered each. */
function loadedChunks() {
  return performance.getEntriesByType('resource')
    .filter((entry) => entry.name.endsWith('.js'))
    .map((entry) => ({ url: new URL(entry.name).pathname, fromWorker: /** @type {PerformanceResourceTiming} */ (entry).workerStart > 0 }));
}

/**
 * @param {string} url
 * @param {number} runs of each opening, alternating
 */
export async function firstUse(url, runs) {
  const browser = await launchChromium();
  try {
    /** @type {Record<keyof typeof OPENINGS, Awaited<ReturnType<typeof open>>[]>} */
    const results = { settings: [], listen: [] };
    for (let run = 0; run < runs; run++) {
      for (const name of /** @type {(keyof typeof OPENINGS)[]} */ (Object.keys(OPENINGS))) results[name].push(await open(browser, url, OPENINGS[name]));
    }
    return results;
  } finally {
    await browser.close();
  }
}
