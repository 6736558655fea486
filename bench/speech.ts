// Time to speech: from pressing Listen to the engine starting the first utterance, with the
// real engine (speech-dispatcher and espeak-ng), on the edition and on a bare page that
// speaks the same sentence in its click handler. Both are timed the same way, in page time.
import { launchChromium } from './chromium.ts';

import { LISTENING_KEY } from '../src/preferences/storage-keys.ts';

const EDITION_BUTTON = 'read-aloud-player >>> .listen';
const FLOOR_BUTTON = 'button';
const WAIT_MS = 20_000;
/** After voices are listed, both sides wait this long before the press: the edition's player
 * polls for voices every 250 ms, and the press should time Play, not that race. */
export const PRESS_SETTLE_MS = 500;

/**
 * Runs in the page before its own script: chooses the device's voice (with espeak-ng's voices
 * only, the player would otherwise play the audio edition: bench/recorded.ts times that),
 * notes when a click reaches the window (capture phase, so before the button's own handler),
 * and wraps speak() to note when each utterance is handed to the engine and when the engine starts it.
 * @param {string} key the listening preferences' storage key
 */
function instrument(key) {
  localStorage.setItem(key, JSON.stringify({ source: 'device' }));
  const bench = { pressedAt: /** @type {number | undefined} */ (undefined), utterances: /** @type {any[]} */ ([]) };
  /** @type {any} */ (window).bench = bench;
  addEventListener('click', () => (bench.pressedAt ??= performance.now()), { capture: true });
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance) => {
    // Kept here too, so Chrome cannot collect a bare page's utterance before it starts.
    const entry = { utterance, text: utterance.text, voice: utterance.voice?.name ?? '(default)', spokenAt: performance.now(), startedAt: undefined };
    bench.utterances.push(entry);
    utterance.addEventListener('start', () => (entry.startedAt ??= performance.now()));
    speak(utterance);
  };
}

/**
 * One press in a fresh browser context.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {string} button
 */
async function press(browser, url, button) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(instrument, LISTENING_KEY);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => speechSynthesis.getVoices().length > 0, { polling: 50, timeout: WAIT_MS });
    const target = await page.waitForSelector(button, { timeout: WAIT_MS });
    await new Promise((resolve) => setTimeout(resolve, PRESS_SETTLE_MS));
    await target?.click();
    await page.waitForFunction(() => /** @type {any} */ (window).bench.utterances[0]?.startedAt !== undefined, { polling: 10, timeout: WAIT_MS });
    const result = await page.evaluate(() => {
      const { pressedAt, utterances: [first] } = /** @type {any} */ (window).bench;
      return { ms: first.startedAt - pressedAt, toSpeak: first.spokenAt - pressedAt, text: first.text, voice: first.voice };
    });
    await page.evaluate(() => speechSynthesis.cancel());
    return result;
  } finally {
    await context.close();
  }
}

/**
 * @param {{ edition: string, floor: string }} urls the floor URL is opened only after `setSentence`
 * @param {(sentence: string) => void} setSentence puts the edition's first sentence on the floor page
 * @param {number} runs presses on each side, alternating
 */
export async function timeToSpeech(urls, setSentence, runs) {
  const browser = await launchChromium({ speech: true });
  try {
    // The first press starts speech-dispatcher and tells us the sentence; it is not counted.
    const warmUp = await press(browser, urls.edition, EDITION_BUTTON);
    setSentence(warmUp.text);
    const edition = [];
    const floor = [];
    for (let run = 0; run < runs; run++) {
      edition.push(await press(browser, urls.edition, EDITION_BUTTON));
      floor.push(await press(browser, urls.floor, FLOOR_BUTTON));
    }
    return { sentence: warmUp.text, warmUpMs: warmUp.ms, edition, floor };
  } finally {
    await browser.close();
  }
}
