// How the benchmark starts Chromium through puppeteer: as the tests do (tools/browsers.ts),
// with a fresh temporary profile each time (puppeteer's default).
import puppeteer from 'puppeteer-core';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { chromiumOptions } from '../tools/browsers.ts';

/** `speech`: a real engine, and Play may be pressed by script. */
export function launchChromium({ speech = false }: { speech?: boolean } = {}): Promise<Browser> {
  return puppeteer.launch({
    ...chromiumOptions({ speech, home: 'reader-edition-bench-speech-home' }),
    headless: true,
    protocolTimeout: 60_000,
  });
}

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps a named inner function in
 * `__name(fn, "name")`. A function sent into the page (page.evaluate, evaluateOnNewDocument)
 * travels as its source text, so the page needs a `__name` of its own, or it throws.
 */
const KEEP_NAMES = 'globalThis.__name ??= (target) => target;';

/** A new page, ready for the functions the bench sends into it. */
export async function newPage(context: Browser | BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.evaluateOnNewDocument(KEEP_NAMES);
  return page;
}
