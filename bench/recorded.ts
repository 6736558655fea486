// Time to recorded audio: from pressing Listen with the audio edition chosen to the media
// element's `playing` event (its first audible frame), each press a first use in a fresh
// browser context: the player's code, the cues and the start of the MP3 all load after the press.
// Run alone with `node bench/recorded.ts` (after `npm run build`) for this figure only.
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.ts';
import { median } from './report.ts';
import { startServer } from './server.ts';

import { LISTENING_KEY } from '../src/preferences/storage-keys.ts';

const BUTTON = 'read-aloud-player >>> .listen';
const WAIT_MS = 30_000;

/**
 * Runs in the page before its own script: chooses the audio edition as a listener would
 * (remembered from an earlier visit), notes when a click reaches the page (capture phase,
 * before the button's handler), and when a media element is asked to play and starts playing.
 * @param {string} key the listening preferences' storage key
 */
function instrument(key) {
  localStorage.setItem(key, JSON.stringify({ source: 'recorded' }));
  const bench = { pressedAt: /** @type {number | undefined} */ (undefined), playAt: undefined, playingAt: undefined, src: '' };
  /** @type {any} */ (window).bench = bench;
  addEventListener('click', () => (bench.pressedAt ??= performance.now()), { capture: true });
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    /** @type {any} */ (bench).playAt ??= performance.now();
    bench.src = this.currentSrc || this.src;
    this.addEventListener('playing', () => (/** @type {any} */ (bench).playingAt ??= performance.now()), { once: true });
    return play.call(this);
  };
}

/**
 * One press in a fresh browser context.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 */
async function press(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(instrument, LISTENING_KEY);
    await page.goto(url, { waitUntil: 'load' });
    const button = await page.waitForSelector(BUTTON, { timeout: WAIT_MS });
    // A real click: media may play only after a gesture.
    await button?.click();
    await page.waitForFunction(() => /** @type {any} */ (window).bench.playingAt !== undefined, { polling: 10, timeout: WAIT_MS });
    return await page.evaluate(() => {
      const { pressedAt, playAt, playingAt, src } = /** @type {any} */ (window).bench;
      return { ms: playingAt - pressedAt, toPlay: playAt - pressedAt, file: new URL(src).pathname.split('/').pop() };
    });
  } finally {
    await context.close();
  }
}

/**
 * @param {string} url the edition, which must have an audio edition
 * @param {number} runs
 */
export async function timeToPlaying(url, runs) {
  const browser = await launchChromium();
  try {
    const presses = [];
    for (let run = 0; run < runs; run++) presses.push(await press(browser, url));
    return { medianMs: median(presses.map((p) => p.ms)), medianToPlayMs: median(presses.map((p) => p.toPlay)), runs: presses };
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
