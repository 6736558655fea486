// Pictures in a publisher's post hold their place: over the whole load of the page bundle with
// pictures, scrolled to its end so every lazy picture loads, Chromium reports no layout shift at
// all (CLS exactly 0; Firefox does not report layout shifts). And no picture a 1280 px screen
// can be sent weighs over 150 KB.
import { expect } from 'chai';
import { openEdition, type Edition } from '../helpers/edition.js';
import { startEachTestAfresh } from '../helpers/storage.js';
import { animationFrames, events, mutations, until } from '../helpers/waiting.js';

const PAGE = '/fixture-site/borrowing-in-rust.html';
const MAX_BYTES = 150 * 1024;

interface Shift {
  value: number;
  sources: string;
}

interface LayoutShift {
  value: number;
  hadRecentInput: boolean;
  sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

const rect = (r: DOMRectReadOnly) =>
  `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;

/** What moved, and from where to where: enough to find the cause from the failure message. */
const describeSource = (source: LayoutShift['sources'][number]) => {
  const node = source.node as Element | undefined;
  const name = node?.outerHTML?.slice(0, 80) ?? node?.nodeName ?? `(removed node)`;
  return `${name} ${rect(source.previousRect)} → ${rect(source.currentRect)}`;
};

/** Records every layout shift not caused by input since the page began loading (buffered). */
function recordShifts(win: Window & typeof globalThis) {
  const shifts: Shift[] = [];
  const take = (entries: PerformanceEntryList) => {
    for (const entry of entries as unknown as LayoutShift[]) {
      if (!entry.hadRecentInput)
        shifts.push({ value: entry.value, sources: entry.sources.map(describeSource).join('; ') });
    }
  };
  const observer = new win.PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  return {
    /** Stops recording and returns what was seen, including entries not yet delivered. */
    stop() {
      take(observer.takeRecords());
      observer.disconnect();
      return shifts;
    },
  };
}

/**
 * Scrolls to the end a screen at a time, as a reader would, letting each screen's lazy
 * pictures start: each screen is drawn (two frames), as the browser starts lazy pictures from
 * what it has drawn.
 */
async function scrollThrough(edition: Edition) {
  const root = edition.doc.scrollingElement!;
  while (root.scrollTop + edition.win.innerHeight < root.scrollHeight - 1) {
    const before = root.scrollTop;
    // Instant: the page scrolls smoothly where the reader allows motion.
    edition.win.scrollBy({ top: edition.win.innerHeight * 0.8, behavior: 'instant' });
    await animationFrames(2, edition.win);
    if (root.scrollTop === before) break;
  }
}

const indicatorWords = (edition: Edition) =>
  edition.doc
    .querySelector('offline-status')
    ?.shadowRoot?.querySelector('[part="indicator-words"]')
    ?.textContent?.trim() ?? '';

const pictures = (edition: Edition) => [...edition.doc.querySelectorAll('article img')] as HTMLImageElement[];

/** Every picture loaded, decoded and drawn (two frames: the one that draws them, and one after, by which its shifts are reported). */
async function allLoaded(edition: Edition) {
  const loads = pictures(edition).map((img) => events(img, 'load', 'error'));
  const unloaded = () =>
    pictures(edition)
      .filter((img) => !(img.complete && img.naturalWidth > 0))
      .map((img) => img.alt);
  await until(
    () => unloaded().length === 0,
    () => `every picture to load (not yet: ${unloaded().join(', ')})`,
    loads,
  );
  await Promise.all(pictures(edition).map((img) => img.decode()));
  await animationFrames(2, edition.win);
}

describe('pictures in a publisher’s post (Chromium)', function () {
  this.timeout(60_000);
  startEachTestAfresh();

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ]) {
    it(`cause no layout shift at ${width}×${height}, scrolled to the end`, async () => {
      const edition = await openEdition({ path: PAGE, width, height });
      const shifts = recordShifts(edition.win);
      const images = pictures(edition);
      expect(images.length, 'the fixture has pictures').to.be.greaterThan(1);
      for (const img of images) {
        expect(Number(img.getAttribute('width')), `${img.alt}: width`).to.be.greaterThan(0);
        expect(Number(img.getAttribute('height')), `${img.alt}: height`).to.be.greaterThan(0);
      }
      // Pictures below the first screen are lazy: they load as the reader nears them (how near
      // is the browser's choice), so the scroll below is what brings them in.
      expect(images.filter((img) => img.loading === 'lazy').length).to.be.greaterThan(0);
      // The first screen settles before the reader scrolls: the offline indicator has its
      // outcome (the test server holds back the worker, so saving fails here, as it can on a
      // reader's device), while the header is still in view.
      await until(
        () => !/Saving/.test(indicatorWords(edition)),
        'the offline indicator to settle',
        mutations(edition.doc.querySelector('offline-status')!.shadowRoot!),
      );
      // Drawn with its outcome.
      await animationFrames(1, edition.win);
      await scrollThrough(edition);
      await allLoaded(edition);
      const seen = shifts.stop();
      const total = seen.reduce((sum, s) => sum + s.value, 0);
      expect(total, JSON.stringify(seen, null, 1)).to.equal(0);
    });
  }

  it('sends a 1280 px screen no picture over 150 KB', async () => {
    const edition = await openEdition({ path: PAGE, width: 1280, height: 800 });
    await scrollThrough(edition);
    await allLoaded(edition);
    const sizes = new Map<string, number>();
    const bytes = async (url: string) => {
      // The resource timing entry when the browser has one, else the file as the server sends it.
      const timing = edition.win.performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined;
      return timing && timing.encodedBodySize > 0
        ? timing.encodedBodySize
        : (await (await fetch(url)).arrayBuffer()).byteLength;
    };
    for (const img of pictures(edition)) {
      expect(img.currentSrc, `${img.alt}: a picture was chosen`).to.not.equal('');
      sizes.set(img.currentSrc, await bytes(img.currentSrc));
      // Any copy a 1280 px screen could take, in either format: widths up to 1280 px.
      const sources = [img, ...img.parentElement!.querySelectorAll('source')];
      for (const source of sources) {
        for (const candidate of (source.getAttribute('srcset') ?? '').split(',')) {
          const [url, descriptor] = candidate.trim().split(/\s+/);
          if (url && parseInt(descriptor, 10) <= 1280) {
            const absolute = new URL(url, edition.doc.baseURI).href;
            sizes.set(absolute, await bytes(absolute));
          }
        }
      }
    }
    expect(sizes.size).to.be.greaterThan(pictures(edition).length);
    const over = [...sizes]
      .filter(([, size]) => size > MAX_BYTES)
      .map(([url, size]) => `${url}: ${(size / 1024).toFixed(1)} KB`);
    expect(over).to.deep.equal([]);
  });
});
