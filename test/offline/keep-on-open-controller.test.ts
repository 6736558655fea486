// KeepOnOpenController on a tiny host, with `navigator.serviceWorker` replaced by a fake and
// the test page's real Cache Storage: the open page is kept once a worker controls it (now, or
// when one takes over), the article's lazy pictures then load, and nothing happens without a
// worker or for the one article, which the precache holds.
import { expect } from 'chai';
import { LitElement } from 'lit';
import { KeepOnOpenController } from '../../src/components/offline-status/keep-on-open-controller.js';
import { ARTICLE_CACHE } from '../../src/service-worker/kept-caches.js';
import { removeFromNavigator, replaceInNavigator, restoreNavigator } from '../helpers/navigator.js';
import { idle, mutations, until } from '../helpers/waiting.js';

class OpenHost extends LitElement {}
customElements.define('keep-on-open-host', OpenHost);

const PAGE = location.origin + location.pathname;

/** A service worker container: `controller` as given; `controllerchange` fired by the test. */
function fakeContainer(controlled: boolean) {
  const container = Object.assign(new EventTarget(), { controller: controlled ? {} : null });
  replaceInNavigator('serviceWorker', container);
  return container;
}

function connect(kept: 'own' | 'precached') {
  const host = document.body.appendChild(document.createElement('keep-on-open-host')) as OpenHost;
  new KeepOnOpenController(host, kept);
  return host;
}

let article: HTMLElement;
const picture = () => article.querySelector('img')!;
const isKept = async () => (await (await caches.open(ARTICLE_CACHE)).match(PAGE)) !== undefined;
/** The controller loads the pictures last, once the page is kept: their `loading` changing is the end of its work. */
const picturesLoaded = () =>
  until(() => picture().loading === 'eager', 'the article’s pictures to load', mutations(article));

describe('KeepOnOpenController', () => {
  beforeEach(() => {
    article = document.body.appendChild(document.createElement('article'));
    article.innerHTML = '<img loading="lazy" width="4" height="2" alt="">';
  });

  afterEach(async () => {
    for (const host of document.querySelectorAll('keep-on-open-host')) host.remove();
    article.remove();
    restoreNavigator();
    await caches.delete(ARTICLE_CACHE);
  });

  it('keeps the open article where a worker controls the page, then loads its lazy pictures', async () => {
    fakeContainer(true);
    connect('own');
    await picturesLoaded();
    expect(await isKept()).to.equal(true);
    expect(picture().loading).to.equal('eager');
  });

  it('waits for a worker to take over the page, as on a first visit', async () => {
    const container = fakeContainer(false);
    connect('own');
    // The controller would keep the page, then load the pictures once the browser is idle.
    await idle();
    expect(await isKept()).to.equal(false);
    expect(picture().loading).to.equal('lazy');
    container.dispatchEvent(new Event('controllerchange'));
    await picturesLoaded();
    expect(await isKept()).to.equal(true);
  });

  it('only loads the pictures of the one article, which is precached as the home page', async () => {
    fakeContainer(true);
    connect('precached');
    await picturesLoaded();
    expect(picture().loading).to.equal('eager');
    expect(await isKept()).to.equal(false);
  });

  it('does nothing where the browser has no service workers', async () => {
    removeFromNavigator('serviceWorker');
    connect('own');
    // When a worker would have had the pictures loaded.
    await idle();
    expect(await isKept()).to.equal(false);
    expect(picture().loading).to.equal('lazy');
  });
});
