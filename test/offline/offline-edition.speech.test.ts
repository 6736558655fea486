// The offline edition for real: a build served from a static server on localhost, opened in
// its own Chromium page, its service worker installed, then the server stopped (the only
// sure way to cut off the worker's own requests too) and the page reloaded. It runs in the
// Chromium that has a real speech engine, so read-aloud is shown to work offline too.
import { expect } from 'chai';
import { site, STATUS_TEXT } from '../helpers/offline-site.js';
import { LISTENING_KEY, SETTINGS_KEY } from '../helpers/storage.js';

const CONTROLLED_AND_SAVED = `navigator.serviceWorker.controller !== null && ${STATUS_TEXT}.startsWith('Available offline.')`;
const PRECACHE = "caches.keys().then((names) => caches.open(names.find((n) => n.includes('precache'))))";
const PRECACHE_KEYS = `${PRECACHE}.then((cache) => cache.keys()).then((keys) => keys.map((r) => r.url))`;
/** Every precached entry's status, as the worker would find it. */
const PRECACHE_ENTRIES = `${PRECACHE}.then(async (cache) => Promise.all((await cache.keys()).map(async (r) => ({ url: r.url, status: (await cache.match(r)).status }))))`;

/** What the reader sees of the article: whether it is whole, and how it is set. */
const ARTICLE = `({
  h1: document.querySelector('article h1')?.textContent.trim(),
  h2s: document.querySelectorAll('article h2').length,
  table: document.querySelector('article table caption')?.textContent.trim(),
  styled: getComputedStyle(document.querySelector('article')).maxWidth !== 'none',
  scripted: customElements.get('offline-status') !== undefined,
  theme: document.documentElement.dataset.theme,
})`;

interface Article {
  h1?: string;
  h2s: number;
  table?: string;
  styled: boolean;
  scripted: boolean;
  theme?: string;
}

async function expectWholeArticle(theme = 'system') {
  // The page's script starts once the page has been painted, so it may still be loading at 'load'.
  await site.waitFor("customElements.get('offline-status') !== undefined");
  const article = await site.evaluate<Article>(ARTICLE);
  expect(article.h1).to.match(/^After 31 Years of Treatment Resistant Depression/);
  expect(article.h2s).to.equal(12);
  expect(article.table).to.equal('Summary Table');
  expect(article.styled, 'the stylesheet applies').to.equal(true);
  expect(article.scripted, 'the script runs').to.equal(true);
  expect(article.theme).to.equal(theme);
}

async function expectNoAxeViolations() {
  const violations = await site.axe();
  expect(violations, `\n${violations}`).to.equal('');
}

/** Opens the served edition and waits until it is saved and its worker controls the page. */
async function openSaved() {
  await site.open();
  await site.waitFor(CONTROLLED_AND_SAVED);
}

describe('the offline edition (a served build, Chromium)', function () {
  // Each test builds the edition once or twice and installs a worker: generous on a slow machine.
  this.timeout(180_000);

  afterEach(() => site.close());

  it('saves itself on a first visit, then reads whole offline with the reader’s settings', async () => {
    await site.build();
    await site.serve({ holdWorker: true });
    await site.open();
    await site.statusIs('Saving for offline…');
    await expectNoAxeViolations();

    await site.releaseWorker();
    await site.waitFor(CONTROLLED_AND_SAVED);
    expect(await site.evaluate(STATUS_TEXT)).to.equal('Available offline.');
    expect(
      await site.evaluate("!!document.querySelector('offline-status').shadowRoot.querySelector('button.keep')"),
    ).to.equal(true);
    await expectNoAxeViolations();
    // The optional fonts are not part of the first-visit precache, only their samples; every
    // page and script is (the stylesheet is inline in the page), what loads on first use (the
    // player's speech code…) included.
    const precached = await site.evaluate<string[]>(PRECACHE_KEYS);
    expect(precached.filter((url) => url.includes('/assets/fonts/') && !url.includes('-sample-'))).to.deep.equal([]);
    for (const file of [
      'index.html',
      'manifest.webmanifest',
      'icons/icon-192.png',
      '/assets/main-',
      '/assets/first-use-',
    ]) {
      expect(
        precached.some((url) => url.includes(file)),
        file,
      ).to.equal(true);
    }

    await site.evaluate(`localStorage.setItem('${SETTINGS_KEY}', '{"theme":"sepia"}')`);
    // The device's voice, chosen: with espeak-ng's voices only, the player would default to the audio edition.
    await site.evaluate(`localStorage.setItem('${LISTENING_KEY}', '{"source":"device"}')`);
    await site.stopServer();
    await site.network(true);
    await site.reload();
    await expectWholeArticle('sepia');
    await site.statusIs('You are offline. This edition is saved on this device.');
    await expectNoAxeViolations();

    // Read-aloud speaks offline, with the device's own voices.
    const spoke = await site.evaluate<string>(`new Promise((resolve, reject) => {
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (utterance) => {
        utterance.addEventListener('start', () => resolve(utterance.text));
        utterance.addEventListener('error', (event) => reject(new Error(event.error)));
        speak(utterance);
      };
      document.querySelector('read-aloud-player').shadowRoot.querySelector('.listen').click();
    })`);
    expect(spoke).to.match(/^After 31 Years of Treatment Resistant Depression/);
    await site.evaluate("document.querySelector('read-aloud-player').shadowRoot.querySelector('.stop').click()");

    // An address the precache does not list (say, a shared link with a query) still opens the edition.
    await site.open('/?shared=1');
    await expectWholeArticle('sepia');
  });

  it('keeps a font the reader chose for offline reading, and only that one', async () => {
    await site.build();
    await site.serve();
    await openSaved();
    await site.evaluate(`localStorage.setItem('${SETTINGS_KEY}', '{"font":"atkinson"}')`);
    await site.reload();
    await site.evaluate(`document.fonts.load('1em "Atkinson Hyperlegible"')`);
    const cachedFonts = `caches.open('reader-edition-fonts').then((c) => c.keys()).then((keys) => keys.map((r) => r.url))`;
    const fonts = await site.waitFor<string[]>(`${cachedFonts}.then((urls) => urls.length > 0 && urls)`);
    expect(
      fonts.every((url) => /atkinson-hyperlegible-.*\.woff2$/.test(url)),
      fonts.join(),
    ).to.equal(true);

    await site.stopServer();
    await site.reload();
    const loaded = await site.evaluate<boolean>(
      `document.fonts.load('1em "Atkinson Hyperlegible"').then((faces) => faces.length > 0 && faces.every((f) => f.status === 'loaded'))`,
    );
    expect(loaded, 'the chosen font loads with the server gone').to.equal(true);
    expect(await site.evaluate('getComputedStyle(document.body).fontFamily')).to.match(/^"?Atkinson Hyperlegible/);
  });

  it('repairs its saved copy when the browser cleared or damaged it', async () => {
    await site.build();
    await site.serve();
    await openSaved();
    const saved = await site.evaluate<string[]>(PRECACHE_KEYS);
    // Damage one entry (an error stored in place of the page) and lose the rest.
    await site.evaluate(`(async () => {
      const name = (await caches.keys()).find((n) => n.includes('precache'));
      const cache = await caches.open(name);
      const [page, ...others] = (await cache.keys()).sort((a, b) => b.url.includes('index.html') - a.url.includes('index.html'));
      await cache.put(page, new Response('damaged', { status: 500 }));
      for (const request of others) await cache.delete(request);
    })()`);
    // Online, the page still comes whole (from the network), and the worker's check saves
    // everything again (the status says "Available offline" from the start on a repeat visit).
    await site.reload();
    await expectWholeArticle();
    await site.waitFor(
      `${PRECACHE_ENTRIES}.then((entries) => entries.length === ${saved.length} && entries.every((e) => e.status === 200))`,
    );
    await site.statusIs('Available offline.');

    await site.stopServer();
    await site.reload();
    await expectWholeArticle();
  });

  it('offers a new version, and changes only when the reader presses Reload, keeping their settings', async () => {
    const added = 'Version B of this edition adds this sentence.';
    const shows = (text: string) => `document.querySelector('article').textContent.includes(${JSON.stringify(text)})`;
    await site.build();
    await site.serve();
    await openSaved();
    await site.evaluate(
      `localStorage.setItem('${SETTINGS_KEY}', '{"theme":"sepia"}'); localStorage.setItem('another-key', 'kept')`,
    );

    await site.build(added);
    await site.reload();
    await site.statusIs('Available offline. A new version is available.');
    expect(await site.evaluate(shows(added)), 'still version A').to.equal(false);
    await expectNoAxeViolations();
    // Reloading the browser's way does not switch versions either: only the reader's Reload does.
    await site.reload();
    await site.statusIs('Available offline. A new version is available.');
    expect(await site.evaluate(shows(added)), 'still version A after a reload').to.equal(false);

    await site.evaluate("document.querySelector('offline-status').shadowRoot.querySelector('button.reload').click()");
    await site.waitFor(shows(added));
    await site.statusIs('Available offline.');
    await expectWholeArticle('sepia');
    expect(await site.evaluate("localStorage.getItem('another-key')")).to.equal('kept');

    // The new version is what is saved now.
    await site.stopServer();
    await site.reload();
    expect(await site.evaluate(shows(added)), 'version B offline').to.equal(true);
  });

  it('says plainly that it could not save when storage is full, and still works online', async () => {
    await site.build();
    await site.serve();
    await site.quota(16 * 1024);
    await site.open();
    await site.statusIs('Could not save for offline: storage is full.');
    await expectWholeArticle();
    await expectNoAxeViolations();
  });
});
