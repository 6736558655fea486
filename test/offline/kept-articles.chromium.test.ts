// Keeping articles for offline, for real: the fixture site of three short articles
// (test/fixtures/articles/offline, built with its audio edition) served from a static server on
// localhost, its worker installed, then the server stopped (the only sure way to cut off the
// worker's own requests too). Chromium only, for the storage quota the last test shrinks through
// the DevTools Protocol (test/plugins/offline-site-plugin.ts); the audio kept and played offline
// is tested in both browsers in kept-audio.test.ts. The archive fixture (test/fixtures/articles/archive)
// shows the archive's pages kept as they are opened, like articles.
import { expect } from 'chai';
import { site } from '../helpers/offline-site.js';
import {
  ANNOUNCED,
  ARTICLE_KEPT,
  CANAL,
  detailsText as text,
  expectNoAxeViolations,
  FOCUSED,
  H1,
  KEPT_URLS,
  openDetails,
  openKeptArticle,
  openSavedSite,
  PACKING,
  pressInDetails as press,
  TRAIN,
} from '../helpers/kept-site.js';

describe('articles kept for offline (a served fixture site, Chromium)', function () {
  // Each test builds a site with its audio and installs a worker: generous on a slow machine.
  this.timeout(180_000);

  afterEach(() => site.close());

  it('keeps an article when opened, marks it on the index, and offline shows a plain page for one never opened', async () => {
    await openSavedSite();
    // None is kept yet: the index marks none.
    expect(
      await site.evaluate(
        "[...document.querySelectorAll('kept-mark')].map((m) => m.shadowRoot?.textContent ?? '').join('')",
      ),
    ).to.equal('');

    await site.open(`/${CANAL}`);
    // The page, and its picture, are kept as they load.
    await site.waitFor(
      `${KEPT_URLS}.then((urls) => urls.includes('/${CANAL}') && urls.some((u) => u.startsWith('/assets/images/canal-')))`,
    );

    await site.open('/');
    const mark = (page: string) =>
      `(document.querySelector('kept-mark[href="./${page}"]')?.shadowRoot?.textContent ?? '').trim()`;
    await site.waitFor(`${mark(CANAL)} === '· Available offline'`);
    // In words, after the entry's details, read with them; the dot is for the eye only.
    expect(
      await site.evaluate(
        `(() => { const mark = document.querySelector('kept-mark[href="./${CANAL}"]'); return mark.parentElement.matches('p.article-meta') && mark === mark.parentElement.lastChild; })()`,
      ),
    ).to.equal(true);
    expect(
      await site.evaluate(
        `document.querySelector('kept-mark[href="./${CANAL}"]').shadowRoot.querySelector('[aria-hidden="true"]').textContent`,
      ),
    ).to.equal(' · ');
    expect(await site.evaluate(mark(PACKING))).to.equal('');
    await expectNoAxeViolations();

    await site.stopServer();
    await site.open(`/${CANAL}`);
    expect(await site.evaluate(H1)).to.equal('A walk by the canal');
    await site.waitFor(
      "[...document.querySelectorAll('article img')].every((img) => img.complete && img.naturalWidth > 0)",
    );

    // Never opened: a plain page at its own address that says so, served as 503, not the index.
    await site.open(`/${PACKING}`);
    expect(await site.evaluate(H1)).to.equal('Not available offline');
    expect(await site.evaluate('location.pathname')).to.equal(`/${PACKING}`);
    expect(await site.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")).to.equal(503);
    // It links to the kept article by its title, and to the index.
    const links = `[...document.querySelector('kept-articles').shadowRoot.querySelectorAll('a')].map((a) => [a.textContent.trim(), new URL(a.href).pathname])`;
    const kept = await site.waitFor<string[][]>(`(() => { const l = ${links}; return l.length > 0 && l; })()`);
    expect(kept).to.deep.equal([['A walk by the canal', `/${CANAL}`]]);
    expect(
      await site.evaluate("document.querySelector('kept-articles').shadowRoot.querySelector('h2').textContent"),
    ).to.equal('Kept on this device');
    expect(await site.evaluate('document.querySelector(\'main a[href="./"]\').textContent')).to.equal('All articles');
    await expectNoAxeViolations();

    // The index itself is precached and still marks what is kept.
    await site.open('/');
    await site.waitFor(`${mark(CANAL)} === '· Available offline'`);
  });

  it('keeps the archive’s pages as they are opened, and offline a year never opened says so', async () => {
    // Four articles, one on the home page: the archive and its years are pages of their own.
    await openSavedSite('test/fixtures/articles/archive');
    for (const page of ['archive.html', 'archive-2025.html']) {
      await site.open(`/${page}`);
      await site.waitFor(`${KEPT_URLS}.then((urls) => urls.includes('/${page}'))`);
    }
    await site.stopServer();
    await site.open('/archive.html');
    expect(await site.evaluate(H1)).to.equal('Archive');
    await site.open('/archive-2025.html');
    expect(await site.evaluate(H1)).to.equal('Articles of 2025');
    await expectNoAxeViolations();
    await site.open('/archive-2024.html');
    expect(await site.evaluate(H1)).to.equal('Not available offline');
    expect(await site.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")).to.equal(503);
    await expectNoAxeViolations();
  });

  it('keeps and removes an article from the offline details, keeping focus on the button', async () => {
    await openSavedSite();
    await openKeptArticle(TRAIN);
    await openDetails(ARTICLE_KEPT);

    // Remove, then keep again: one button whose words change, focus staying on it.
    await press('.keep-article');
    await site.waitFor(`${text('.article-kept')} === 'This article is not kept on this device.'`);
    expect(await site.evaluate(text('.keep-article'))).to.equal('Keep this article offline');
    expect(await site.evaluate(FOCUSED)).to.equal('keep-article');
    await site.waitFor(`${ANNOUNCED} === 'Removed from this device. Opening it online keeps it again.'`);
    expect(await site.evaluate(KEPT_URLS)).not.to.include(`/${TRAIN}`);
    await expectNoAxeViolations();

    await press('.keep-article');
    await site.waitFor(`${text('.article-kept')} === '${ARTICLE_KEPT}'`);
    expect(await site.evaluate(text('.keep-article'))).to.equal('Remove from this device');
    expect(await site.evaluate(FOCUSED)).to.equal('keep-article');
    await site.waitFor(`${ANNOUNCED} === '${ARTICLE_KEPT}'`);
    expect(await site.evaluate(KEPT_URLS)).to.include(`/${TRAIN}`);
  });

  it('says plainly when storage is too full to keep the audio, and loses nothing', async () => {
    await openSavedSite();
    await openKeptArticle(TRAIN);
    const usage = await site.evaluate<number>('navigator.storage.estimate().then((e) => e.usage)');
    await site.quota(usage + 4 * 1024);
    await openDetails(ARTICLE_KEPT);
    const bytes = await site.evaluate<number>("JSON.parse(document.getElementById('audio-edition').textContent).bytes");
    await press('.keep-audio');
    await site.waitFor(
      `${text('.audio-kept')} === 'Could not keep the audio (${Math.round(bytes / 1e3)} KB): storage is full. Nothing else was removed.'`,
    );
    expect(await site.evaluate(FOCUSED)).to.equal('keep-audio');
    expect(
      await site.evaluate("caches.open('reader-edition-audio').then((c) => c.keys()).then((k) => k.length)"),
    ).to.equal(0);
    expect(await site.evaluate(KEPT_URLS)).to.include(`/${TRAIN}`);
    expect(await site.evaluate(text('.article-kept'))).to.equal(ARTICLE_KEPT);
  });
});
