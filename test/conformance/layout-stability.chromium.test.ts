// No layout shift while the edition loads (CLS 0): the components' places in the header are
// kept until their script arrives, and the offline status keeps its button's place while it
// saves. Chromium reports layout shifts; Firefox does not.
import { expect } from 'chai';
import { closeEditions, openEdition } from '../helpers/edition.js';
import { storeSettings } from '../helpers/settings.js';
import { startEachTestAfresh } from '../helpers/storage.js';
import { animationFrames, mutations, until } from '../helpers/waiting.js';

/**
 * Every layout shift not caused by input since the page began loading, up to what the last
 * frame drew: the browser reports each frame's shifts as it draws it, and holds those before the
 * observer for it (buffered), which takeRecords hands over at once.
 */
async function shifts(win: Window & typeof globalThis) {
  // Drawn since the last change: the frame after this one has the shifts of this one.
  await animationFrames(2, win);
  const observer = new win.PerformanceObserver(() => undefined);
  observer.observe({ type: 'layout-shift', buffered: true });
  const entries = observer.takeRecords() as unknown as {
    value: number;
    hadRecentInput: boolean;
    sources: { node?: Node }[];
  }[];
  observer.disconnect();
  return entries
    .filter((entry) => !entry.hadRecentInput)
    .map((entry) => ({ value: entry.value, sources: entry.sources.map((s) => s.node?.nodeName ?? '?').join(',') }));
}

describe('layout stability of the built edition (Chromium)', function () {
  this.timeout(60_000);
  startEachTestAfresh();

  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    for (const settings of [undefined, { textSize: 150, theme: 'dark', font: 'atkinson' } as const]) {
      it(`does not shift at ${width}×${height}${settings ? ' with stored settings' : ''}`, async () => {
        if (settings) {
          storeSettings(settings);
          // A returning reader: their font was downloaded when they chose it (and the worker
          // keeps it), so it is there before the first paint. A font fetched only after the
          // first paint swaps in and re-wraps what is on the first screen, which is the
          // article itself now.
          await openEdition({ path: '/dist/index.html', width, height });
          closeEditions();
        }
        const edition = await openEdition({ path: '/dist/index.html', width, height });
        const root = edition.doc.querySelector('offline-status')!.shadowRoot!;
        const status = () => root.querySelector('.status')?.textContent?.trim() ?? '';
        await until(
          () => status().startsWith('Available offline.'),
          'the edition to be saved for offline',
          mutations(root),
        );
        const seen = await shifts(edition.win);
        // Sub-pixel rounding of a reserved row may leave a shift of well under 0.001, which
        // Lighthouse reports as CLS 0; anything a reader could see is far larger.
        const total = seen.reduce((sum, s) => sum + s.value, 0);
        expect(total, JSON.stringify(seen)).to.be.below(0.001);
      });
    }
  }
});
