// Time to speech: from pressing Listen to the engine starting the first utterance, with the
// real engine (speech-dispatcher and espeak-ng), on the edition and on a bare page that
// speaks the same sentence in its click handler. Both are timed the same way, in page time.
import type { Browser } from 'puppeteer-core';
import { launchChromium, newPage } from './chromium.ts';
import { longestTaskSince, observeLongTasks } from './long-tasks.ts';
import { median } from './report.ts';
import type { SpeechSide } from './results.ts';

import { LISTENING_KEY } from '../src/preferences/storage-keys.ts';

const EDITION_BUTTON = 'read-aloud-player >>> .listen';
const FLOOR_BUTTON = 'button';
const WAIT_MS = 20_000;
/** After voices are listed, both sides wait this long before the press: the edition's player
 * polls for voices every 250 ms, and the press should time Play, not that race. */
export const PRESS_SETTLE_MS = 500;

/**
 * One press: from the click to speech starting, and to speak() being called; what was spoken,
 * by which voice; the longest main-thread task from the press to a second after speech started
 * (absent from results of older runs).
 */
export interface SpeechPress {
  ms: number;
  toSpeak: number;
  text: string;
  voice: string;
  longestTaskMs?: number;
}

export interface TimeToSpeech {
  /** The edition's first sentence, which the floor speaks too. */
  sentence: string;
  /** The uncounted first press, which starts speech-dispatcher. */
  warmUpMs: number;
  edition: SpeechPress[];
  floor: SpeechPress[];
}

/** Each utterance handed to the engine: when (page time), and when the engine started it. */
interface SpokenUtterance {
  utterance: SpeechSynthesisUtterance;
  text: string;
  voice: string;
  spokenAt: number;
  startedAt?: number;
}

/** What the page notes, as window.bench. */
interface PageBench {
  pressedAt?: number;
  utterances: SpokenUtterance[];
}

/**
 * Runs in the page before its own script: chooses the device's voice (with espeak-ng's voices
 * only, the player would otherwise play the audio edition: bench/recorded.ts times that),
 * notes when a click reaches the window (capture phase, so before the button's own handler),
 * and wraps speak() to note when each utterance is handed to the engine and when the engine starts it.
 * `key` is the listening preferences' storage key.
 */
function instrument(key: string): void {
  localStorage.setItem(key, JSON.stringify({ source: 'device' }));
  const bench: PageBench = { pressedAt: undefined, utterances: [] };
  (window as typeof window & { bench: PageBench }).bench = bench;
  addEventListener('click', () => (bench.pressedAt ??= performance.now()), { capture: true });
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance) => {
    // Kept here too, so Chrome cannot collect a bare page's utterance before it starts.
    const entry: SpokenUtterance = {
      utterance,
      text: utterance.text,
      voice: utterance.voice?.name ?? '(default)',
      spokenAt: performance.now(),
      startedAt: undefined,
    };
    bench.utterances.push(entry);
    utterance.addEventListener('start', () => (entry.startedAt ??= performance.now()));
    speak(utterance);
  };
}

/** One press of `button` in a fresh browser context. */
async function press(browser: Browser, url: string, button: string): Promise<SpeechPress> {
  const context = await browser.createBrowserContext();
  try {
    const page = await newPage(context);
    await page.evaluateOnNewDocument(instrument, LISTENING_KEY);
    await page.evaluateOnNewDocument(observeLongTasks);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => speechSynthesis.getVoices().length > 0, { polling: 50, timeout: WAIT_MS });
    const target = await page.waitForSelector(button, { timeout: WAIT_MS });
    await new Promise((resolve) => setTimeout(resolve, PRESS_SETTLE_MS));
    await target?.click();
    await page.waitForFunction(
      () => (window as typeof window & { bench: PageBench }).bench.utterances[0]?.startedAt !== undefined,
      { polling: 10, timeout: WAIT_MS },
    );
    const { pressedAt, ...result } = await page.evaluate(() => {
      const {
        pressedAt,
        utterances: [first],
      } = (window as typeof window & { bench: PageBench }).bench;
      // The wait above saw the first utterance start. NaN where the press was not seen (the median leaves it out).
      if (!first) throw new Error('no utterance was spoken');
      const pressed = pressedAt ?? NaN;
      return {
        pressedAt: pressed,
        ms: (first.startedAt ?? NaN) - pressed,
        toSpeak: first.spokenAt - pressed,
        text: first.text,
        voice: first.voice,
      };
    });
    const longestTaskMs = await longestTaskSince(page, pressedAt);
    await page.evaluate(() => speechSynthesis.cancel());
    return { ...result, longestTaskMs };
  } finally {
    await context.close();
  }
}

/**
 * `runs` presses on each side, alternating. The floor URL is opened only after `setSentence`,
 * which puts the edition's first sentence on the floor page.
 */
export async function timeToSpeech(
  urls: { edition: string; floor: string },
  setSentence: (sentence: string) => void,
  runs: number,
): Promise<TimeToSpeech> {
  const browser = await launchChromium({ speech: true });
  try {
    // The first press starts speech-dispatcher and tells us the sentence; it is not counted.
    const warmUp = await press(browser, urls.edition, EDITION_BUTTON);
    setSentence(warmUp.text);
    const edition: SpeechPress[] = [];
    const floor: SpeechPress[] = [];
    for (let run = 0; run < runs; run++) {
      edition.push(await press(browser, urls.edition, EDITION_BUTTON));
      floor.push(await press(browser, urls.floor, FLOOR_BUTTON));
    }
    return { sentence: warmUp.text, warmUpMs: warmUp.ms, edition, floor };
  } finally {
    await browser.close();
  }
}

/** One side's presses, with their medians. */
export const speechSide = (presses: SpeechPress[]): SpeechSide => ({
  medianMs: median(presses.map((p) => p.ms)),
  medianToSpeakMs: median(presses.map((p) => p.toSpeak)),
  medianLongestTaskMs: median(presses.map((p) => p.longestTaskMs ?? NaN)),
  runs: presses,
});
