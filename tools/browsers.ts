// The one place that knows how this project starts a browser, for the tests
// (web-test-runner.config.mjs) and the benchmark (bench/) alike: Debian's Chromium and Firefox
// ESR, never a downloaded build; flags that keep Chromium from calling out on a closed
// network; for read-aloud end to end, a real speech engine in a scratch HOME; for the
// audio edition, PulseAudio's null sink, without which Firefox refuses to play media; and, for
// WebKit (the engine of every iOS browser), WebKitGTK's WebDriver and a virtual X server.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** WebKitGTK's WebDriver and the browser it drives (Debian's webkit2gtk-driver). */
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';

/** --no-sandbox: CI runs as root. The rest keep Chromium quiet on a network that answers nothing. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Lets a page play media and speak without a user gesture first (see chromiumOptions' `autoplay`). */
const AUTOPLAY_FLAG = '--autoplay-policy=no-user-gesture-required';

/** Speech through speech-dispatcher; the autoplay flag lets a script press Play, as readers do by hand. */
export const SPEECH_FLAGS = ['--enable-speech-dispatcher', AUTOPLAY_FLAG];

/** Lighthouse's default mobile device (Moto G Power), so puppeteer checks see the same layout. */
export const MOBILE_VIEWPORT = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/** How Chromium is started: its executable, flags and environment. */
export interface ChromiumOptions {
  executablePath: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Chromium's flags and environment. With `speech`, a scratch HOME in which it speaks through
 * speech-dispatcher and espeak-ng; `home` names that folder, so two runs on one machine never
 * share a speech-dispatcher. `autoplay: false` keeps Chromium's own rule with speech: nothing
 * plays or speaks before the user's first gesture, as for readers (the *.gesture.test.ts group).
 */
export function chromiumOptions({
  speech = false,
  autoplay = true,
  home = SPEECH_HOME,
}: { speech?: boolean; autoplay?: boolean; home?: string } = {}): ChromiumOptions {
  const speechFlags = SPEECH_FLAGS.filter((flag) => autoplay || flag !== AUTOPLAY_FLAG);
  return {
    executablePath: CHROMIUM,
    args: speech ? [...QUIET_FLAGS, ...speechFlags] : QUIET_FLAGS,
    env: speech ? { ...process.env, HOME: speechHome(home) } : process.env,
  };
}

/** The test run's speech HOME (see speechHome): one per run, so two runs never share a speech-dispatcher. */
const SPEECH_HOME = `reader-edition-speech-home-${process.pid}`;

/**
 * A scratch HOME in which speech-dispatcher speaks with espeak-ng into ALSA's null device
 * (there is no sound card here); the machine's own speech settings are left alone. Its log
 * (speechLogFile) records every message with the rate the browser set for it, which is how the
 * tests see what the engine was really given. `name` is a folder name under the system's
 * temporary folder.
 */
export function speechHome(name: string): string {
  const home = path.join(os.tmpdir(), name);
  mkdirSync(path.join(home, '.config/speech-dispatcher'), { recursive: true });
  // speech-dispatcher logs nowhere if its log's folder is not there.
  mkdirSync(path.join(home, 'speechd-log'), { recursive: true });
  writeFileSync(path.join(home, '.asoundrc'), 'pcm.!default { type null }\n');
  writeFileSync(
    path.join(home, '.config/speech-dispatcher/speechd.conf'),
    [
      'AudioOutputMethod "alsa"',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      'DefaultModule espeak-ng',
      'LogLevel 5',
      `LogDir "${path.join(home, 'speechd-log')}"`,
      '',
    ].join('\n'),
  );
  return home;
}

/** speech-dispatcher's log in a speech HOME (see speechHome), this run's by default. */
export const speechLogFile = (name = SPEECH_HOME) =>
  path.join(os.tmpdir(), name, 'speechd-log', 'speech-dispatcher.log');

/**
 * PulseAudio with a null sink, in a runtime folder of its own: Firefox on a machine with no
 * sound card rejects `play()` unless some audio server takes its output (Chromium plays into
 * nothing without one). The server is this process's and ends with it. Returns the environment
 * that sends a browser's audio there, or undefined where PulseAudio is not installed (the tests
 * that play audio in Firefox then fail, saying so). `name` is a folder name under the system's
 * temporary folder.
 */
export function nullSink(name = `reader-edition-pulse-${process.pid}`): Record<string, string> | undefined {
  if (!existsSync(PULSEAUDIO)) return undefined;
  const runtime = path.join(os.tmpdir(), name);
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const env = { ...process.env, XDG_RUNTIME_DIR: runtime, HOME: runtime };
  const server = spawn(PULSEAUDIO, NULL_SINK_ARGS, { env, stdio: 'ignore' });
  process.on('exit', () => {
    server.kill();
    rmSync(runtime, { recursive: true, force: true });
  });
  return { PULSE_SERVER: `unix:${path.join(runtime, 'pulse', 'native')}` };
}

const PULSEAUDIO = '/usr/bin/pulseaudio';

/**
 * A virtual X server for this process, ended with it: WebKitGTK draws only on a display, even
 * under WebDriver. Resolves to its display name (":N"); Xvfb picks a free number itself.
 */
export function virtualDisplay(): Promise<string> {
  // -displayfd: Xvfb writes the display number it took, so runs side by side never collide.
  const server = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  process.on('exit', () => server.kill());
  return new Promise((resolve, reject) => {
    let text = '';
    server.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`Xvfb ended (${code}) before it opened a display`)));
  });
}

/** PulseAudio in the foreground with one null sink, for as long as its owner runs: the test runner's and the Orca stack's. */
export const NULL_SINK_ARGS = [
  '-n',
  '--daemonize=no',
  '--exit-idle-time=-1',
  '--disallow-exit',
  '-L',
  'module-native-protocol-unix',
  '-L',
  'module-null-sink sink_name=nullsink',
  '-L',
  'module-always-sink',
];

/** What the browser tests need from the machine: the file, what it is, how to install it, and any other way. */
const REQUIREMENTS: [file: string, name: string, install: string, alternative: string][] = [
  [CHROMIUM, 'Chromium', 'apt-get install chromium', ', or set CHROME_PATH to its path'],
  [FIREFOX, 'Firefox ESR', 'apt-get install firefox-esr', ', or set FIREFOX_PATH to its path'],
  [
    '/usr/bin/speech-dispatcher',
    'speech-dispatcher (the speech engine read-aloud is tested against)',
    'apt-get install speech-dispatcher speech-dispatcher-espeak-ng',
    '',
  ],
  [
    '/usr/lib/speech-dispatcher-modules/sd_espeak-ng',
    'the espeak-ng voice module',
    'apt-get install speech-dispatcher-espeak-ng',
    '',
  ],
  [PULSEAUDIO, 'PulseAudio (a null sink, so Firefox plays the audio edition)', 'apt-get install pulseaudio', ''],
  [
    WEBKIT_DRIVER,
    "WebKitGTK's WebDriver",
    'apt-get install webkit2gtk-driver',
    ', or set WEBKIT_DRIVER_PATH to its path',
  ],
  [
    MINIBROWSER,
    "WebKitGTK's MiniBrowser",
    'apt-get install webkit2gtk-driver',
    ', or set MINIBROWSER_PATH to its path',
  ],
  [XVFB, 'Xvfb (a virtual display for WebKitGTK)', 'apt-get install xvfb', ''],
];

/** Says what is missing and how to install it; false when anything is. */
export function checkBrowsers(): boolean {
  const missing = REQUIREMENTS.filter(([file]) => !existsSync(file));
  for (const [file, name, install, alternative] of missing) {
    console.error(`${name} was not found at ${file}. Install it with \`${install}\` (as root)${alternative}.`);
  }
  return missing.length === 0;
}
