// A test-runner command that emulates any CSS media feature in Chromium through the
// DevTools Protocol, including forced-colors, which @web/test-runner-commands' emulateMedia omits.

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function mediaFeaturesPlugin() {
  // Emulation lasts as long as the DevTools session that set it, so keep one per page.
  /** @type {WeakMap<import('puppeteer-core').Page, import('puppeteer-core').CDPSession>} */
  const sessions = new WeakMap();
  return {
    name: 'media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`emulate-media-features needs Chromium's DevTools Protocol, not ${session.browser.name}`);
      }
      const browser = /** @type {{ getPage(id: string): import('puppeteer-core').Page }} */ (/** @type {unknown} */ (session.browser));
      const page = browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const features = Object.entries(/** @type {Record<string, string>} */ (payload)).map(([name, value]) => ({ name, value }));
      // Puppeteer's own emulateMediaFeatures rejects forced-colors; the protocol accepts it.
      await sessions.get(page)?.send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}
