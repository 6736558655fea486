// ReadingPlaceController on a tiny host beside a tall article in the test's own page: it keeps
// the first block in view by number and text, and returns to it on the next visit, unless the
// address names a place, the place is on the first screen, or the reader has moved already.
import { expect } from 'chai';
import { LitElement } from 'lit';
import { ReadingPlaceController } from '../../src/components/reading-place/reading-place-controller.js';
import { ReadingPlaceStore } from '../../src/components/reading-place/reading-place-store.js';
import { READING_PLACE_KEY } from '../../src/preferences/storage-keys.js';
import { startEachTestAfresh } from '../helpers/storage.js';
import { animationFrames, nextStorageWrite, updates, until } from '../helpers/waiting.js';

const ARTICLE = 'A tall test article';

class PlaceHost extends LitElement {
  readonly place = new ReadingPlaceController(this, {
    article: () => document.querySelector('#tall-article'),
    id: () => ARTICLE,
  });
}
customElements.define('reading-place-host', PlaceHost);

/** An article of 60 paragraphs, each a screen's fifth tall, so the page scrolls. */
function tallArticle(count = 60) {
  const article = document.createElement('article');
  article.id = 'tall-article';
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i + 1}, which says something of its own.`;
    p.style.height = `${Math.round(window.innerHeight / 5)}px`;
    p.style.margin = '0';
    article.append(p);
  }
  document.body.append(article);
  return article;
}

const blocks = () => [...document.querySelectorAll('#tall-article p')];

/**
 * The controller looks for its place in the first frame once the fonts are ready (where a
 * block lies depends on them), and the host renders what it found: this waits for both.
 */
async function placeLookedFor(host: PlaceHost) {
  await document.fonts.ready;
  await animationFrames(1);
  await host.updateComplete;
}

async function connectHost() {
  const host = document.createElement('reading-place-host') as PlaceHost;
  document.body.append(host);
  await placeLookedFor(host);
  return host;
}

const kept = () => new ReadingPlaceStore().read(ARTICLE);

describe('ReadingPlaceController', function () {
  this.timeout(30_000);
  startEachTestAfresh();
  afterEach(() => {
    for (const el of document.querySelectorAll('reading-place-host, #tall-article')) el.remove();
    window.scrollTo({ top: 0, behavior: 'instant' });
    history.scrollRestoration = 'auto';
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('keeps the first block in view, by number and text, once scrolling rests and when the page is hidden', async () => {
    tallArticle();
    await connectHost();
    // Kept once scrolling has rested.
    const keptAt20 = nextStorageWrite(
      window,
      READING_PLACE_KEY,
      () => kept()?.block === 20,
      'the place to be kept after scrolling',
    );
    blocks()[20].scrollIntoView({ block: 'start', behavior: 'instant' });
    await keptAt20;
    expect(kept()!.text).to.equal('Paragraph 21, which says something of its own.');
    // Leaving at once: no wait for scrolling to rest.
    blocks()[30].scrollIntoView({ block: 'start', behavior: 'instant' });
    window.dispatchEvent(new Event('pagehide'));
    expect(kept()!.block).to.equal(30);
  });

  it('returns to a kept place below the first screen, taking over from the browser’s pixel restoration', async () => {
    tallArticle();
    new ReadingPlaceStore().write(ARTICLE, { block: 25, text: 'Paragraph 26, which says something of its own.' });
    const host = await connectHost();
    await until(() => host.place.returnedTo !== undefined, 'the place to be found', updates(host));
    expect(host.place.returnedTo).to.equal(blocks()[25]);
    expect(history.scrollRestoration).to.equal('manual');
    host.place.leave();
    expect(host.place.returnedTo).to.equal(undefined);
  });

  it('finds its block by its text in an article that has changed since', async () => {
    const article = tallArticle();
    new ReadingPlaceStore().write(ARTICLE, { block: 25, text: 'Paragraph 26, which says something of its own.' });
    for (let i = 0; i < 3; i++)
      article.prepend(Object.assign(document.createElement('p'), { textContent: `New paragraph ${i}` }));
    const host = await connectHost();
    await until(() => host.place.returnedTo !== undefined, 'the place to be found', updates(host));
    expect(host.place.returnedTo!.textContent).to.equal('Paragraph 26, which says something of its own.');
    expect(blocks().indexOf(host.place.returnedTo!)).to.equal(28);
  });

  it('stays put on a first visit, for a place on the first screen, a place no longer there, or an address that names a place', async () => {
    tallArticle();
    expect((await connectHost()).place.returnedTo, 'first visit').to.equal(undefined);
    expect(history.scrollRestoration).to.equal('auto');
    for (const el of document.querySelectorAll('reading-place-host')) el.remove();

    new ReadingPlaceStore().write(ARTICLE, { block: 1, text: 'Paragraph 2, which says something of its own.' });
    expect((await connectHost()).place.returnedTo, 'on the first screen').to.equal(undefined);
    for (const el of document.querySelectorAll('reading-place-host')) el.remove();

    new ReadingPlaceStore().write(ARTICLE, { block: 25, text: 'A paragraph since removed.' });
    expect((await connectHost()).place.returnedTo, 'gone').to.equal(undefined);
    for (const el of document.querySelectorAll('reading-place-host')) el.remove();

    new ReadingPlaceStore().write(ARTICLE, { block: 25, text: 'Paragraph 26, which says something of its own.' });
    history.replaceState(null, '', '#somewhere');
    expect((await connectHost()).place.returnedTo, 'a #fragment').to.equal(undefined);
  });

  it('leaves the reader where they are once they have moved about themselves', async () => {
    tallArticle();
    new ReadingPlaceStore().write(ARTICLE, { block: 25, text: 'Paragraph 26, which says something of its own.' });
    const host = document.createElement('reading-place-host') as PlaceHost;
    document.body.append(host);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' }));
    await placeLookedFor(host);
    expect(host.place.returnedTo).to.equal(undefined);
  });

  it('forgets an unusable stored value', async () => {
    localStorage.setItem(READING_PLACE_KEY, '{"not": "a list"}');
    expect(kept()).to.equal(undefined);
    localStorage.setItem(READING_PLACE_KEY, JSON.stringify([[ARTICLE, { block: -3, text: 'x' }]]));
    expect(kept()).to.equal(undefined);
  });
});
