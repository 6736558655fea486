// `npm run screenshots`: what the edition looks like, for the README, made from the built site
// (dist/) so they are regenerated, not hand-made, when the layout changes: a phone and a
// desktop, light and dark, the reading settings open, the offline details open, and the player
// playing with the real speech engine (speech-dispatcher and espeak-ng, as the tests use it).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import { chromiumOptions } from './browsers.ts';
import { folder, startStaticServer } from '../generator/serve.ts';

const OUT = 'docs/screenshots';

const DEVICES = {
  phone: { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
};

interface Shot {
  /** The file's name, without .png. */
  name: string;
  device: keyof typeof DEVICES;
  /** The system's colour scheme (the edition follows it by default). */
  scheme: 'light' | 'dark';
  /** What the reader does first. */
  enter?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [];
for (const device of ['phone', 'desktop'] as const) {
  for (const scheme of ['light', 'dark'] as const) SHOTS.push({ name: `${device}-${scheme}`, device, scheme });
  SHOTS.push({ name: `${device}-settings`, device, scheme: 'light', enter: openSettings });
  SHOTS.push({ name: `${device}-playing`, device, scheme: 'light', enter: play });
}
SHOTS.push({ name: 'phone-offline', device: 'phone', scheme: 'light', enter: openOfflineDetails });

/** A shadow root's element, by the host's tag and a selector. */
const inShadow = (host: string, selector: string) =>
  `document.querySelector(${JSON.stringify(host)}).shadowRoot.querySelector(${JSON.stringify(selector)})`;

async function openSettings(page: Page): Promise<void> {
  await page.evaluate(`${inShadow('reading-settings-panel', '.toggle')}.click()`);
  await page.waitForFunction(`!${inShadow('reading-settings-panel', '.panel')}.hidden`);
}

async function openOfflineDetails(page: Page): Promise<void> {
  await page.evaluate(`${inShadow('offline-status', '.indicator')}.click()`);
  await page.waitForFunction(`!${inShadow('offline-status', '.details')}.hidden`);
}

/** Presses Listen, and moves on to a sentence of the first section once one is being spoken. */
async function play(page: Page): Promise<void> {
  await page.evaluate(`${inShadow('read-aloud-player', '.listen')}.click()`);
  // The page's announcer (src/announcer.ts) says so once it plays.
  await page.waitForFunction(`document.querySelector('[data-edition-announcer]')?.textContent.includes('Playing')`, {
    timeout: 30_000,
  });
  // On to the first sentence of the first section, so the bar shows progress and the highlight a sentence.
  await page.evaluate(`${inShadow('read-aloud-player', '.nextSection')}.click()`);
  await page.evaluate(`${inShadow('read-aloud-player', '.next')}.click()`);
  await page.waitForFunction(`${inShadow('read-aloud-player', '.where')}?.textContent.includes('Section 2 of')`);
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await startStaticServer({ resolve: folder('dist') });
  const browser = await puppeteer.launch({ ...chromiumOptions({ speech: true }), headless: true });
  try {
    for (const shot of SHOTS) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.emulate({ viewport: DEVICES[shot.device], userAgent: await browser.userAgent() });
      await page.emulateMediaFeatures([
        { name: 'prefers-color-scheme', value: shot.scheme },
        // No caret or smooth scroll caught half way.
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ]);
      await page.goto(`${server.origin}/index.html`, { waitUntil: 'networkidle0' });
      // The indicator at rest: saved, not saving.
      await page.waitForFunction(
        `${inShadow('offline-status', '.status')}?.textContent.startsWith('Available offline')`,
        { timeout: 30_000 },
      );
      await page.evaluate('document.fonts.ready');
      await shot.enter?.(page);
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      const file = path.join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file });
      console.log(`  ${file}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
