// `npm test` runs every browser test in real Chromium and Firefox ESR from Debian's packages.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import puppeteer from 'puppeteer-core';
import { articlePages } from './scripts/dev-server-plugin.mjs';
import { mediaFeaturesPlugin } from './test/plugins/media-features-plugin.mjs';
import { withoutModulesPlugin } from './test/plugins/without-modules-plugin.mjs';
import { offlineSitePlugin } from './test/plugins/offline-site-plugin.mjs';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const missing = [
  [CHROMIUM, 'Chromium', 'apt-get install chromium', 'CHROME_PATH'],
  [FIREFOX, 'Firefox ESR', 'apt-get install firefox-esr', 'FIREFOX_PATH'],
].filter(([file]) => !existsSync(file));
if (missing.length > 0) {
  for (const [file, name, install, env] of missing) {
    console.error(`${name} was not found at ${file}. Install it with \`${install}\` (as root), or set ${env} to its path.`);
  }
  process.exit(1);
}

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: CHROMIUM,
    // --no-sandbox: CI runs as root. The rest keep Chromium from calling out on a closed network.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  },
});

const firefox = puppeteerLauncher({
  launcher: puppeteer,
  launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
});

export default {
  rootDir: '.',
  nodeResolve: true,
  files: ['test/**/*.test.ts', '!test/chromium/**'],
  browsers: [chromium, firefox],
  groups: [
    // Media emulation (dark scheme, forced colours) and the served offline edition
    // (test/plugins/offline-site-plugin.mjs) need the Chrome DevTools Protocol.
    { name: 'chromium-only', files: 'test/chromium/**/*.test.ts', browsers: [chromium] },
  ],
  concurrency: 1,
  concurrentBrowsers: 2,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 60_000 } },
  plugins: [articlePages(), mediaFeaturesPlugin(), withoutModulesPlugin(), offlineSitePlugin(), esbuildPlugin({ ts: true, target: 'auto', tsconfig: 'tsconfig.json' })],
};
