// How the benchmark starts Chromium: Debian's, never a downloaded one, with a fresh profile
// each time, and kept from calling out on a closed network.
import puppeteer from 'puppeteer-core';
import { speechHome } from '../scripts/speech-home.mjs';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Lighthouse's default mobile device (Moto G Power), so puppeteer checks see the same layout. */
export const MOBILE_VIEWPORT = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/**
 * Headless Chromium through puppeteer, in a fresh temporary profile (puppeteer's default).
 * @param {{ speech?: boolean }} [options] speech: a real engine, and Play may be pressed by script
 */
export function launchChromium({ speech = false } = {}) {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: speech ? [...QUIET_FLAGS, '--enable-speech-dispatcher', '--autoplay-policy=no-user-gesture-required'] : QUIET_FLAGS,
    env: speech ? { ...process.env, HOME: speechHome('reader-edition-bench-speech-home') } : process.env,
    protocolTimeout: 60_000,
  });
}
