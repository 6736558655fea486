// `npm test` runs every browser test in real Chromium and Firefox ESR from Debian's packages.
import { existsSync } from 'node:fs';
import { speechHome } from './scripts/speech-home.mjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import puppeteer from 'puppeteer-core';
import { articlePages } from './scripts/dev-server-plugin.mjs';
import { mediaFeaturesPlugin } from './test/plugins/media-features-plugin.mjs';
import { accessibilityTreePlugin } from './test/plugins/accessibility-tree-plugin.mjs';
import { withoutModulesPlugin } from './test/plugins/without-modules-plugin.mjs';
import { offlineSitePlugin } from './test/plugins/offline-site-plugin.mjs';
import { fixtureSitePlugin } from './test/plugins/fixture-site-plugin.mjs';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const missing = [
  [CHROMIUM, 'Chromium', 'apt-get install chromium', ', or set CHROME_PATH to its path'],
  [FIREFOX, 'Firefox ESR', 'apt-get install firefox-esr', ', or set FIREFOX_PATH to its path'],
  ['/usr/bin/speech-dispatcher', 'speech-dispatcher (the speech engine read-aloud is tested against)', 'apt-get install speech-dispatcher speech-dispatcher-espeak-ng', ''],
  ['/usr/lib/speech-dispatcher-modules/sd_espeak-ng', 'the espeak-ng voice module', 'apt-get install speech-dispatcher-espeak-ng', ''],
].filter(([file]) => !existsSync(file));
if (missing.length > 0) {
  for (const [file, name, install, alternative] of missing) {
    console.error(`${name} was not found at ${file}. Install it with \`${install}\` (as root)${alternative}.`);
  }
  process.exit(1);
}

// A function, not a shared instance: each group gets its own browser and so its own
// localStorage, and groups running side by side cannot clear each other's settings.
const chromium = () => chromeLauncher({
  launchOptions: {
    executablePath: CHROMIUM,
    // --no-sandbox: CI runs as root. The rest keep Chromium from calling out on a closed network.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  },
});

// A real speech engine for end-to-end read-aloud tests (see scripts/speech-home.mjs), one per
// test run so two runs on one machine never share a speech-dispatcher.
const speakingChromium = () => chromeLauncher({
  launchOptions: {
    executablePath: CHROMIUM,
    env: { ...process.env, HOME: speechHome(`reader-edition-speech-home-${process.pid}`) },
    // The autoplay flag lets tests press Play by script; real readers press it themselves.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--enable-speech-dispatcher', '--autoplay-policy=no-user-gesture-required'],
  },
});

const firefox = puppeteerLauncher({
  launcher: puppeteer,
  launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
});

export default {
  rootDir: '.',
  nodeResolve: true,
  files: ['test/**/*.test.ts', '!test/chromium/**', '!test/real-speech/**'],
  browsers: [chromium(), firefox],
  groups: [
    // Media emulation (dark scheme, forced colours) needs the Chrome DevTools Protocol.
    { name: 'chromium-only', files: 'test/chromium/**/*.test.ts', browsers: [chromium()] },
    // End to end against the real engine (speech-dispatcher is Linux Chromium's speech backend),
    // and the served offline edition (test/plugins/offline-site-plugin.mjs, which needs the
    // DevTools Protocol), which must read aloud offline too.
    { name: 'real-speech', files: 'test/real-speech/**/*.test.ts', browsers: [speakingChromium()] },
  ],
  concurrency: 1,
  concurrentBrowsers: 2,
  testsFinishTimeout: 600_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 60_000 } },
  plugins: [articlePages(), mediaFeaturesPlugin(), accessibilityTreePlugin(), withoutModulesPlugin(), offlineSitePlugin(), fixtureSitePlugin(), esbuildPlugin({ ts: true, target: 'auto', tsconfig: 'tsconfig.json' })],
};
