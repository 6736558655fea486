// The one place that knows how this project starts a browser, for the tests
// (web-test-runner.config.mjs) and the benchmark (bench/) alike: Debian's Chromium and Firefox
// ESR, never a downloaded build; flags that keep Chromium from calling out on a closed
// network; and, for read-aloud end to end, a real speech engine in a scratch HOME.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** --no-sandbox: CI runs as root. The rest keep Chromium quiet on a network that answers nothing. */
export const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Speech through speech-dispatcher; the autoplay flag lets a script press Play, as readers do by hand. */
export const SPEECH_FLAGS = ['--enable-speech-dispatcher', '--autoplay-policy=no-user-gesture-required'];

/** Lighthouse's default mobile device (Moto G Power), so puppeteer checks see the same layout. */
export const MOBILE_VIEWPORT = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/**
 * Chromium's flags and environment. With `speech`, a scratch HOME in which it speaks through
 * speech-dispatcher and espeak-ng; `home` names that folder, so two runs on one machine never
 * share a speech-dispatcher.
 * @param {{ speech?: boolean, home?: string }} [options]
 */
export function chromiumOptions({ speech = false, home = `reader-edition-speech-home-${process.pid}` } = {}) {
  return {
    executablePath: CHROMIUM,
    args: speech ? [...QUIET_FLAGS, ...SPEECH_FLAGS] : QUIET_FLAGS,
    env: speech ? { ...process.env, HOME: speechHome(home) } : process.env,
  };
}

/**
 * A scratch HOME in which speech-dispatcher speaks with espeak-ng into ALSA's null device
 * (there is no sound card here); the machine's own speech settings are left alone.
 * @param {string} name a folder name under the system's temporary folder
 */
export function speechHome(name) {
  const home = path.join(os.tmpdir(), name);
  mkdirSync(path.join(home, '.config/speech-dispatcher'), { recursive: true });
  writeFileSync(path.join(home, '.asoundrc'), 'pcm.!default { type null }\n');
  writeFileSync(
    path.join(home, '.config/speech-dispatcher/speechd.conf'),
    'AudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n',
  );
  return home;
}

/** What the browser tests need from the machine, with how to install each. */
const REQUIREMENTS = [
  [CHROMIUM, 'Chromium', 'apt-get install chromium', ', or set CHROME_PATH to its path'],
  [FIREFOX, 'Firefox ESR', 'apt-get install firefox-esr', ', or set FIREFOX_PATH to its path'],
  ['/usr/bin/speech-dispatcher', 'speech-dispatcher (the speech engine read-aloud is tested against)', 'apt-get install speech-dispatcher speech-dispatcher-espeak-ng', ''],
  ['/usr/lib/speech-dispatcher-modules/sd_espeak-ng', 'the espeak-ng voice module', 'apt-get install speech-dispatcher-espeak-ng', ''],
];

/** Says what is missing and how to install it; false when anything is. */
export function checkBrowsers() {
  const missing = REQUIREMENTS.filter(([file]) => !existsSync(file));
  for (const [file, name, install, alternative] of missing) {
    console.error(`${name} was not found at ${file}. Install it with \`${install}\` (as root)${alternative}.`);
  }
  return missing.length === 0;
}
