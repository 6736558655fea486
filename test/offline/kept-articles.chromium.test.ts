// Keeping articles and audio for offline, for real: the fixture site of three short articles
// (test/fixtures/articles/offline, built with its audio edition) served from a static server on
// localhost, its worker installed, then the server stopped (the only sure way to cut off the
// worker's own requests too). Chromium only: the served site is driven through the DevTools
// Protocol (test/plugins/offline-site-plugin.mjs).
import { expect } from '@esm-bundle/chai';
import { site, STATUS_TEXT } from '../helpers/offline-site.js';

const FIXTURE = 'test/fixtures/articles/offline';
const CANAL = 'a-walk-by-the-canal.html';
const PACKING = 'packing-light.html';
const TRAIN = 'reading-on-the-train.html';

const SAVED = `navigator.serviceWorker.controller !== null && ${STATUS_TEXT}.startsWith('Available offline.')`;
const KEPT_URLS = "caches.open('reader-edition-articles').then((cache) => cache.keys()).then((keys) => keys.map((r) => new URL(r.url).pathname))";
const H1 = "document.querySelector('h1')?.textContent.trim()";
/** The offline details' part for this article and its audio, once loaded. */
const KEEPING = "document.querySelector('offline-status').shadowRoot.querySelector('offline-keeping')?.shadowRoot";
const text = (selector: string) => `(${KEEPING}?.querySelector(${JSON.stringify(selector)})?.textContent ?? '').replace(/\\s+/g, ' ').trim()`;
const ANNOUNCED = "document.querySelector('[data-edition-announcer]')?.textContent ?? ''";
/** The element with focus, through shadow roots. */
const FOCUSED = '(() => { let el = document.activeElement; while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement; return el?.className ?? ""; })()';

async function expectNoAxeViolations() {
  const violations = await site.axe();
  expect(violations, `\n${violations}`).to.equal('');
}

/** Serves the fixture site and opens its index until the worker has saved it and controls the page. */
async function openSavedSite() {
  await site.buildArticles(FIXTURE);
  await site.serve();
  await site.open('/');
  await site.waitFor(SAVED);
}

/** Opens the offline details and waits for this article's part to load. */
async function openDetails(ready: string) {
  await site.waitFor("document.querySelector('offline-status')?.shadowRoot?.querySelector('.indicator')");
  await site.evaluate("document.querySelector('offline-status').shadowRoot.querySelector('.indicator').click()");
  await site.waitFor(`${text('.article-kept')} === ${JSON.stringify(ready)}`);
}

/** Presses a button of the details' article part as a keyboard user would: focused, then activated. */
const press = (selector: string) => site.evaluate(`(() => { const b = ${KEEPING}.querySelector(${JSON.stringify(selector)}); b.focus(); b.click(); })()`);

describe('articles and audio kept for offline (a served fixture site, Chromium)', function () {
  // Each test builds a site with its audio and installs a worker: generous on a slow machine.
  this.timeout(180_000);

  afterEach(() => site.close());

  it('keeps an article when opened, marks it on the index, and offline shows a plain page for one never opened', async () => {
    await openSavedSite();
    // None is kept yet: the index marks none.
    expect(await site.evaluate("[...document.querySelectorAll('kept-mark')].map((m) => m.shadowRoot?.textContent ?? '').join('')")).to.equal('');

    await site.open(`/${CANAL}`);
    // The page, and its picture, are kept as they load.
    await site.waitFor(`${KEPT_URLS}.then((urls) => urls.includes('/${CANAL}') && urls.some((u) => u.startsWith('/assets/images/canal-')))`);

    await site.open('/');
    const mark = (page: string) => `(document.querySelector('kept-mark[href="./${page}"]')?.shadowRoot?.textContent ?? '').trim()`;
    await site.waitFor(`${mark(CANAL)} === '· Available offline'`);
    // In words, after the entry's details, read with them; the dot is for the eye only.
    expect(await site.evaluate(`(() => { const mark = document.querySelector('kept-mark[href="./${CANAL}"]'); return mark.parentElement.matches('p.article-meta') && mark === mark.parentElement.lastChild; })()`)).to.equal(true);
    expect(await site.evaluate(`document.querySelector('kept-mark[href="./${CANAL}"]').shadowRoot.querySelector('[aria-hidden="true"]').textContent`)).to.equal(' · ');
    expect(await site.evaluate(mark(PACKING))).to.equal('');
    await expectNoAxeViolations();

    await site.stopServer();
    await site.open(`/${CANAL}`);
    expect(await site.evaluate(H1)).to.equal('A walk by the canal');
    await site.waitFor("[...document.querySelectorAll('article img')].every((img) => img.complete && img.naturalWidth > 0)");

    // Never opened: a plain page at its own address that says so, served as 503, not the index.
    await site.open(`/${PACKING}`);
    expect(await site.evaluate(H1)).to.equal('Not available offline');
    expect(await site.evaluate('location.pathname')).to.equal(`/${PACKING}`);
    expect(await site.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")).to.equal(503);
    // It links to the kept article by its title, and to the index.
    const links = `[...document.querySelector('kept-articles').shadowRoot.querySelectorAll('a')].map((a) => [a.textContent.trim(), new URL(a.href).pathname])`;
    const kept = await site.waitFor<string[][]>(`(() => { const l = ${links}; return l.length > 0 && l; })()`);
    expect(kept).to.deep.equal([['A walk by the canal', `/${CANAL}`]]);
    expect(await site.evaluate("document.querySelector('kept-articles').shadowRoot.querySelector('h2').textContent")).to.equal('Kept on this device');
    expect(await site.evaluate("document.querySelector('main a[href=\"./\"]').textContent")).to.equal('All articles');
    await expectNoAxeViolations();

    // The index itself is precached and still marks what is kept.
    await site.open('/');
    await site.waitFor(`${mark(CANAL)} === '· Available offline'`);
  });

  it('keeps and removes an article and its audio from the offline details, keeping focus on the button', async () => {
    await openSavedSite();
    await site.open(`/${TRAIN}`);
    await site.waitFor(`${KEPT_URLS}.then((urls) => urls.includes('/${TRAIN}'))`);
    await openDetails('This article is kept on this device: it opens offline.');

    // Remove, then keep again: one button whose words change, focus staying on it.
    await press('.keep-article');
    await site.waitFor(`${text('.article-kept')} === 'This article is not kept on this device.'`);
    expect(await site.evaluate(text('.keep-article'))).to.equal('Keep this article offline');
    expect(await site.evaluate(FOCUSED)).to.equal('keep-article');
    await site.waitFor(`${ANNOUNCED} === 'Removed from this device. Opening it online keeps it again.'`);
    expect(await site.evaluate(KEPT_URLS)).not.to.include(`/${TRAIN}`);

    await press('.keep-article');
    await site.waitFor(`${text('.article-kept')} === 'This article is kept on this device: it opens offline.'`);
    expect(await site.evaluate(text('.keep-article'))).to.equal('Remove from this device');
    expect(await site.evaluate(FOCUSED)).to.equal('keep-article');
    await site.waitFor(`${ANNOUNCED} === 'This article is kept on this device: it opens offline.'`);

    // The audio: not precached; kept on request, its size said as the page's metadata gives it.
    const audio = await site.evaluate<{ src: string; bytes: number; cues: string }>("JSON.parse(document.getElementById('audio-edition').textContent)");
    const size = `${Math.round(audio.bytes / 1e3)} KB`;
    expect(await site.evaluate(text('.audio-kept'))).to.equal('The audio is not kept offline: it plays only online.');
    expect(await site.evaluate(text('.keep-audio'))).to.equal(`Keep audio for offline (${size})`);
    expect(await site.evaluate("caches.keys().then((names) => names.some((n) => n.includes('precache')) && caches.match(new URL(JSON.parse(document.getElementById('audio-edition').textContent).src, location.href).href))")).to.equal(undefined);
    await expectNoAxeViolations();

    await press('.keep-audio');
    await site.waitFor(`${text('.audio-kept')} === 'Audio kept offline (${size}).'`);
    expect(await site.evaluate(FOCUSED)).to.equal('keep-audio');
    expect(await site.evaluate(text('.keep-audio'))).to.equal('Remove audio from this device');
    await site.waitFor(`${ANNOUNCED} === 'Audio kept offline (${size}).'`);
    await expectNoAxeViolations();

    // Offline: the kept audio answers a range request from the cache, and a media element seeks in it.
    await site.stopServer();
    await site.reload();
    expect(await site.evaluate(H1)).to.equal('Reading on the train');
    const range = await site.evaluate<{ status: number; length: number; contentRange: string | null }>(`fetch(${JSON.stringify(audio.src)}, { headers: { Range: 'bytes=100-199' } })
      .then(async (r) => ({ status: r.status, length: (await r.arrayBuffer()).byteLength, contentRange: r.headers.get('content-range') }))`);
    expect(range).to.deep.equal({ status: 206, length: 100, contentRange: `bytes 100-199/${audio.bytes}` });
    expect(await site.evaluate(`fetch(${JSON.stringify(audio.cues)}).then((r) => r.text()).then((t) => t.startsWith('WEBVTT'))`)).to.equal(true);
    const seeked = await site.evaluate<number>(`new Promise((resolve, reject) => {
      const media = new Audio(${JSON.stringify(audio.src)});
      media.preload = 'auto';
      media.addEventListener('error', () => reject(new Error('media error ' + media.error?.code)));
      media.addEventListener('loadedmetadata', () => { media.currentTime = media.duration / 2; }, { once: true });
      media.addEventListener('seeked', () => resolve(media.currentTime), { once: true });
    })`);
    expect(seeked).to.be.greaterThan(0);

    // Removing the audio takes its files away again.
    await openDetails('This article is kept on this device: it opens offline.');
    await site.waitFor(`${text('.audio-kept')} === 'Audio kept offline (${size}).'`);
    await press('.keep-audio');
    await site.waitFor(`${text('.audio-kept')} === 'The audio is not kept offline: it plays only online.'`);
    expect(await site.evaluate("caches.open('reader-edition-audio').then((c) => c.keys()).then((k) => k.length)")).to.equal(0);
  });

  it('says plainly when storage is too full to keep the audio, and loses nothing', async () => {
    await openSavedSite();
    await site.open(`/${TRAIN}`);
    await site.waitFor(`${KEPT_URLS}.then((urls) => urls.includes('/${TRAIN}'))`);
    const usage = await site.evaluate<number>('navigator.storage.estimate().then((e) => e.usage)');
    await site.quota(usage + 4 * 1024);
    await openDetails('This article is kept on this device: it opens offline.');
    const bytes = await site.evaluate<number>("JSON.parse(document.getElementById('audio-edition').textContent).bytes");
    await press('.keep-audio');
    await site.waitFor(`${text('.audio-kept')} === 'Could not keep the audio (${Math.round(bytes / 1e3)} KB): storage is full. Nothing else was removed.'`);
    expect(await site.evaluate(FOCUSED)).to.equal('keep-audio');
    expect(await site.evaluate("caches.open('reader-edition-audio').then((c) => c.keys()).then((k) => k.length)")).to.equal(0);
    expect(await site.evaluate(KEPT_URLS)).to.include(`/${TRAIN}`);
    expect(await site.evaluate(text('.article-kept'))).to.equal('This article is kept on this device: it opens offline.');
  });
});
