// Time to recorded audio: from pressing Listen with the audio edition chosen to the media
// element's `playing` event (its first audible frame), each press a first use in a fresh
// browser context: the player's code, the cues and the start of the MP3 all load after the press.
// Run alone with `npx tsx bench/recorded.ts [presses]` (after `npm run build`) for this figure only.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { launchChromium, newPage } from './chromium.ts';
import { longestTaskSince, observeLongTasks } from './long-tasks.ts';
import { median } from './report.ts';
import { startServer } from './server.ts';

import { LISTENING_KEY } from '../src/preferences/storage-keys.ts';

const BUTTON = 'read-aloud-player >>> .listen';
const WAIT_MS = 30_000;

/**
 * One press: from the click to `playing`, and to play() being called; the MP3's file name; the
 * longest main-thread task from the press to a second after `playing` (absent from results of older runs).
 */
export interface RecordedPress {
  ms: number;
  toPlay: number;
  file: string;
  longestTaskMs?: number;
}

export interface TimeToPlaying {
  medianMs: number;
  medianToPlayMs: number;
  /** Absent from results of older runs. */
  medianLongestTaskMs?: number;
  runs: RecordedPress[];
}

/** What the page notes, as window.bench: page times, and the media element's source. */
interface PageBench {
  pressedAt?: number;
  playAt?: number;
  playingAt?: number;
  src: string;
}

/**
 * Runs in the page before its own script: chooses the audio edition as a listener would
 * (remembered from an earlier visit), notes when a click reaches the page (capture phase,
 * before the button's handler), and when a media element is asked to play and starts playing.
 * `key` is the listening preferences' storage key.
 */
function instrument(key: string): void {
  localStorage.setItem(key, JSON.stringify({ source: 'recorded' }));
  const bench: PageBench = { pressedAt: undefined, playAt: undefined, playingAt: undefined, src: '' };
  (window as typeof window & { bench: PageBench }).bench = bench;
  addEventListener('click', () => (bench.pressedAt ??= performance.now()), { capture: true });
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    bench.playAt ??= performance.now();
    bench.src = this.currentSrc || this.src;
    this.addEventListener('playing', () => (bench.playingAt ??= performance.now()), { once: true });
    return play.call(this);
  };
}

/** One press in a fresh browser context. */
async function press(browser: Browser, url: string): Promise<RecordedPress> {
  const context = await browser.createBrowserContext();
  try {
    const page = await newPage(context);
    await page.evaluateOnNewDocument(instrument, LISTENING_KEY);
    await page.evaluateOnNewDocument(observeLongTasks);
    await page.goto(url, { waitUntil: 'load' });
    const button = await page.waitForSelector(BUTTON, { timeout: WAIT_MS });
    // A real click: media may play only after a gesture.
    await button?.click();
    await page.waitForFunction(() => (window as typeof window & { bench: PageBench }).bench.playingAt !== undefined, {
      polling: 10,
      timeout: WAIT_MS,
    });
    const { pressedAt, ...result } = await page.evaluate(() => {
      const { pressedAt, playAt, playingAt, src } = (window as typeof window & { bench: PageBench }).bench;
      // NaN where a moment was not seen (the median leaves it out).
      const pressed = pressedAt ?? NaN;
      return {
        pressedAt: pressed,
        ms: (playingAt ?? NaN) - pressed,
        toPlay: (playAt ?? NaN) - pressed,
        file: new URL(src).pathname.split('/').pop() ?? '',
      };
    });
    return { ...result, longestTaskMs: await longestTaskSince(page, pressedAt) };
  } finally {
    await context.close();
  }
}

/** `url` is the edition, which must have an audio edition. */
export async function timeToPlaying(url: string, runs: number): Promise<TimeToPlaying> {
  const browser = await launchChromium();
  try {
    const presses: RecordedPress[] = [];
    for (let run = 0; run < runs; run++) presses.push(await press(browser, url));
    return {
      medianMs: median(presses.map((p) => p.ms)),
      medianToPlayMs: median(presses.map((p) => p.toPlay)),
      medianLongestTaskMs: median(presses.map((p) => p.longestTaskMs ?? NaN)),
      runs: presses,
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer({ editionDir: 'dist', floorPages: new Map() });
  try {
    const result = await timeToPlaying(`${server.origin}/edition/`, Number(process.argv[2] ?? 5));
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.close();
  }
}
