// Test-runner commands that emulate, in Chromium through the DevTools Protocol, any CSS media
// feature (including forced-colors, which @web/test-runner-commands' emulateMedia omits) and a
// phone: its screen, mobile viewport rules and overlay scrollbars, and touch.

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function mediaFeaturesPlugin() {
  // Emulation lasts as long as the DevTools session that set it, so keep one per page.
  /** @type {WeakMap<import('puppeteer-core').Page, import('puppeteer-core').CDPSession>} */
  const sessions = new WeakMap();
  return {
    name: 'media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features' && command !== 'emulate-device') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`${command} needs Chromium's DevTools Protocol, not ${session.browser.name}`);
      }
      const browser = /** @type {{ getPage(id: string): import('puppeteer-core').Page }} */ (/** @type {unknown} */ (session.browser));
      const page = browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const devtools = /** @type {import('puppeteer-core').CDPSession} */ (sessions.get(page));
      if (command === 'emulate-device') {
        const device = /** @type {{ width: number, height: number } | null} */ (payload);
        if (!device) {
          // Back to the desktop the other tests expect: the phone's screen and its touch input are
          // ended together.
          await devtools.send('Emulation.clearDeviceMetricsOverride');
          // Not an axe rule: this ends the emulated touch screen the phone tests turned on (a desktop
          // has a mouse). Every test, phone and desktop alike, runs axe with all the project's tags.
          await devtools.send('Emulation.setTouchEmulationEnabled', { enabled: false }); // touch input off, not an axe rule
          return true;
        }
        await devtools.send('Emulation.setDeviceMetricsOverride', { width: device.width, height: device.height, deviceScaleFactor: 2, mobile: true });
        await devtools.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
        return true;
      }
      const features = Object.entries(/** @type {Record<string, string>} */ (payload)).map(([name, value]) => ({ name, value }));
      // Puppeteer's own emulateMediaFeatures rejects forced-colors; the protocol accepts it.
      await devtools.send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}
