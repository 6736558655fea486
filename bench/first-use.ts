// Opening what the page renders or loads on first use: the time from a click to the frame
// that shows what it opened. Each visit is a first visit, timed once the worker has saved the
// edition, so the player's speech code is precached but not yet loaded: it comes through the
// worker, as it would for a reader a moment later, online or off.
import type { Browser } from 'puppeteer-core';
import { MOBILE_VIEWPORT } from '../tools/browsers.ts';
import { launchChromium, newPage } from './chromium.ts';
import { waitForOffline } from './offline.ts';
import { median } from './report.ts';
import type { FirstUseOpening } from './results.ts';

import { LISTENING_KEY } from '../src/preferences/storage-keys.ts';

/** A button to press, and the element in its component's shadow root that shows it has opened. */
export interface Opening {
  label: string;
  button: string;
  host: string;
  shown: string;
}

/** What is opened, and what shows it has opened. */
export const OPENINGS = {
  settings: {
    label: 'Reading settings → its controls on screen',
    button: 'reading-settings-panel >>> .toggle',
    host: 'reading-settings-panel',
    shown: '#panel input',
  },
  listen: {
    label: 'Listen → the player’s bar on screen',
    button: 'read-aloud-player >>> .listen',
    host: 'read-aloud-player',
    shown: '.bar',
  },
} satisfies Record<string, Opening>;

export type OpeningName = keyof typeof OPENINGS;

/** A script the page fetched, by its path, and whether its service worker answered it. */
export interface LoadedChunk {
  url: string;
  fromWorker: boolean;
}

/** One opening: from the click, and from the press (pointerdown), to the frame that shows it. */
export interface FirstUseRun {
  ms: number;
  fromPress: number;
  /** The scripts the opening loaded. */
  loaded: LoadedChunk[];
}

/** What the page notes, as window.bench. */
interface PageBench {
  pressedAt: number;
  clickedAt: number;
  shownAt?: Promise<number>;
}

/**
 * Runs in the page before its own script: notes when a click reaches the page (capture phase,
 * before the button's own handler), and gives it a speech engine with one voice that starts
 * every utterance at once, so Listen is timed without the wait for a real engine's voices
 * (bench/speech.ts times the real engine); the device's voice is chosen, as the stand-in's
 * unknown voice would otherwise count as poor and the audio edition play (bench/recorded.ts).
 * `key` is the listening preferences' storage key.
 */
function instrument(key: string): void {
  localStorage.setItem(key, JSON.stringify({ source: 'device' }));
  const bench: PageBench = { pressedAt: 0, clickedAt: 0 };
  (window as typeof window & { bench: PageBench }).bench = bench;
  addEventListener('pointerdown', () => (bench.pressedAt = performance.now()), { capture: true });
  addEventListener('click', () => (bench.clickedAt = performance.now()), { capture: true });
  const voice = { voiceURI: 'bench-voice', name: 'Bench voice', lang: 'en-US', localService: true, default: true };
  Object.assign(speechSynthesis, {
    getVoices: () => [voice],
    speak: (utterance: SpeechSynthesisUtterance) => setTimeout(() => utterance.dispatchEvent(new Event('start'))),
    cancel: () => {},
  });
}

/**
 * Watches a component's shadow root for what the click will show, and resolves with the time
 * of the first frame in which it is rendered and visible (or fails after 20 s).
 */
function watchFor(host: string, shown: string): void {
  const root = document.querySelector(host)?.shadowRoot;
  if (!root) throw new Error(`${host} has no shadow root`);
  const visible = () => (root.querySelector(shown)?.getClientRects().length ?? 0) > 0;
  (window as typeof window & { bench: PageBench }).bench.shownAt = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!visible()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
    setTimeout(() => reject(new Error(`${shown} did not show in ${host}`)), 20_000);
  });
}

/** One opening in a fresh browser context. */
async function open(browser: Browser, url: string, opening: Opening): Promise<FirstUseRun> {
  const context = await browser.createBrowserContext();
  try {
    const page = await newPage(context);
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
      const { bench } = window as typeof window & { bench: PageBench };
      const shownAt = await bench.shownAt;
      if (shownAt === undefined) throw new Error('nothing was being watched for');
      return { ms: shownAt - bench.clickedAt, fromPress: shownAt - bench.pressedAt };
    });
    const chunksAfter = await page.evaluate(loadedChunks);
    return {
      ms,
      fromPress,
      loaded: chunksAfter.filter((chunk) => !chunksBefore.some((before) => before.url === chunk.url)),
    };
  } finally {
    await context.close();
  }
}

/** The scripts the page has fetched, and whether its worker answered each. */
function loadedChunks(): LoadedChunk[] {
  return performance
    .getEntriesByType('resource')
    .filter(
      (entry): entry is PerformanceResourceTiming =>
        entry instanceof PerformanceResourceTiming && entry.name.endsWith('.js'),
    )
    .map((entry) => ({ url: new URL(entry.name).pathname, fromWorker: entry.workerStart > 0 }));
}

/** `runs` of each opening, alternating. */
export async function firstUse(url: string, runs: number): Promise<Record<OpeningName, FirstUseRun[]>> {
  const browser = await launchChromium();
  try {
    const results: Record<OpeningName, FirstUseRun[]> = { settings: [], listen: [] };
    for (let run = 0; run < runs; run++) {
      // Object.keys is typed string[]; these are OPENINGS' own keys.
      for (const name of Object.keys(OPENINGS) as OpeningName[])
        results[name].push(await open(browser, url, OPENINGS[name]));
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** One opening's runs, with their medians. */
const opening = (runs: FirstUseRun[]): FirstUseOpening => ({
  medianMs: median(runs.map((r) => r.ms)),
  fromPressMs: median(runs.map((r) => r.fromPress)),
  runs,
});

/** `runs` of each opening, alternating, with their medians. */
export async function firstUseOpenings(url: string, runs: number): Promise<Record<OpeningName, FirstUseOpening>> {
  const openings = await firstUse(url, runs);
  // Object.entries and fromEntries are typed with string keys; these are firstUse's own.
  return Object.fromEntries(Object.entries(openings).map(([name, list]) => [name, opening(list)])) as Record<
    OpeningName,
    FirstUseOpening
  >;
}
