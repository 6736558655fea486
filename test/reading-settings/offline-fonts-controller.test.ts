// OfflineFontsController on a tiny host, in the test's own page: the optional fonts' faces as
// the page's stylesheet names them (the packages' real files, served by the test runner), the
// page's real Cache Storage, and `navigator.onLine` and `navigator.serviceWorker` replaced for
// one test. Offline, a font not kept is marked and choosing it is said; online nothing is
// marked, and a chosen font is kept whole where a worker controls the page, and only there.
// test/offline/offline-settings.test.ts shows the same with a served build, its worker and
// the server gone.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { OfflineFontsController } from '../../src/components/reading-settings-panel/offline-fonts-controller.js';
import { readingSettings } from '../../src/preferences/reading-settings.js';
import { FONT_CACHE } from '../../src/service-worker/font-cache.js';
import { announcement } from '../helpers/announcer.js';
import { replaceInNavigator, restoreNavigator } from '../helpers/navigator.js';
import { startEachTestAfresh } from '../helpers/storage.js';
import { testHost } from '../helpers/test-host.js';

class FontsHost extends LitElement {
  /** Shown, as an open panel is, while on the page. */
  readonly fonts = new OfflineFontsController(this, () => this.isConnected);
  override render() {
    return html`${[...this.fonts.unavailable].join()}`;
  }
}
const hosts = testHost('offline-fonts-host', FontsHost);

const FILES = '/node_modules/@fontsource';
/** Two faces of one font (regular and bold), one of the other, as the page's stylesheet has them. */
const ATKINSON = [
  `${FILES}/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2`,
  `${FILES}/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2`,
].map((file) => new URL(file, location.href).href);
const OPENDYSLEXIC = [`${FILES}/opendyslexic/files/opendyslexic-latin-400-normal.woff2`].map(
  (file) => new URL(file, location.href).href,
);

const faceRule = (family: string, weight: number, file: string) =>
  `@font-face { font-family: '${family}'; font-weight: ${weight}; src: url('${file}') format('woff2'), url('${file.replace(/2$/, '')}') format('woff'); }`;

/** The files of FONT_CACHE. */
const keptFiles = async () => (await (await caches.open(FONT_CACHE)).keys()).map((request) => request.url).sort();

/** A host whose controller has finished the check its first render made (as a panel's opening does). */
async function connected() {
  const host = await hosts.rendered();
  await host.fonts.check();
  await host.updateComplete;
  return host;
}

/** The reader chooses a font in the panel; resolves once the controller has done with the choice. */
async function choose(host: FontsHost, font: 'atkinson' | 'opendyslexic' | 'serif') {
  readingSettings().update({ font });
  // Checks run one after the other: this one ends after the one the choice started.
  await host.fonts.check();
}

describe('OfflineFontsController', () => {
  let style: HTMLStyleElement;

  beforeEach(async () => {
    style = document.head.appendChild(document.createElement('style'));
    style.textContent = [
      faceRule('Atkinson Hyperlegible', 400, ATKINSON[0]),
      faceRule('Atkinson Hyperlegible', 700, ATKINSON[1]),
      faceRule('OpenDyslexic', 400, OPENDYSLEXIC[0]),
    ].join('\n');
    await caches.delete(FONT_CACHE);
  });

  afterEach(async () => {
    hosts.removeAll();
    restoreNavigator();
    style.remove();
    readingSettings().reset();
    await caches.delete(FONT_CACHE);
  });
  // After the hooks above: the reset they make is not kept for the next test.
  startEachTestAfresh();

  it('offline, marks each optional font not kept whole, and says so when the reader chooses one', async () => {
    replaceInNavigator('onLine', false);
    // Atkinson Hyperlegible is kept whole; of OpenDyslexic, nothing.
    const cache = await caches.open(FONT_CACHE);
    for (const file of ATKINSON) await cache.put(file, new Response('font', { status: 200 }));
    const host = await connected();
    expect([...host.fonts.unavailable]).to.deep.equal(['opendyslexic']);
    expect(host.shadowRoot!.textContent).to.equal('opendyslexic');

    await choose(host, 'atkinson');
    await choose(host, 'opendyslexic');
    await announcement(
      { doc: document },
      'OpenDyslexic needs a connection: it is not kept on this device. Until the page opens online, the text is in a sans-serif font.',
    );
    // The choice stands (it applies once the page opens online); nothing was fetched to be kept.
    expect(readingSettings().value.font).to.equal('opendyslexic');
    expect(await keptFiles()).to.deep.equal(ATKINSON.toSorted());

    // One face missing: not kept whole, so not to be had offline either.
    await cache.delete(ATKINSON[1]);
    await host.fonts.check();
    expect([...host.fonts.unavailable].sort()).to.deep.equal(['atkinson', 'opendyslexic']);
  });

  it('online, marks nothing, and keeps a chosen font whole where a worker controls the page', async () => {
    replaceInNavigator('serviceWorker', Object.assign(new EventTarget(), { controller: {} }));
    const host = await connected();
    expect([...host.fonts.unavailable]).to.deep.equal([]);
    expect(await keptFiles()).to.deep.equal([]);

    await choose(host, 'atkinson');
    // Both faces, though this page has used neither: the whole font, loaded and kept.
    expect(await keptFiles()).to.deep.equal(ATKINSON.toSorted());
    const atkinson = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === 'Atkinson Hyperlegible');
    expect(atkinson.map((face) => face.status)).to.deep.equal(['loaded', 'loaded']);

    // A device font keeps nothing.
    await choose(host, 'serif');
    expect(await keptFiles()).to.deep.equal(ATKINSON.toSorted());
  });

  it('keeps a font chosen offline once the browser is online again', async () => {
    replaceInNavigator('serviceWorker', Object.assign(new EventTarget(), { controller: {} }));
    replaceInNavigator('onLine', false);
    const host = await connected();
    await choose(host, 'opendyslexic');
    expect([...host.fonts.unavailable]).to.include('opendyslexic');
    expect(await keptFiles()).to.deep.equal([]);

    replaceInNavigator('onLine', true);
    window.dispatchEvent(new Event('online'));
    await host.fonts.check();
    expect([...host.fonts.unavailable]).to.deep.equal([]);
    expect(await keptFiles()).to.deep.equal(OPENDYSLEXIC);
  });

  it('keeps nothing where no worker controls the page, as offline nothing would answer from the cache', async () => {
    replaceInNavigator('serviceWorker', Object.assign(new EventTarget(), { controller: null }));
    const host = await connected();
    await choose(host, 'opendyslexic');
    expect(await keptFiles()).to.deep.equal([]);
  });
});
