// How the benchmark starts Chromium through puppeteer: as the tests do (tools/browsers.ts),
// with a fresh temporary profile each time (puppeteer's default).
import puppeteer from 'puppeteer-core';
import { chromiumOptions } from '../tools/browsers.ts';

/**
 * @param {{ speech?: boolean }} [options] speech: a real engine, and Play may be pressed by script
 */
export function launchChromium({ speech = false } = {}) {
  return puppeteer.launch({
    ...chromiumOptions({ speech, home: 'reader-edition-bench-speech-home' }),
    headless: true,
    protocolTimeout: 60_000,
  });
}
