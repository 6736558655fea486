// Test-runner commands that emulate, in Chromium through the DevTools Protocol, any CSS media
// feature (including forced-colors, which @web/test-runner-commands' emulateMedia omits) and a
// phone: its screen, mobile viewport rules and overlay scrollbars, and touch.
// test/helpers/media.ts gives the commands a typed face.
import type { TestRunnerPlugin } from '@web/test-runner';
import type { ChromeLauncher } from '@web/test-runner-chrome';
import type { CDPSession, Page } from 'puppeteer-core';

export function mediaFeaturesPlugin(): TestRunnerPlugin {
  // Emulation lasts as long as the DevTools session that set it, so keep one per page.
  const sessions = new WeakMap<Page, CDPSession>();
  return {
    name: 'media-features',
    async executeCommand({ command, payload, session }): Promise<true | undefined> {
      if (command !== 'emulate-media-features' && command !== 'emulate-device') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`${command} needs Chromium's DevTools Protocol, not ${session.browser.name}`);
      }
      // The launchers of type 'puppeteer' are @web/test-runner-chrome's (web-test-runner.config.mjs).
      const page = (session.browser as ChromeLauncher).getPage(session.id);
      let devtools = sessions.get(page);
      if (!devtools) {
        devtools = await page.createCDPSession();
        sessions.set(page, devtools);
      }
      if (command === 'emulate-device') {
        const device = payload as { width: number; height: number } | null;
        if (!device) {
          // Back to the desktop the other tests expect: the phone's screen and its touch input are
          // ended together.
          await devtools.send('Emulation.clearDeviceMetricsOverride');
          // Not an axe rule: this ends the emulated touch screen the phone tests turned on (a desktop
          // has a mouse). Every test, phone and desktop alike, runs axe with all the project's tags.
          await devtools.send('Emulation.setTouchEmulationEnabled', { enabled: false }); // touch input off, not an axe rule
          return true;
        }
        await devtools.send('Emulation.setDeviceMetricsOverride', {
          width: device.width,
          height: device.height,
          deviceScaleFactor: 2,
          mobile: true,
        });
        await devtools.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
        return true;
      }
      const features = Object.entries(payload as Record<string, string>).map(([name, value]) => ({ name, value }));
      // Puppeteer's own emulateMediaFeatures rejects forced-colors; the protocol accepts it.
      await devtools.send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}
