// Time to recorded audio: from pressing Listen with the audio edition chosen to the media
// element's `playing` event (its first audible frame), each press a first use in a fresh
// browser context: the player's code, the cues and the start of the MP3 all load after the press.
// `listenWithAndWithoutVoices` times the press a listener makes who has chosen nothing, on a
// device with voices and on one without (docs/read-aloud.md, "No wait without voices").
// Run alone with `npx tsx bench/recorded.ts [presses]` (after `npm run build`) for these figures only.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { PRESS_SETTLE_MS } from './speech.ts';
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
  /** From the page's load to the press (absent from results of older runs, which pressed at once). */
  agedMs?: number;
}

export interface TimeToPlaying {
  /** Whether the device had voices (listed before each press); absent from results of older runs, which had none. */
  voices?: boolean;
  /** Whether the listener had chosen the recording; else the default, "auto". Absent from results of older runs, which had. */
  chosen?: boolean;
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
  /** The device's voice was handed a sentence: "auto" chose it over the recording. */
  spoke?: string;
}

/** How a press is made: see TimeToPlaying. */
export interface PressOptions {
  voices: boolean;
  chosen: boolean;
  /** How long after its load the page is pressed, at least. */
  ageMs?: number;
}

/**
 * Runs in the page before its own script: chooses the audio edition as a listener would
 * (remembered from an earlier visit) where `chosen`, notes when a click reaches the page (capture
 * phase, before the button's handler), when a media element is asked to play and starts playing,
 * and whether the device's voice was asked to speak instead. `key` is the listening preferences' storage key.
 */
function instrument(key: string, chosen: boolean): void {
  if (chosen) localStorage.setItem(key, JSON.stringify({ source: 'recorded' }));
  const bench: PageBench = { pressedAt: undefined, playAt: undefined, playingAt: undefined, src: '' };
  if ('speechSynthesis' in window) {
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance) => {
      bench.spoke ??= utterance.text;
      speak(utterance);
    };
  }
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
async function press(
  browser: Browser,
  url: string,
  { voices, chosen, ageMs = 0 }: PressOptions,
): Promise<RecordedPress> {
  const context = await browser.createBrowserContext();
  try {
    const page = await newPage(context);
    await page.evaluateOnNewDocument(instrument, LISTENING_KEY, chosen);
    await page.evaluateOnNewDocument(observeLongTasks);
    await page.goto(url, { waitUntil: 'load' });
    const loaded = Date.now();
    const button = await page.waitForSelector(BUTTON, { timeout: WAIT_MS });
    if (voices) {
      // As the time to speech does: the voices listed, and the player's poll given time to see them.
      await page.waitForFunction(() => speechSynthesis.getVoices().length > 0, { polling: 50, timeout: WAIT_MS });
      await new Promise((resolve) => setTimeout(resolve, PRESS_SETTLE_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, ageMs - (Date.now() - loaded)));
    const agedMs = Date.now() - loaded;
    // A real click: media may play only after a gesture.
    await button?.click();
    await page.waitForFunction(
      () => {
        const { playingAt, spoke } = (window as typeof window & { bench: PageBench }).bench;
        return playingAt !== undefined || spoke !== undefined;
      },
      { polling: 10, timeout: WAIT_MS },
    );
    const { pressedAt, ...result } = await page.evaluate(() => {
      const { pressedAt, playAt, playingAt, src, spoke } = (window as typeof window & { bench: PageBench }).bench;
      if (spoke !== undefined)
        throw new Error(`the device's voice read (“${spoke}”), not the recording: a voice here that "auto" prefers`);
      // NaN where a moment was not seen (the median leaves it out).
      const pressed = pressedAt ?? NaN;
      return {
        pressedAt: pressed,
        ms: (playingAt ?? NaN) - pressed,
        toPlay: (playAt ?? NaN) - pressed,
        file: new URL(src).pathname.split('/').pop() ?? '',
      };
    });
    return { ...result, longestTaskMs: await longestTaskSince(page, pressedAt), agedMs };
  } finally {
    await context.close();
  }
}

function summary(presses: RecordedPress[], { voices, chosen }: PressOptions): TimeToPlaying {
  return {
    voices,
    chosen,
    medianMs: median(presses.map((p) => p.ms)),
    medianToPlayMs: median(presses.map((p) => p.toPlay)),
    medianLongestTaskMs: median(presses.map((p) => p.longestTaskMs ?? NaN)),
    runs: presses,
  };
}

/** `url` is the edition, which must have an audio edition; by default chosen, on a browser with no voice. */
export async function timeToPlaying(
  url: string,
  runs: number,
  options: PressOptions = { voices: false, chosen: true },
): Promise<TimeToPlaying> {
  const browser = await launchChromium({ speech: options.voices });
  try {
    const presses: RecordedPress[] = [];
    for (let run = 0; run < runs; run++) presses.push(await press(browser, url, options));
    return summary(presses, options);
  } finally {
    await browser.close();
  }
}

/**
 * Listen → the recording playing, nothing chosen, with voices (speech-dispatcher's) and without:
 * presses alternating. A page pressed at once is still busy with what follows its load (the
 * worker precaching the player's code, the locale data warmed up when idle), and one with voices
 * is pressed only once they are listed: so each press without voices waits as long after its
 * page's load as the press with voices before it did, and the two differ in the voices only.
 */
export async function listenWithAndWithoutVoices(url: string, runs: number) {
  const [withVoices, without] = await Promise.all([launchChromium({ speech: true }), launchChromium()]);
  try {
    const voices = { voices: true, chosen: false };
    const noVoices = { voices: false, chosen: false };
    const presses: Record<'voices' | 'noVoices', RecordedPress[]> = { voices: [], noVoices: [] };
    for (let run = 0; run < runs; run++) {
      const paired = await press(withVoices, url, voices);
      presses.voices.push(paired);
      presses.noVoices.push(await press(without, url, { ...noVoices, ageMs: paired.agedMs }));
    }
    return { voices: summary(presses.voices, voices), noVoices: summary(presses.noVoices, noVoices) };
  } finally {
    await Promise.all([withVoices.close(), without.close()]);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer({ editionDir: 'dist', floorPages: new Map() });
  try {
    const url = `${server.origin}/edition/`;
    const runs = Number(process.argv[2] ?? 5);
    const result = { chosen: await timeToPlaying(url, runs), ...(await listenWithAndWithoutVoices(url, runs)) };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.close();
  }
}
