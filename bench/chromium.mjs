// How the benchmark starts Chromium: Debian's, never a downloaded one, with a fresh profile
// each time, and kept from calling out on a closed network.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Lighthouse's default mobile device (Moto G Power), so puppeteer checks see the same layout. */
export const MOBILE_VIEWPORT = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/**
 * A scratch HOME holding speech-dispatcher's settings (espeak-ng into ALSA's null device),
 * as web-test-runner.config.mjs's speakingChromium does. A HOME of the bench's own also
 * gives it its own speech-dispatcher, apart from any test run on the same machine.
 */
function speechHome() {
  const home = path.join(os.tmpdir(), 'reader-edition-bench-speech-home');
  mkdirSync(path.join(home, '.config/speech-dispatcher'), { recursive: true });
  writeFileSync(path.join(home, '.asoundrc'), 'pcm.!default { type null }\n');
  writeFileSync(
    path.join(home, '.config/speech-dispatcher/speechd.conf'),
    'AudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n',
  );
  return home;
}

/**
 * Headless Chromium through puppeteer, in a fresh temporary profile (puppeteer's default).
 * @param {{ speech?: boolean }} [options] speech: a real engine, and Play may be pressed by script
 */
export function launchChromium({ speech = false } = {}) {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: speech ? [...QUIET_FLAGS, '--enable-speech-dispatcher', '--autoplay-policy=no-user-gesture-required'] : QUIET_FLAGS,
    env: speech ? { ...process.env, HOME: speechHome() } : process.env,
    protocolTimeout: 60_000,
  });
}
