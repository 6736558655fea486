// `npm test` runs every browser test in real Chromium and Firefox ESR from Debian's packages, and
// the default group in WebKitGTK too.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { checkBrowsers, chromiumOptions, FIREFOX, nullSink } from './tools/browsers.ts';
import { WebKitLauncher } from './tools/webkit-launcher.ts';
import { articlePages } from './tools/dev-server-plugin.ts';
import { mediaFeaturesPlugin } from './test/plugins/media-features-plugin.ts';
import { accessibilityTreePlugin } from './test/plugins/accessibility-tree-plugin.ts';
import { withoutModulesPlugin } from './test/plugins/without-modules-plugin.ts';
import { offlineSitePlugin } from './test/plugins/offline-site-plugin.ts';
import { ARCHIVE_SITE, AUDIO_SITE, QUEUE_SITE, fixtureSitePlugin } from './test/plugins/fixture-site-plugin.ts';
import { htmlValidityPlugin } from './test/plugins/html-validity-plugin.ts';
import { keyboardPlugin } from './test/plugins/keyboard-plugin.ts';
import { speechLogPlugin } from './test/plugins/speech-log-plugin.ts';

if (!checkBrowsers()) process.exit(1);

// A function, not a shared instance: each group gets its own browser and so its own
// localStorage, and groups running side by side cannot clear each other's settings.
// With `speech`, a real engine for end-to-end read-aloud tests, one per test run.
// `autoplay: false`: speech without the autoplay flag, so a page speaks only after a real gesture.
const chromium = (speech = false, autoplay = true) =>
  chromeLauncher({ launchOptions: chromiumOptions({ speech, autoplay }) });

// Firefox plays media only where an audio server takes its output: PulseAudio's null sink,
// started for this run and ended with it (see tools/browsers.ts). It is driven by chromeLauncher
// over puppeteer-core, as @web/test-runner-puppeteer does, without the full puppeteer it loads.
const audioServer = nullSink();
const firefox = chromeLauncher({
  puppeteer,
  launchOptions: {
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    env: { ...process.env, ...audioServer },
  },
});

// WebKit, the engine of every iOS browser: WebKitGTK's MiniBrowser under its WebDriver, on a
// virtual display, its audio into the same null sink (tools/webkit-launcher.ts).
// A function, as for Chromium: each group gets a browser of its own.
const webkit = () => new WebKitLauncher({ ...process.env, ...audioServer });

// `npm run test:quick` sets TEST_QUICK: the browser unit tests in Chromium alone, for everyday
// work. They leave to `npm test` the conformance walk through every state (test/conformance/)
// and the tests that build and serve a whole site.
const quick = process.env.TEST_QUICK === '1';
const NOT_QUICK = [
  '!test/conformance/**',
  '!test/site/fixture-*.test.ts',
  '!test/offline/kept-audio.test.ts',
  '!test/audio/server-without-ranges.test.ts',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  nodeResolve: true,
  // Tests are grouped by subject (test/<subject>/); the file name chooses the browsers.
  files: [
    'test/**/*.test.ts',
    '!test/**/*.chromium.test.ts',
    '!test/**/*.speech.test.ts',
    '!test/**/*.gesture.test.ts',
    '!test/**/*.node.test.ts',
    '!test/orca/**',
    ...(quick ? NOT_QUICK : []),
  ],
  browsers: quick ? [chromium()] : [chromium(), firefox, webkit()],
  groups: quick
    ? []
    : [
        // *.chromium.test.ts: media emulation (dark scheme, forced colours) and the accessibility
        // tree need the Chrome DevTools Protocol.
        { name: 'chromium-only', files: 'test/**/*.chromium.test.ts', browsers: [chromium()] },
        // *.speech.test.ts: end to end against the real engine (speech-dispatcher is Linux
        // Chromium's speech backend), and the served offline edition (test/plugins/offline-site-plugin.ts;
        // its network and quota emulation need the DevTools Protocol), which must read aloud offline too.
        // The audio kept offline is tested in both browsers (test/offline/kept-audio.test.ts).
        { name: 'real-speech', files: 'test/**/*.speech.test.ts', browsers: [chromium(true)] },
        // *.gesture.test.ts: the real engine WITHOUT the autoplay flag, where Chromium refuses to
        // speak before a real gesture (the listening queue going on without another one). Firefox
        // here has no speech engine; its media is refused without a gesture in the default group.
        { name: 'gesture', files: 'test/**/*.gesture.test.ts', browsers: [chromium(true, false)] },
        // Read aloud end to end with WebKit's own speech synthesis (Flite in WebKitGTK); the rest of
        // the group needs the DevTools Protocol. The offline edition in WebKit: test/offline/kept-audio.test.ts.
        { name: 'webkit-speech', files: 'test/read-aloud/real-engine.speech.test.ts', browsers: [webkit()] },
      ],
  concurrency: 1,
  concurrentBrowsers: 2,
  testsFinishTimeout: 600_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 60_000 } },
  plugins: [
    articlePages(),
    mediaFeaturesPlugin(),
    accessibilityTreePlugin(),
    withoutModulesPlugin(),
    offlineSitePlugin(),
    fixtureSitePlugin(),
    fixtureSitePlugin({ prefix: AUDIO_SITE, sources: 'test/fixtures/articles/audio', audio: true }),
    fixtureSitePlugin({ prefix: ARCHIVE_SITE, sources: 'test/fixtures/articles/archive' }),
    fixtureSitePlugin({ prefix: QUEUE_SITE, sources: 'test/fixtures/articles/queue', audio: true }),
    htmlValidityPlugin(),
    keyboardPlugin(),
    speechLogPlugin(),
    // 'esnext': TypeScript compiled, JavaScript left as it is. With 'auto', a browser the plugin does
    // not know as current (WebKitGTK's MiniBrowser, Safari newer than its data) gets the page's inline
    // scripts rewritten, and the page's Content-Security-Policy, which lists their hashes, blocks them.
    esbuildPlugin({ ts: true, target: 'esnext', tsconfig: 'tsconfig.json' }),
  ],
};
